//! Project-wide replacements: a whole layer (merging a colleague's work), the list of
//! rejected suggestions, the suggestion patterns.

use super::{Command, CommandError, LayerRef};
use crate::model::{Layer, Pattern, Project, Rejection};

/// [`Command::SetLayer`]: replaces (or, with `None`, removes) a layer; the inverse puts
/// the old one back.
pub(super) fn set_layer(
    project: &mut Project,
    layer: LayerRef,
    content: Option<Layer>,
) -> Result<Command, CommandError> {
    let old = match (&layer, content) {
        (LayerRef::Annotator(name), Some(content)) => project.layers.insert(name.clone(), content),
        (LayerRef::Annotator(name), None) => project.layers.remove(name),
        (LayerRef::Gold, content) => Some(std::mem::replace(&mut project.gold, content.unwrap_or_default())),
    };
    Ok(Command::SetLayer { layer, content: old })
}

/// [`Command::SetRejected`]: records or forgets a rejected suggestion, keeping the list
/// sorted; the inverse restores whether it was there.
pub(super) fn set_rejected(
    project: &mut Project,
    rejection: Rejection,
    rejected: bool,
) -> Result<Command, CommandError> {
    let at = project.rejected.binary_search(&rejection);
    let was = at.is_ok();
    match (at, rejected) {
        (Err(i), true) => project.rejected.insert(i, rejection.clone()),
        (Ok(i), false) => {
            project.rejected.remove(i);
        }
        _ => {}
    }
    Ok(Command::SetRejected { rejection, rejected: was })
}

/// [`Command::SetPatterns`]: replaces the suggestion patterns; the inverse puts the old
/// ones back.
pub(super) fn set_patterns(project: &mut Project, patterns: Vec<Pattern>) -> Result<Command, CommandError> {
    let old = std::mem::replace(&mut project.patterns, patterns);
    Ok(Command::SetPatterns { patterns: old })
}
