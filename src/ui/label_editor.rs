//! The label set editor: add, rename, recolour labels, set hotkeys, guidelines and the
//! attributes each label's spans carry; and the link types (name, colour, key, the labels a
//! link may go from and to, guideline).
//!
//! The editor works on a draft; "Apply" asks the session to replace the label set and the
//! link types, which it does as one batch command, so the whole edit is a single undo step.
//! Renaming changes the display name only, so spans keep their label. Deleting a label that
//! has spans asks first and removes those spans in the same step. Hotkeys that clash are
//! refused. Attributes are written as `value*: number, unit: text, counts: killed | injured,
//! named: yes/no` ([`parse_attributes`]); a `*` after a name makes the attribute required.

use super::commands::{UiCommand, hotkey_key};
use super::{Action, EngineText, TextField};
use crate::i18n::tr;
use crate::model::{AttributeDef, AttributeKind, Color, Label, LabelId, Project, RelationType, clean_name};
use crate::tr;
use egui::Ui;

/// The draft being edited, and a pending question.
#[derive(Clone, Debug, Default)]
pub struct LabelEditor {
    pub open: bool,
    drafts: Vec<Label>,
    /// Hotkey text fields, one per draft.
    keys: Vec<String>,
    /// Attribute declaration fields, one per draft.
    attributes: Vec<String>,
    /// Link type drafts and their key, "from" and "to" fields.
    types: Vec<RelationType>,
    type_fields: Vec<[String; 3]>,
    /// Labels whose deletion the user confirmed.
    confirmed_deletions: Vec<LabelId>,
    /// A deletion waiting for confirmation: the label and how many spans use it.
    pending_delete: Option<(LabelId, usize)>,
    /// The project's labels and link types when the drafts were made; if they change (undo,
    /// an import, another project) the drafts are made again.
    base: (Vec<Label>, Vec<RelationType>),
    error: Option<String>,
}

impl LabelEditor {
    pub fn open(&mut self, project: &Project) {
        self.open = true;
        self.base = (project.labels.clone(), project.relation_types.clone());
        self.drafts = project.labels.clone();
        self.keys = self.drafts.iter().map(|l| l.hotkey.map(String::from).unwrap_or_default()).collect();
        self.attributes = self.drafts.iter().map(|l| format_attributes(&l.attributes)).collect();
        self.types = project.relation_types.clone();
        self.type_fields = self
            .types
            .iter()
            .map(|t| [t.hotkey.map(String::from).unwrap_or_default(), ids_text(&t.heads), ids_text(&t.tails)])
            .collect();
        self.confirmed_deletions.clear();
        self.pending_delete = None;
        self.error = None;
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
        if self.base.0 != project.labels || self.base.1 != project.relation_types {
            self.open(project);
        }
        let mut open = self.open;
        egui::Window::new(tr("labels-title")).open(&mut open).resizable(true).default_width(520.0).show(
            ctx,
            |ui| {
                self.body(ui, project, engine, actions);
            },
        );
        self.open &= open;
    }

    fn body(&mut self, ui: &mut Ui, project: &Project, engine: &mut EngineText, actions: &mut Vec<Action>) {
        // A project may have dozens of labels: they scroll, the buttons stay.
        let height = (ui.ctx().content_rect().height() * 0.6).max(200.0);
        egui::ScrollArea::vertical().max_height(height).auto_shrink([false, true]).show(ui, |ui| {
            self.drafts_ui(ui, project, engine);
            ui.separator();
            self.types_ui(ui, engine);
        });
        ui.separator();
        self.buttons_ui(ui, project, actions);
    }

