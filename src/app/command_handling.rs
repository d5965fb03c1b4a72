//! Turning the frame's intents into work: keys into commands, [`Action`]s into session
//! calls, window commands ([`UiCommand`]) into what they do. Editing rules are the
//! session's; here they are only called and their errors shown.

use super::HashiyaApp;
use crate::i18n::plain;
use crate::model::Timestamp;
use crate::review::state::Choice;
use crate::session::SessionError;
use crate::tr_logical;
use crate::ui::commands::{KeyContext, UiCommand};
use crate::ui::error_text::session_error as error_text;
use crate::ui::modal::{Answer, Modal, Pending};
use crate::ui::{Action, LinkStep, theme};

impl HashiyaApp {
    /// Shows what a session call said when it did nothing: a hint as information, a
    /// failure as an error; a missing name brings up the question.
    pub(super) fn report<T>(&mut self, result: Result<T, SessionError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(SessionError::NoAnnotator) => {
                self.modal.get_or_insert(Modal::AskName { draft: String::new() });
                None
            }
            Err(err) if err.is_hint() => {
                self.toasts.info(error_text(&err));
                None
            }
            Err(err) => {
                self.toasts.error(error_text(&err));
                None
            }
        }
    }

    /// Turns this frame's keys into actions, in the key context the window is in.
    pub(super) fn handle_keys(&mut self, ctx: &egui::Context) {
        if self.close_on_escape(ctx) || self.modal.is_some() || self.chooser.is_some() || self.transfer.busy()
        {
            return;
        }
        let context = if ctx.text_edit_focused() || crate::ui::text_field::focused(ctx) {
            KeyContext::Typing
        } else if self.session.view().link.is_some() {
            KeyContext::Linking
        } else if self.session.review().is_some() {
            KeyContext::Review
        } else {
            KeyContext::Annotate
        };
        let project = self.session.project();
        let actions = ctx.input_mut(|input| crate::ui::keys::input_actions(input, context, project));
        self.actions.extend(actions);
    }

    /// Esc closes what is on top: the question (as its Cancel; the name question cannot
    /// be put off), the file chooser, a report's details, then the windows. Returns whether
    /// Esc was taken.
    fn close_on_escape(&mut self, ctx: &egui::Context) -> bool {
        if !ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            return false;
        }
        let closed = if let Some(modal) = &self.modal {
            let cancellable = !matches!(modal, Modal::AskName { .. });
            if cancellable {
                self.modal = None;
                self.actions.push(Action::Answer(Answer::Cancel));
            }
            cancellable
        } else {
            self.chooser.take().is_some() || self.toasts.details.take().is_some() || self.close_top_window()
        };
        if closed {
            ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        }
        closed
    }

    /// Closes the first open window of the label editor, the pattern editor, export,
    /// agreement and performance.
    fn close_top_window(&mut self) -> bool {
        let windows: [&mut bool; 8] = [
            &mut self.label_picker.open,
            &mut self.guidelines.open,
            &mut self.team.open,
            &mut self.label_editor.open,
            &mut self.pattern_editor.open,
            &mut self.transfer.export_open,
            &mut self.agreement.open,
            &mut self.performance.open,
        ];
        windows.into_iter().find(|open| **open).map(|open| *open = false).is_some()
    }

    /// Applies one action.
    pub fn handle(&mut self, action: Action, ctx: &egui::Context) {
        let now = Timestamp::now();
        match action {
            Action::Run(cmd) => self.run(cmd, ctx),
            Action::OpenDocument(doc) => self.session.open_document(doc),
            Action::SetMyQueue(on) => self.session.set_my_queue(on),
            Action::SelectSpan(span) => self.session.select_span(span),
            Action::SetSelection(range) => self.session.select_text(range),
            Action::ApplyLabel(label) => {
                self.label_picker.used(&label);
                let result = self.session.label(label, now);
                self.report(result);
            }
            Action::Relabel { span, label } => {
                let result = self.session.relabel(span, label, now);
                self.report(result);
            }
            Action::Resize { span, start_end, to, drag } => {
                let result = self.session.resize(span, start_end, to, drag, now);
                self.report(result);
            }
            Action::EndDrag => self.session.seal(),
            Action::SetLanguage(lang) => {
                crate::i18n::set_lang(lang);
                self.prefs.lang = Some(lang);
            }
            Action::SetIndicDigits(on) => {
                crate::i18n::set_indic_digits(on);
                self.prefs.indic_digits = on;
            }
            Action::SetRetrainAfter(n) => {
                let n = n.min(crate::ui::prefs::MAX_RETRAIN_AFTER);
                self.prefs.retrain_after = n;
                self.learning.learner.retrain_after = n;
            }
            Action::ReplaceLabels { labels, delete_spans_of, relation_types } => {
                let result = self.session.replace_label_set(&labels, &delete_spans_of, &relation_types);
                self.report(result);
            }
            Action::Reveal(doc, range) => self.session.reveal(doc, range),
            Action::OpenProject(_)
            | Action::Import(_)
            | Action::ImportAnnotations(_)
            | Action::FileChosen { .. }
                if self.transfer.busy() =>
            {
                self.toasts.info(plain("toast-wait-transfer"));
            }
            Action::OpenProject(path) => self.when_saved(Pending::Open(path), ctx),
            Action::Import(paths) => self.import_texts(&paths),
            Action::ImportAnnotations(paths) => self.import_annotations(paths),
            Action::FileChosen { request, paths } => self.file_chosen(request, paths, ctx),
            Action::Export(format, options) => self.export(format, options, ctx),
            Action::ComputeAgreement => self.compute_agreement(),
            Action::ShowLayer(name, on) => self.session.show_layer(&name, on),
            Action::Compare(slot, name) => self.session.compare(slot, &name),
            Action::GoToDisagreement(i) => {
                let result = self.session.go_to_disagreement(i);
                self.report(result);
            }
            Action::ReviewDocument(doc) => {
                let result = self.session.review_document(doc);
                self.report(result);
            }
            Action::SetPatterns(patterns) => {
                let result = self.session.set_patterns(patterns);
                self.report(result);
            }
            Action::Answer(answer) => self.answer(answer, ctx),
            Action::Link(step) => self.link_step(step, now),
            Action::SetAttribute { span, name, text } => {
                let result = self.session.set_attribute(span, &name, &text, now);
                self.report(result);
            }
            Action::SetAttributeValue { span, name, value } => {
                let result = self.session.set_attribute_value(span, &name, value, now);
                self.report(result);
            }
        }
    }

    /// One step of making (or removing) a link.
    fn link_step(&mut self, step: LinkStep, now: Timestamp) {
        match step {
            LinkStep::Start => {
                let result = self.session.start_link();
                if self.report(result).is_some() {
                    self.toasts.info(plain("toast-pick-link-target"));
                }
            }
            LinkStep::Cancel => self.session.cancel_link(),
            LinkStep::Step(forward) => {
                let result = self.session.step_link_target(forward);
                self.report(result);
            }
            LinkStep::Finish(kind) => {
                let result = self.session.finish_link(kind, now);
                self.report(result);
            }
            LinkStep::Delete(id) => {
                let result = self.session.delete_relation(id);
                self.report(result);
            }
        }
    }

    /// Acts on the answer to the question the window asked.
    fn answer(&mut self, answer: Answer, ctx: &egui::Context) {
        match answer {
            Answer::Name(name) => {
                let result = self.session.set_annotator(&name).map(str::to_string);
                if let Some(name) = self.report(result) {
                    self.prefs.annotator = Some(name);
                    // A recovery found while the name was asked is offered now.
                    self.offer_recovery();
                }
            }
            Answer::SaveThen(then) => {
                // What was asked goes on once the save is written (see `saves_ended`);
                // when a path is asked for first, the chooser's answer carries it on.
                if self.save(false, Some(then.clone()), ctx) {
                    self.after_save = Some(then);
                }
            }
            Answer::DiscardThen(then) => {
                if let Err(err) = self.session.discard_changes() {
                    self.toasts.error(tr_logical!("toast-reload-failed", error = error_text(&err)));
                }
                self.run_pending(then, ctx);
            }
            Answer::Recover(recovery) => self.recover(&recovery),
            Answer::DiscardRecovery => self.discard_recovery(),
            Answer::Overwrite => {
                self.save_with(crate::session::SaveMode::Overwrite, ctx);
            }
            Answer::SaveElsewhere => {
                self.save(true, None, ctx);
            }
            Answer::Note { span, text } => {
                let result = self.session.set_note(span, &text, Timestamp::now());
                self.report(result);
            }
            Answer::Cancel => {}
        }
    }

    /// Runs a window command (menu entry or shortcut).
    pub(super) fn run(&mut self, cmd: UiCommand, ctx: &egui::Context) {
        let now = Timestamp::now();
        match cmd {
            UiCommand::NewProject => self.when_saved(Pending::NewProject, ctx),
            UiCommand::Open => self.ask_open(ctx),
            UiCommand::Save => {
                self.save(false, None, ctx);
            }
            UiCommand::SaveAs => {
                self.save(true, None, ctx);
            }
            UiCommand::ImportTexts | UiCommand::ImportFolder => self.ask_import_texts(cmd, ctx),
            UiCommand::ImportAnnotations => self.ask_import_annotations(ctx),
            UiCommand::MergeColleague => self.ask_merge(ctx),
            UiCommand::Export => self.transfer.export_open = true,
            UiCommand::Undo => {
                let result = self.session.undo();
                self.report(result);
            }
            UiCommand::Redo | UiCommand::RedoAlt => {
                let result = self.session.redo();
                self.report(result);
            }
            UiCommand::NextDocument | UiCommand::PreviousDocument => {
                self.session.step_document(cmd == UiCommand::NextDocument);
            }
            UiCommand::NextSpan | UiCommand::PreviousSpan => {
                self.session.step_span(cmd == UiCommand::NextSpan);
            }
            UiCommand::MarkDone => {
                let result = self.session.toggle_done();
                self.report(result);
            }
            UiCommand::DeleteSpan => {
                let result = self.session.delete_selected();
                self.report(result);
            }
            UiCommand::EditNote => {
                if let Some((span, text)) = self.report(self.session.note_of_selected()) {
                    let quote: String =
                        self.session.selected_text().unwrap_or_default().chars().take(80).collect();
                    self.modal = Some(Modal::EditNote { span, text, quote });
                }
            }
            UiCommand::MoveEndLeft
            | UiCommand::MoveEndRight
            | UiCommand::MoveStartLeft
            | UiCommand::MoveStartRight => {
                self.nudge(cmd, now);
            }
            UiCommand::SuggestDocument
            | UiCommand::SuggestAll
            | UiCommand::AcceptSuggestion
            | UiCommand::RejectSuggestion
            | UiCommand::AcceptAllOfLabel
            | UiCommand::EditPatterns => self.run_suggestion_command(cmd, now),
            UiCommand::LearnFromSpans
            | UiCommand::SuggestWithModel
            | UiCommand::SuggestWithModelAll
            | UiCommand::MostUncertainDocument => {
                self.run_learning_command(cmd);
            }
            UiCommand::StartLink => self.link_step(LinkStep::Start, now),
            UiCommand::LinkNextTarget | UiCommand::LinkPreviousTarget => {
                self.link_step(LinkStep::Step(cmd == UiCommand::LinkNextTarget), now);
            }
            UiCommand::LinkFinish => self.link_step(LinkStep::Finish(None), now),
            UiCommand::LinkCancel => self.link_step(LinkStep::Cancel, now),
            UiCommand::AcceptAgreed => {
                let result = self.session.accept_agreed(now);
                if let Some(added) = self.report(result) {
                    self.toasts.info(crate::ui::review_panel::accepted_message(added));
                }
            }
            UiCommand::ZoomIn | UiCommand::ZoomOut | UiCommand::ZoomReset => {
                let (lo, hi) = theme::DOC_FONT_SIZE_RANGE;
                self.prefs.font_size = match cmd {
                    UiCommand::ZoomIn => (self.prefs.font_size + theme::ZOOM_STEP).min(hi),
                    UiCommand::ZoomOut => (self.prefs.font_size - theme::ZOOM_STEP).max(lo),
                    _ => theme::DOC_FONT_SIZE,
                };
            }
            UiCommand::ToggleTheme => {
                self.prefs.dark = !self.prefs.dark;
                ctx.set_theme(if self.prefs.dark { egui::Theme::Dark } else { egui::Theme::Light });
            }
            UiCommand::EditLabels => {
                if let Some(project) = self.session.project() {
                    self.label_editor.open(project);
                }
            }
            UiCommand::CopySelection => {
                if let Some(text) = self.session.selected_text() {
                    ctx.copy_text(text.to_string());
                }
            }
            UiCommand::Search => self.search.open(),
            UiCommand::ReviewMode => {
                let result = self.session.toggle_review();
                self.report(result);
            }
            UiCommand::Agreement => self.agreement.open(),
            UiCommand::Performance => self.performance.open = true,
            UiCommand::TeamProgress => self.team.open(),
            UiCommand::PickLabel => self.label_picker.open(),
            UiCommand::Guidelines => self.guidelines.open = !self.guidelines.open,
            UiCommand::NextDisagreement | UiCommand::PreviousDisagreement => {
                let result = self.session.step_disagreement(cmd == UiCommand::NextDisagreement);
                self.report(result);
            }
            UiCommand::NextUndecided => match self.session.next_undecided() {
                Err(SessionError::NoDisagreement) => self.toasts.info(crate::ui::review_panel::all_decided()),
                other => {
                    self.report(other);
                }
            },
            UiCommand::AcceptFirst
            | UiCommand::AcceptSecond
            | UiCommand::UseSelection
            | UiCommand::RejectDisagreement => {
                let choice = match cmd {
                    UiCommand::AcceptFirst => Choice::First,
                    UiCommand::AcceptSecond => Choice::Second,
                    UiCommand::RejectDisagreement => Choice::Reject,
                    _ => Choice::Selection,
                };
                let result = self.session.decide(choice, now);
                if self.report(result) == Some(false) {
                    self.toasts.info(crate::ui::review_panel::all_decided());
                }
            }
        }
    }

    /// The Suggest menu's commands.
    fn run_suggestion_command(&mut self, cmd: UiCommand, now: Timestamp) {
        match cmd {
            UiCommand::SuggestDocument | UiCommand::SuggestAll => {
                if self.transfer.busy() {
                    self.toasts.info(plain("toast-wait-job"));
                } else {
                    self.suggest(cmd == UiCommand::SuggestAll);
                }
            }
            UiCommand::AcceptSuggestion => {
                let result = self.session.accept_suggestion(now);
                self.report(result);
            }
            UiCommand::RejectSuggestion => {
                let result = self.session.reject_suggestion();
                self.report(result);
            }
            UiCommand::AcceptAllOfLabel => {
                let result =
                    self.session.selected_label().and_then(|l| self.session.accept_all_suggestions(&l, now));
                if let Some(n) = self.report(result) {
                    self.toasts.info(tr_logical!("toast-accepted-suggestions", count = n));
                }
            }
            UiCommand::EditPatterns => {
                if let Some(project) = self.session.project() {
                    self.pattern_editor.open(project);
                }
            }
            _ => {}
        }
    }

    /// Moves an end of the selected span by one grapheme on screen. Without a selected
    /// span the keys do nothing.
    fn nudge(&mut self, cmd: UiCommand, now: Timestamp) {
        let is_start = matches!(cmd, UiCommand::MoveStartLeft | UiCommand::MoveStartRight);
        let left = matches!(cmd, UiCommand::MoveEndLeft | UiCommand::MoveStartLeft);
        let view = &self.doc_view;
        let result =
            self.session.nudge_selected(is_start, |text, span| view.nudged(text, span, is_start, left), now);
        self.report(result);
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allow_close {
            return;
        }
        if self.session.is_saving() {
            // Closing waits for the save being written, then goes on by itself.
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.after_save = Some(Pending::Close);
            self.toasts.info(plain("toast-closing"));
        } else if self.session.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modal = Some(Modal::ConfirmDiscard { then: Pending::Close });
        }
    }
}
