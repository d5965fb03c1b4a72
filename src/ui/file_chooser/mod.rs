//! The window's own file chooser, used when the system's file dialog cannot be shown (no
//! desktop portal): why it is used, a path field, the current folder's listing (folders
//! first, files of the request's kinds), Up, a file name for saves, OK and Cancel. Enter
//! answers, Esc cancels (the app closes it). The state and every rule are in [`model`].

pub mod model;

pub use model::Chooser;

use crate::i18n::tr;
use crate::ui::dialogs::Pick;
use crate::ui::theme;
use crate::ui::{EngineText, TextField};
use egui::RichText;
use std::path::PathBuf;

/// How the chooser was closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Chosen(Vec<PathBuf>),
    Cancelled,
}

/// Draws the chooser as a modal window; returns its outcome once the user answered.
pub fn file_chooser_ui(
    ctx: &egui::Context,
    chooser: &mut Chooser,
    engine: &mut EngineText,
) -> Option<Outcome> {
    let mut outcome = None;
    egui::Modal::new(egui::Id::unique("hashiya-file-chooser")).show(ctx, |ui| {
        ui.set_width(theme::CHOOSER_WIDTH);
        ui.heading(tr(chooser.request().title_id()));
        crate::ui::wrapped_rich(ui, &chooser.reason, |t| RichText::new(t).small().weak());
        ui.add_space(theme::CHOOSER_SPACING);
        let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
        let mut location_entered = false;
        ui.horizontal(|ui| {
            if ui.button(tr("chooser-up")).on_hover_text(tr("chooser-up-hint")).clicked() {
                chooser.up();
            }
            let label = ui.label(tr("chooser-folder"));
            let field =
                TextField::singleline(&mut chooser.location).desired_width(f32::INFINITY).show(ui, engine);
            field.response.labelled_by(label.id);
            if field.submitted {
                location_entered = true;
                outcome = chooser.go_to_location().map(Outcome::Chosen);
            }
        });
        listing_ui(ui, chooser, &mut outcome);
        if chooser.request().pick() == Pick::Save {
            ui.horizontal(|ui| {
                let label = ui.label(tr("chooser-file-name"));
                let field = TextField::singleline(&mut chooser.name)
                    .desired_width(f32::INFINITY)
                    .show(ui, engine)
                    .response
                    .labelled_by(label.id);
                if ui.memory(|m| m.focused().is_none()) {
                    field.request_focus();
                }
            });
        }
        if let Some(error) = &chooser.error {
            ui.colored_label(theme::ERROR_COLOR, error);
        }
        ui.horizontal(|ui| {
            if ui.button(tr("button-ok")).clicked() || (enter && !location_entered && outcome.is_none()) {
                outcome = chooser.confirm().map(Outcome::Chosen);
            }
            if ui.button(tr("button-cancel")).clicked() {
                outcome = Some(Outcome::Cancelled);
            }
            ui.label(RichText::new(showing(chooser)).small().weak());
        });
    });
    outcome
}

/// The folder's rows: a click selects (Ctrl adds, where several files are asked for), a
/// double click enters a folder or picks a file.
fn listing_ui(ui: &mut egui::Ui, chooser: &mut Chooser, outcome: &mut Option<Outcome>) {
    let mut clicked = None;
    let mut activated = None;
    egui::ScrollArea::vertical().max_height(theme::CHOOSER_LIST_HEIGHT).auto_shrink([false, false]).show(
        ui,
        |ui| {
            if chooser.entries().is_empty() {
                ui.label(RichText::new(tr("chooser-nothing")).weak());
            }
            for (i, entry) in chooser.entries().iter().enumerate() {
                let text = if entry.is_dir { format!("{}/", entry.name) } else { entry.name.clone() };
                let response = ui.selectable_label(chooser.is_selected(i), text);
                if response.double_clicked() {
                    activated = Some(i);
                } else if response.clicked() {
                    clicked = Some((i, ui.input(|input| input.modifiers.command)));
                }
            }
        },
    );
    if let Some((i, add)) = clicked {
        chooser.click(i, add);
    }
    if let Some(i) = activated {
        *outcome = chooser.activate(i).map(Outcome::Chosen);
    }
}

/// What the listing shows ("Folders and .ron files").
fn showing(chooser: &Chooser) -> String {
    let extensions = chooser.request().extensions();
    match chooser.request().pick() {
        Pick::Folder => tr("chooser-folders"),
        _ if extensions.is_empty() => tr("chooser-folders-and-all"),
        _ => {
            let kinds: Vec<String> = extensions.iter().map(|e| format!(".{e}")).collect();
            crate::tr!("chooser-folders-and", kinds = kinds.join(", "))
        }
    }
}
