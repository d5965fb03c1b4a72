//! The label set editor: add, rename, recolour labels, set hotkeys and guidelines.
//!
//! The editor works on a draft; "Apply" asks the session to replace the label set, which
//! it does as one batch command, so the whole edit is a single undo step. Renaming changes the display name only,
//! so spans keep their label. Deleting a label that has spans asks first and removes
//! those spans in the same step. Hotkeys that clash are refused.

use super::Action;
use super::commands::{UiCommand, hotkey_key};
use crate::model::{Color, Label, LabelId, Project};
use egui::Ui;

/// The draft being edited, and a pending question.
#[derive(Clone, Debug, Default)]
pub struct LabelEditor {
    pub open: bool,
    drafts: Vec<Label>,
    /// Hotkey text fields, one per draft.
    keys: Vec<String>,
    /// Labels whose deletion the user confirmed.
    confirmed_deletions: Vec<LabelId>,
    /// A deletion waiting for confirmation: the label and how many spans use it.
    pending_delete: Option<(LabelId, usize)>,
    /// The project's labels when the drafts were made; if they change (undo, an import,
    /// another project) the drafts are made again.
    base: Vec<Label>,
    error: Option<String>,
}

impl LabelEditor {
    pub fn open(&mut self, project: &Project) {
        self.open = true;
        self.base = project.labels.clone();
        self.drafts = project.labels.clone();
        self.keys = self.drafts.iter().map(|l| l.hotkey.map(String::from).unwrap_or_default()).collect();
        self.confirmed_deletions.clear();
        self.pending_delete = None;
        self.error = None;
    }

    pub fn ui(&mut self, ctx: &egui::Context, project: &Project, actions: &mut Vec<Action>) {
        if !self.open {
            return;
        }
        if self.base != project.labels {
            self.open(project);
        }
        let mut open = self.open;
        egui::Window::new("Labels").open(&mut open).resizable(true).default_width(520.0).show(ctx, |ui| {
            self.body(ui, project, actions);
        });
        self.open &= open;
    }