    /// The labels: one group each, and the question about deleting one that has spans.
    fn drafts_ui(&mut self, ui: &mut Ui, project: &Project, engine: &mut EngineText) {
        let mut delete = None;
        let fields = self.keys.iter_mut().zip(self.attributes.iter_mut());
        for (i, (label, (key, attributes))) in self.drafts.iter_mut().zip(fields).enumerate() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    let name = ui.label(tr("labels-name"));
                    TextField::singleline(&mut label.name)
                        .desired_width(140.0)
                        .show(ui, engine)
                        .response
                        .labelled_by(name.id);
                    let mut rgb = label.color.0;
                    if ui.color_edit_button_srgb(&mut rgb).on_hover_text(tr("labels-colour")).changed() {
                        label.color = Color(rgb);
                    }
                    let key_label = ui.label(tr("labels-key"));
                    TextField::singleline(key)
                        .char_limit(1)
                        .desired_width(24.0)
                        .show(ui, engine)
                        .response
                        .labelled_by(key_label.id);
                    if ui.small_button(tr("labels-delete")).on_hover_text(tr("labels-delete-label")).clicked()
                    {
                        delete = Some(i);
                    }
                });
                let guideline = ui.label(tr("labels-guideline"));
                TextField::multiline(&mut label.description)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY)
                    .show(ui, engine)
                    .response
                    .labelled_by(guideline.id);
                ui.horizontal(|ui| {
                    let name = super::hover_wrapped(
                        ui.label(tr("labels-attributes")),
                        &crate::i18n::plain("labels-attributes-hint"),
                    );
                    TextField::singleline(attributes)
                        .desired_width(f32::INFINITY)
                        .hint(
                            crate::i18n::message(crate::i18n::lang(), "labels-attributes-placeholder", None)
                                .unwrap_or_default(),
                        )
                        .show(ui, engine)
                        .response
                        .labelled_by(name.id);
                });
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
            ui.colored_label(super::theme::ERROR_COLOR, tr!("labels-spans-use", count = count, name = name));
            ui.horizontal(|ui| {
                if ui.button(tr("labels-delete-with-spans")).clicked() {
                    if let Some(label) = self.drafts.get(i) {
                        self.confirmed_deletions.push(label.id.clone());
                    }
                    self.remove_draft(i);
                    self.pending_delete = None;
                }
                if ui.button(tr("labels-keep")).clicked() {
                    self.pending_delete = None;
                }
            });
        }
    }

    /// Add, apply and close.
    fn buttons_ui(&mut self, ui: &mut Ui, project: &Project, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            if ui.button(tr("labels-add")).clicked() {
                let n = self.drafts.len() + 1;
                let id =
                    (n..).map(|k| format!("label{k}")).find(|id| !self.drafts.iter().any(|l| l.id.0 == *id));
                self.drafts.push(Label {
                    id: LabelId::new(id.unwrap_or_default()),
                    name: crate::tr_logical!("labels-new-label", n = n),
                    color: super::theme::LAYER_COLORS[n % super::theme::LAYER_COLORS.len()],
                    hotkey: None,
                    description: String::new(),
                    attributes: Vec::new(),
                });
                self.keys.push(String::new());
                self.attributes.push(String::new());
            }
            if ui.button(tr("labels-add-link-type")).clicked() {
                let n = self.types.len() + 1;
                let id =
                    (n..).map(|k| format!("link{k}")).find(|id| !self.types.iter().any(|t| t.id.0 == *id));
                let color = super::theme::LAYER_COLORS[n % super::theme::LAYER_COLORS.len()];
                let mut kind = RelationType::open(&id.unwrap_or_default(), color);
                kind.name = crate::tr_logical!("labels-new-link-type", n = n);
                self.types.push(kind);
                self.type_fields.push(Default::default());
            }
            if ui.button(tr("labels-apply")).clicked() {
                match (self.finished_drafts(), self.finished_types()) {
                    (Ok(labels), Ok(relation_types))
                        if labels != project.labels || relation_types != project.relation_types =>
                    {
                        let delete_spans_of = self.confirmed_deletions.clone();
                        actions.push(Action::ReplaceLabels { labels, delete_spans_of, relation_types });
                        self.confirmed_deletions.clear();
                        self.error = None;
                    }
                    (Ok(_), Ok(_)) => self.error = None,
                    (Err(message), _) | (_, Err(message)) => self.error = Some(message),
                }
            }
            if ui.button(tr("button-close")).clicked() {
                self.open = false;
            }
        });
        if let Some(error) = &self.error {
            ui.colored_label(super::theme::ERROR_COLOR, error);
        }
    }

    /// The link types: one group each with name, colour, key, the labels it goes from and
    /// to (ids, comma-separated; empty for any), guideline and a delete button.
    fn types_ui(&mut self, ui: &mut Ui, engine: &mut EngineText) {
        ui.label(egui::RichText::new(tr("labels-link-types")).strong())
            .on_hover_text(tr("labels-link-types-hint"));
        let mut delete = None;
        for (i, (kind, [key, heads, tails])) in
            self.types.iter_mut().zip(self.type_fields.iter_mut()).enumerate()
        {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    let name = ui.label(tr("labels-name"));
                    TextField::singleline(&mut kind.name)
                        .desired_width(120.0)
                        .show(ui, engine)
                        .response
                        .labelled_by(name.id);
                    let mut rgb = kind.color.0;
                    if ui.color_edit_button_srgb(&mut rgb).on_hover_text(tr("labels-colour")).changed() {
                        kind.color = Color(rgb);
                    }
                    let key_label = ui.label(tr("labels-key"));
                    TextField::singleline(key)
                        .char_limit(1)
                        .desired_width(24.0)
                        .show(ui, engine)
                        .response
                        .labelled_by(key_label.id);
                    if ui
                        .small_button(tr("labels-delete"))
                        .on_hover_text(tr("labels-delete-link-type"))
                        .clicked()
                    {
                        delete = Some(i);
                    }
                });
                ui.horizontal(|ui| {
                    let from = ui.label(tr("labels-from")).on_hover_text(tr("labels-from-hint"));
                    TextField::singleline(heads)
                        .desired_width(120.0)
                        .hint(crate::i18n::plain("labels-any"))
                        .show(ui, engine)
                        .response
                        .labelled_by(from.id);
                    let to = ui.label(tr("labels-to")).on_hover_text(tr("labels-to-hint"));
                    TextField::singleline(tails)
                        .desired_width(120.0)
                        .hint(crate::i18n::plain("labels-any"))
                        .show(ui, engine)
                        .response
                        .labelled_by(to.id);
                });
                let guideline = ui.label(tr("labels-guideline"));
                TextField::multiline(&mut kind.description)
                    .desired_rows(1)
                    .desired_width(f32::INFINITY)
                    .show(ui, engine)
                    .response
                    .labelled_by(guideline.id);
            });
        }
        if let Some(i) = delete
            && i < self.types.len()
        {
            self.types.remove(i);
            self.type_fields.remove(i);
        }
    }

    fn remove_draft(&mut self, i: usize) {
        if i < self.drafts.len() {
            self.drafts.remove(i);
            self.keys.remove(i);
            self.attributes.remove(i);
        }
    }

    /// The label set as drafted (names trimmed, hotkeys and attributes from their fields),
    /// or why it can't be applied.
    pub fn finished_drafts(&mut self) -> Result<Vec<Label>, String> {
        for ((label, key), attributes) in self.drafts.iter_mut().zip(&self.keys).zip(&self.attributes) {
            label.hotkey = key.trim().chars().next();
            label.name = label.name.trim().to_string();
            label.attributes = parse_attributes(attributes).map_err(|e| {
                tr!("labels-error-attributes", label = label.name.as_str(), error = e.to_string())
            })?;
        }
        check_drafts(&self.drafts)?;
        Ok(self.drafts.clone())
    }

    /// The link types as drafted, or why they can't be applied: each needs a name, keys
    /// are digits or Latin letters given once, and the labels named must exist.
    pub fn finished_types(&mut self) -> Result<Vec<RelationType>, String> {
        let labels: Vec<&str> = self.drafts.iter().map(|l| l.id.as_str()).collect();
        let ids = |text: &str, name: &str| -> Result<Vec<LabelId>, String> {
            let mut out = Vec::new();
            for id in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                if !labels.contains(&id) {
                    return Err(tr!(
                        "labels-error-no-such-label",
                        name = name,
                        id = id,
                        ids = labels.join(", ")
                    ));
                }
                out.push(LabelId::new(id));
            }
            Ok(out)
        };
        for (kind, [key, heads, tails]) in self.types.iter_mut().zip(&self.type_fields) {
            kind.name = kind.name.trim().to_string();
            if kind.name.is_empty() {
                return Err(tr("labels-error-type-no-name"));
            }
            kind.hotkey = key.trim().chars().next();
            if let Some(k) = kind.hotkey
                && hotkey_key(k).is_none()
            {
                return Err(crate::tr!("labels-error-not-a-key", key = k.to_string()));
            }
            kind.heads = ids(heads, &kind.name)?;
            kind.tails = ids(tails, &kind.name)?;
            if kind.id.as_str().starts_with("link")
                && let Some(id) = clean_name(&kind.name.to_lowercase())
                && !self.base.1.iter().any(|t| t.id == kind.id)
            {
                // A new type takes its id from its name (`cites` for "Cites").
                kind.id = LabelId::new(id);
            }
        }
        for (i, kind) in self.types.iter().enumerate() {
            if self.types.iter().take(i).any(|t| t.id == kind.id) {
                return Err(tr!("labels-error-type-twice", id = kind.id.as_str()));
            }
            let clash = self
                .types
                .iter()
                .take(i)
                .find(|t| t.hotkey.zip(kind.hotkey).is_some_and(|(a, b)| a.eq_ignore_ascii_case(&b)));
            if let Some(other) = clash {
                return Err(tr!(
                    "labels-error-key-twice",
                    key = kind.hotkey.unwrap_or(' ').to_string(),
                    first = other.name.as_str(),
                    second = kind.name.as_str()
                ));
            }
        }
        Ok(self.types.clone())
    }
}

