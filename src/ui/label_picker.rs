//! The label picker: for projects with more labels than keys. One key (`/`) opens it; the
//! labels are filtered as the name is typed (Arabic or Latin, folded as search folds:
//! harakat and tatweel ignored, alef forms alike, case ignored), the most recently used
//! first; Enter (or a click) labels the selection with the highlighted one, the arrows
//! move the highlight, Esc closes.

use super::Action;
use crate::model::search::fold;
use crate::model::{Label, LabelId, Project};

/// Labels remembered as recently used.
const RECENT: usize = 8;

/// The picker's state: open or not, what is typed, the highlighted row, recent labels.
#[derive(Debug, Default)]
pub struct LabelPicker {
    pub open: bool,
    query: String,
    highlighted: usize,
    /// Label ids, the most recently used first.
    recent: Vec<LabelId>,
    /// The field takes the keyboard on the first frame.
    focus: bool,
}

/// `text` folded for matching.
fn folded(text: &str) -> String {
    text.chars().filter_map(fold).collect()
}

impl LabelPicker {
    /// Opens the picker with an empty filter.
    pub fn open(&mut self) {
        self.open = true;
        self.query.clear();
        self.highlighted = 0;
        self.focus = true;
    }

    /// Notes that `label` was used, so it comes first next time.
    pub fn used(&mut self, label: &LabelId) {
        self.recent.retain(|l| l != label);
        self.recent.insert(0, label.clone());
        self.recent.truncate(RECENT);
    }

    /// The labels matching the filter: recently used first, then in project order.
    pub fn matches<'p>(&self, project: &'p Project) -> Vec<&'p Label> {
        let query = folded(self.query.trim());
        let hits = |l: &&Label| folded(&l.name).contains(&query) || folded(l.id.as_str()).contains(&query);
        let rank = |l: &Label| self.recent.iter().position(|r| r == &l.id).unwrap_or(RECENT);
        let mut labels: Vec<&Label> = project.labels.iter().filter(hits).collect();
        labels.sort_by_key(|l| rank(l));
        labels
    }

    /// Types `text` into the filter (tests, and the field).
    pub fn set_query(&mut self, text: &str) {
        self.query = text.to_string();
        self.highlighted = 0;
    }

    /// The window (nothing while closed); labelling pushes [`Action::ApplyLabel`].
    pub fn ui(&mut self, ctx: &egui::Context, project: &Project, actions: &mut Vec<Action>) {
        if !self.open {
            return;
        }
        let mut open = true;
        let mut chosen = None;
        egui::Window::new(crate::i18n::tr("picker-title"))
            .open(&mut open)
            .collapsible(false)
            .default_width(280.0)
            .show(ctx, |ui| {
                let field = ui.add(
                    egui::TextEdit::singleline(&mut self.query).hint_text(crate::i18n::tr("picker-hint")),
                );
                if self.focus {
                    field.request_focus();
                    self.focus = false;
                }
                if field.changed() {
                    self.highlighted = 0;
                }
                let labels = self.matches(project);
                let (down, up, enter) = ui.input(|i| {
                    (
                        i.key_pressed(egui::Key::ArrowDown),
                        i.key_pressed(egui::Key::ArrowUp),
                        i.key_pressed(egui::Key::Enter),
                    )
                });
                if down {
                    self.highlighted = (self.highlighted + 1).min(labels.len().saturating_sub(1));
                }
                if up {
                    self.highlighted = self.highlighted.saturating_sub(1);
                }
                if enter && (field.has_focus() || field.lost_focus()) {
                    chosen = labels.get(self.highlighted).map(|l| l.id.clone());
                }
                if labels.is_empty() {
                    ui.weak(crate::i18n::tr("picker-no-match"));
                }
                for (i, label) in labels.iter().enumerate() {
                    let color = super::theme::label_color(label.color, 255);
                    let text =
                        egui::RichText::new(crate::text::for_display(&label.name)).color(color).strong();
                    let row = ui
                        .selectable_label(i == self.highlighted, text)
                        .on_hover_text(crate::text::for_display(&label.description));
                    if row.clicked() {
                        chosen = Some(label.id.clone());
                    }
                }
            });
        if let Some(label) = chosen {
            actions.push(Action::ApplyLabel(label));
            open = false;
        }
        self.open = open;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Color;

    fn label(id: &str, name: &str) -> Label {
        Label {
            id: LabelId::new(id),
            name: name.into(),
            color: Color([1, 2, 3]),
            hotkey: None,
            description: String::new(),
            attributes: Vec::new(),
        }
    }

    #[test]
    fn labels_filter_as_search_folds_and_recent_ones_come_first() {
        let mut project = Project::new("t");
        project.labels = vec![
            label("casualty", "Casualty"),
            label("ceasefire", "Ceasefire"),
            label("displacement", "نزوح"),
            label("attack", "هجوم مسلّح"),
        ];
        let mut picker = LabelPicker::default();
        let ids = |picker: &LabelPicker| -> Vec<String> {
            picker.matches(&project).iter().map(|l| l.id.to_string()).collect()
        };
        assert_eq!(ids(&picker).len(), 4, "an empty filter shows every label");
        picker.set_query("CEA");
        assert_eq!(ids(&picker), ["ceasefire"]);
        picker.set_query("مسلح");
        assert_eq!(ids(&picker), ["attack"], "harakat ignored");
        picker.set_query("as");
        assert_eq!(ids(&picker), ["casualty", "ceasefire"], "names and ids, in project order");
        picker.used(&LabelId::new("ceasefire"));
        assert_eq!(ids(&picker), ["ceasefire", "casualty"], "the most recently used first");
        picker.used(&LabelId::new("displacement"));
        picker.set_query("");
        assert_eq!(ids(&picker), ["displacement", "ceasefire", "casualty", "attack"]);
    }
}