    fn body(&mut self, ui: &mut Ui, project: &Project, actions: &mut Vec<Action>) {
        let mut delete = None;
        for (i, (label, key)) in self.drafts.iter_mut().zip(self.keys.iter_mut()).enumerate() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    let name = ui.label("Name");
                    ui.add(egui::TextEdit::singleline(&mut label.name).desired_width(140.0))
                        .labelled_by(name.id);
                    let mut rgb = label.color.0;
                    if ui.color_edit_button_srgb(&mut rgb).on_hover_text("Colour").changed() {
                        label.color = Color(rgb);
                    }
                    let key_label = ui.label("Key");
                    ui.add(egui::TextEdit::singleline(key).char_limit(1).desired_width(24.0))
                        .labelled_by(key_label.id);
                    if ui.small_button("Delete").on_hover_text("Delete label").clicked() {
                        delete = Some(i);
                    }
                });
                let guideline = ui.label("Guideline");
                ui.add(
                    egui::TextEdit::multiline(&mut label.description)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(guideline.id);
            });
        }
        if let Some(i) = delete {
            let count = self.drafts.get(i).map_or(0, |l| spans_with_label(project, &l.id));
            if count == 0 {
                self.remove_draft(i);
            } else if let Some(label) = self.drafts.get(i) {
                self.pending_delete = Some((label.id.clone(), count));
            }
        }
        if let Some((id, count)) = self.pending_delete.clone() {
            let i = self.drafts.iter().position(|l| l.id == id).unwrap_or(usize::MAX);
            let name = self.drafts.get(i).map(|l| l.name.clone()).unwrap_or_default();
            ui.separator();
            ui.colored_label(
                super::theme::ERROR_COLOR,
                format!("{count} spans use “{name}”. Delete the label and those spans?"),
            );
            ui.horizontal(|ui| {
                if ui.button("Delete label and spans").clicked() {
                    if let Some(label) = self.drafts.get(i) {
                        self.confirmed_deletions.push(label.id.clone());
                    }
                    self.remove_draft(i);
                    self.pending_delete = None;
                }
                if ui.button("Keep it").clicked() {
                    self.pending_delete = None;
                }
            });
        }
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button("Add label").clicked() {
                let n = self.drafts.len() + 1;
                let id =
                    (n..).map(|k| format!("label{k}")).find(|id| !self.drafts.iter().any(|l| l.id.0 == *id));
                self.drafts.push(Label {
                    id: LabelId::new(id.unwrap_or_default()),
                    name: format!("Label {n}"),
                    color: super::theme::LAYER_COLORS[n % super::theme::LAYER_COLORS.len()],
                    hotkey: None,
                    description: String::new(),
                    attributes: Vec::new(),
                });
                self.keys.push(String::new());
            }
            if ui.button("Apply").clicked() {
                match self.finished_drafts() {
                    Ok(labels) if labels != project.labels => {
                        let delete_spans_of = self.confirmed_deletions.clone();
                        actions.push(Action::ReplaceLabels { labels, delete_spans_of });
                        self.open(&Project { labels: self.drafts.clone(), ..Project::new("") });
                        self.error = None;
                    }
                    Ok(_) => self.error = None,
                    Err(message) => self.error = Some(message),
                }
            }
            if ui.button("Close").clicked() {
                self.open = false;
            }
        });
        if let Some(error) = &self.error {
            ui.colored_label(super::theme::ERROR_COLOR, error);
        }
    }

    fn remove_draft(&mut self, i: usize) {
        if i < self.drafts.len() {
            self.drafts.remove(i);
            self.keys.remove(i);
        }
    }

    /// The label set as drafted (names trimmed, hotkeys from their fields), or why it
    /// can't be applied.
    pub fn finished_drafts(&mut self) -> Result<Vec<Label>, String> {
        for (label, key) in self.drafts.iter_mut().zip(&self.keys) {
            label.hotkey = key.trim().chars().next();
            label.name = label.name.trim().to_string();
        }
        check_drafts(&self.drafts)?;
        Ok(self.drafts.clone())
    }
}

fn spans_with_label(project: &Project, id: &LabelId) -> usize {
    project
        .named_layers_all()
        .flat_map(|(_, l)| l.docs.values())
        .flat_map(|d| &d.spans)
        .filter(|s| &s.label == id)
        .count()
}

/// Refuses empty names and clashing hotkeys (with each other and with window commands).
pub fn check_drafts(drafts: &[Label]) -> Result<(), String> {
    for (i, label) in drafts.iter().enumerate() {
        if label.name.is_empty() {
            return Err("Every label needs a name.".into());
        }
        let Some(key) = label.hotkey else { continue };
        if hotkey_key(key).is_none() {
            return Err(format!("“{key}” can't be a hotkey: use a digit or a Latin letter."));
        }
        if let Some(cmd) = UiCommand::bound_to_bare_char(key) {
            return Err(format!("Key “{key}” is already used by “{}”.", cmd.label()));
        }
        let clash =
            drafts.iter().take(i).find(|other| other.hotkey.is_some_and(|k| k.eq_ignore_ascii_case(&key)));
        if let Some(other) = clash {
            return Err(format!("Key “{key}” is given to both “{}” and “{}”.", other.name, label.name));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_labels;

    #[test]
    fn clashing_hotkeys_are_refused() {
        let mut drafts = default_labels();
        drafts[1].hotkey = Some('1');
        assert!(check_drafts(&drafts).unwrap_err().contains("both"));
        drafts[1].hotkey = Some('n');
        assert!(check_drafts(&drafts).unwrap_err().contains("Note"));
        drafts[1].hotkey = Some('ع');
        assert!(check_drafts(&drafts).is_err());
    }
}