/// Label ids as typed in a field: `claim, denial`.
fn ids_text(ids: &[LabelId]) -> String {
    ids.iter().map(LabelId::as_str).collect::<Vec<_>>().join(", ")
}

/// Attribute declarations as the editor shows them: `value*: number, counts: a | b` (a `*`
/// after the name marks a required attribute).
pub fn format_attributes(defs: &[AttributeDef]) -> String {
    defs.iter()
        .map(|d| {
            let star = if d.required { "*" } else { "" };
            match &d.kind {
                AttributeKind::Choice { options } => format!("{}{star}: {}", d.name, options.join(" | ")),
                kind => format!("{}{star}: {}", d.name, kind.describe()),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads attribute declarations: `name: number`, `name: text`, `name: yes/no`, or a choice
/// `name: a | b | c`, separated by commas; a name alone is text, and `name*` is required.
/// The error is in logical order: it goes inside the editor's message.
pub fn parse_attributes(text: &str) -> Result<Vec<AttributeDef>, String> {
    let mut defs: Vec<AttributeDef> = Vec::new();
    for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (name, kind) = item.split_once(':').map_or((item, ""), |(n, k)| (n.trim(), k.trim()));
        let (name, required) = name.strip_suffix('*').map_or((name, false), |n| (n.trim_end(), true));
        let name = clean_name(name)
            .ok_or_else(|| crate::tr_logical!("labels-error-attribute-no-name", item = item))?;
        let kind = match kind.to_lowercase().as_str() {
            "" | "text" => AttributeKind::Text,
            "number" => AttributeKind::Number,
            "yes/no" | "yes-no" | "flag" => AttributeKind::Flag,
            _ if kind.contains('|') => AttributeKind::Choice {
                options: kind
                    .split('|')
                    .map(str::trim)
                    .filter(|o| !o.is_empty())
                    .map(str::to_string)
                    .collect(),
            },
            other => return Err(crate::tr_logical!("labels-error-not-a-kind", kind = other)),
        };
        if defs.iter().any(|d| d.name == name) {
            return Err(crate::tr_logical!("labels-error-attribute-twice", name = name.as_str()));
        }
        defs.push(AttributeDef { name, kind, required });
    }
    Ok(defs)
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
            return Err(tr("labels-error-no-name"));
        }
        let Some(key) = label.hotkey else { continue };
        if hotkey_key(key).is_none() {
            return Err(tr!("labels-error-not-a-key", key = key.to_string()));
        }
        if let Some(cmd) = UiCommand::bound_to_bare_char(key) {
            return Err(tr!("labels-error-key-used", key = key.to_string(), command = cmd.label()));
        }
        let clash =
            drafts.iter().take(i).find(|other| other.hotkey.is_some_and(|k| k.eq_ignore_ascii_case(&key)));
        if let Some(other) = clash {
            return Err(tr!(
                "labels-error-key-twice",
                key = key.to_string(),
                first = other.name.as_str(),
                second = label.name.as_str()
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_labels;

    #[test]
    fn attributes_read_and_write_as_one_line() {
        let figure = &default_labels()[2];
        let text = format_attributes(&figure.attributes);
        assert_eq!(
            text,
            "value*: number, unit: text, counts: killed | injured | displaced | detained | distance | money | other"
        );
        assert_eq!(parse_attributes(&text).unwrap(), figure.attributes);
        assert!(parse_attributes(&text).unwrap()[0].required, "a star marks a required attribute");
        assert!(!parse_attributes("value: number").unwrap()[0].required);
        assert_eq!(parse_attributes("named: yes/no, note").unwrap()[1].kind, AttributeKind::Text);
        assert!(parse_attributes("value: colour").is_err());
        assert!(parse_attributes("a: number, a: text").is_err());
        assert_eq!(parse_attributes(" ").unwrap(), vec![]);
    }

    #[test]
    fn link_types_need_known_labels_and_distinct_keys() {
        let mut editor = LabelEditor::default();
        editor.open(&Project::new("t"));
        assert_eq!(editor.finished_types().unwrap(), crate::model::default_relation_types());
        editor.type_fields[1][0] = "d".into();
        assert!(editor.finished_types().unwrap_err().contains("both"));
        editor.type_fields[1][0] = "q".into();
        editor.type_fields[0][1] = "denial, rumour".into();
        assert!(editor.finished_types().unwrap_err().contains("rumour"));
    }

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
