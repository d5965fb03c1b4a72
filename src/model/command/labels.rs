//! Adding, replacing and removing labels. Two labels never share a hotkey, and a label
//! some span still uses is not removed.

use super::{Command, CommandError};
use crate::model::{Label, LabelId, Project};

/// Refuses a hotkey that another label already has.
fn check_hotkey(project: &Project, label: &Label) -> Result<(), CommandError> {
    let Some(key) = label.hotkey else { return Ok(()) };
    match project.labels.iter().find(|l| l.hotkey == Some(key) && l.id != label.id) {
        Some(other) => Err(CommandError::HotkeyClash { key, other: other.id.clone() }),
        None => Ok(()),
    }
}

/// [`Command::AddLabel`]: inserts the label at `index` (clamped); the inverse removes it.
pub(super) fn add(project: &mut Project, index: usize, label: Label) -> Result<Command, CommandError> {
    if project.label(&label.id).is_some() {
        return Err(CommandError::DuplicateLabel(label.id));
    }
    check_hotkey(project, &label)?;
    let id = label.id.clone();
    let index = index.min(project.labels.len());
    project.labels.insert(index, label);
    Ok(Command::RemoveLabel { id })
}

/// [`Command::UpdateLabel`]: replaces the label with the same id; the inverse puts the
/// old one back.
pub(super) fn update(project: &mut Project, label: Label) -> Result<Command, CommandError> {
    check_hotkey(project, &label)?;
    // Changed attributes may not leave a span holding a value its label no longer accepts.
    let count = project
        .named_layers_all()
        .flat_map(|(_, l)| l.docs.values())
        .flat_map(|d| d.spans.iter())
        .filter(|s| s.label == label.id && label.attributes_problem(&s.attributes).is_some())
        .count();
    if count > 0 {
        return Err(CommandError::AttributesInUse { label: label.id, count });
    }
    let slot = project
        .labels
        .iter_mut()
        .find(|l| l.id == label.id)
        .ok_or_else(|| CommandError::NoLabel(label.id.clone()))?;
    let old = std::mem::replace(slot, label);
    Ok(Command::UpdateLabel { label: old })
}

/// [`Command::RemoveLabel`]: removes a label no span uses; the inverse inserts it back
/// where it was.
pub(super) fn remove(project: &mut Project, id: LabelId) -> Result<Command, CommandError> {
    let count = project
        .named_layers_all()
        .flat_map(|(_, l)| l.docs.values())
        .flat_map(|d| d.spans.iter())
        .filter(|s| s.label == id)
        .count();
    if count > 0 {
        return Err(CommandError::LabelInUse { label: id, count });
    }
    let index =
        project.labels.iter().position(|l| l.id == id).ok_or_else(|| CommandError::NoLabel(id.clone()))?;
    let label = project.labels.remove(index);
    Ok(Command::AddLabel { index, label })
}
