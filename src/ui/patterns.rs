//! The project patterns editor: the project's own phrases per label, which suggest spans
//! like the built-in rules (regular expressions are not matched yet, so the editor offers
//! phrases only). Works on a draft; "Apply" pushes
//! [`Action::SetPatterns`], one undo step.

use super::{Action, EngineText, TextField};
use crate::i18n::tr;
use crate::model::{LabelId, Pattern, Project};

/// The draft being edited.
#[derive(Clone, Debug, Default)]
pub struct PatternEditor {
    pub open: bool,
    drafts: Vec<Pattern>,
    /// The project's patterns when the drafts were made.
    base: Vec<Pattern>,
}

impl PatternEditor {
    pub fn open(&mut self, project: &Project) {
        self.open = true;
        self.base = project.patterns.clone();
        self.drafts = project.patterns.clone();
    }

    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        project: &Project,
        engine: &mut EngineText,
        actions: &mut Vec<Action>,
    ) {
        if !self.open {
            return;
        }
        if self.base != project.patterns {
            self.open(project);
        }
        let mut open = self.open;
        egui::Window::new(tr("patterns-title")).open(&mut open).default_width(520.0).show(ctx, |ui| {
            super::wrapped_label(ui, &crate::i18n::plain("patterns-intro"));
            let mut delete = None;
            for (i, pattern) in self.drafts.iter_mut().enumerate() {
                ui.horizontal(|ui| {
                    let name =
                        project.label(&pattern.label).map_or(pattern.label.as_str(), |l| l.name.as_str());
                    egui::ComboBox::from_id_salt(("pattern-label", i)).selected_text(name).show_ui(
                        ui,
                        |ui| {
                            for label in &project.labels {
                                ui.selectable_value(&mut pattern.label, label.id.clone(), &label.name);
                            }
                        },
                    );
                    let phrase = ui.label(tr("patterns-phrase"));
                    TextField::singleline(&mut pattern.phrase)
                        .desired_width(220.0)
                        .show(ui, engine)
                        .response
                        .labelled_by(phrase.id);
                    if ui.small_button(tr("labels-delete")).clicked() {
                        delete = Some(i);
                    }
                });
            }
            if let Some(i) = delete {
                self.drafts.remove(i);
            }
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button(tr("patterns-add")).clicked() {
                    let label =
                        project.labels.first().map_or_else(|| LabelId::new("claim"), |l| l.id.clone());
                    self.drafts.push(Pattern { label, phrase: String::new(), regex: false });
                }
                if ui.button(tr("labels-apply")).clicked() {
                    let patterns = check(&self.drafts);
                    self.drafts = patterns.clone();
                    actions.push(Action::SetPatterns(patterns));
                }
                if ui.button(tr("button-close")).clicked() {
                    self.open = false;
                }
            });
        });
        self.open &= open;
    }
}

/// The drafts with blank phrases dropped and phrases trimmed.
pub fn check(drafts: &[Pattern]) -> Vec<Pattern> {
    drafts
        .iter()
        .filter(|p| !p.phrase.trim().is_empty())
        .map(|p| Pattern { phrase: p.phrase.trim().to_string(), ..p.clone() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_phrases_are_dropped_and_phrases_trimmed() {
        let p = |phrase: &str| Pattern { label: LabelId::new("claim"), phrase: phrase.into(), regex: false };
        assert_eq!(check(&[p("  المرصد السوري "), p(" ")]), [p("المرصد السوري")]);
    }
}
