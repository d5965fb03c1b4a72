//! Undo and redo over [`Command`]s: unlimited within a session, never saved.
//!
//! Each applied command's inverse is kept. Commands applied with the same merge key
//! in a row (a boundary drag sends one update per frame) become one undo step.

use super::{Command, CommandError, Project, apply};

/// One undo step: the inverse that undoes it, and the key that lets a drag merge into it.
#[derive(Clone, Debug)]
struct Step {
    inverse: Command,
    merge_key: Option<u64>,
}

/// The undo and redo stacks of one project.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Command>,
    /// Bumped on every change, so "unsaved" and autosave can compare generations.
    generation: u64,
}

impl History {
    /// Applies `command` as a new undo step.
    pub fn apply(&mut self, project: &mut Project, command: Command) -> Result<(), CommandError> {
        self.apply_merging(project, command, None)
    }

    /// Applies `command`; if the previous step had the same `merge_key`, the two become one
    /// undo step (undo then returns to the state before the first of them).
    pub fn apply_merging(
        &mut self,
        project: &mut Project,
        command: Command,
        merge_key: Option<u64>,
    ) -> Result<(), CommandError> {
        let inverse = apply(project, command)?;
        self.redo.clear();
        self.generation += 1;
        let merges = merge_key.is_some() && self.undo.last().is_some_and(|s| s.merge_key == merge_key);
        if !merges {
            self.undo.push(Step { inverse, merge_key });
        }
        Ok(())
    }

    /// Counts a change made outside the undo history (recorded active time), so that it is
    /// unsaved work and autosaved; the undo and redo steps are untouched.
    pub fn touch(&mut self) {
        self.generation += 1;
    }

    /// Ends any merging: the next command starts a new undo step.
    pub fn seal(&mut self) {
        if let Some(step) = self.undo.last_mut() {
            step.merge_key = None;
        }
    }

    /// Undoes the last step; returns false when there is nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> Result<bool, CommandError> {
        let Some(step) = self.undo.pop() else { return Ok(false) };
        match apply(project, step.inverse.clone()) {
            Ok(redo) => {
                self.redo.push(redo);
                self.generation += 1;
                Ok(true)
            }
            Err(err) => {
                self.undo.push(step);
                Err(err)
            }
        }
    }

    /// Redoes the last undone step; returns false when there is nothing to redo.
    pub fn redo(&mut self, project: &mut Project) -> Result<bool, CommandError> {
        let Some(command) = self.redo.pop() else { return Ok(false) };
        match apply(project, command.clone()) {
            Ok(inverse) => {
                self.undo.push(Step { inverse, merge_key: None });
                self.generation += 1;
                Ok(true)
            }
            Err(err) => {
                self.redo.push(command);
                Err(err)
            }
        }
    }

    /// Forgets every step (the project was replaced as a whole); the generation moves on.
    pub fn restart(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.generation += 1;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many steps can be undone.
    pub fn depth(&self) -> usize {
        self.undo.len()
    }

    /// A counter that changes whenever the project changes through this history.
    pub fn generation(&self) -> u64 {
        self.generation
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharOffset, CharRange, DocId, Document, LabelId, LayerRef, Span, SpanId, Timestamp};

    fn setup() -> (Project, DocId) {
        let mut p = Project::new("t");
        p.push_document(Document::new(DocId::new("d"), "d.txt", "قال المتحدث إن 120 عنصراً فروا".into()));
        (p, DocId::new("d"))
    }

    fn span(end: usize) -> Span {
        Span::new(SpanId(1), CharRange::new(0, end), LabelId::new("claim"), "amal", Timestamp(1))
    }

    #[test]
    fn undo_redo_walks_both_ways() {
        let (mut p, doc) = setup();
        let empty = p.clone();
        let mut h = History::default();
        h.apply(
            &mut p,
            Command::AddSpan { layer: LayerRef::annotator("amal"), doc: doc.clone(), span: span(3) },
        )
        .unwrap();
        let added = p.clone();
        assert!(h.undo(&mut p).unwrap());
        assert_eq!(p.layers["amal"].span_count(), 0);
        assert_eq!(p.documents, empty.documents);
        assert!(h.redo(&mut p).unwrap());
        assert_eq!(p, added);
        assert!(!h.redo(&mut p).unwrap());
        assert_eq!(h.generation(), 3);
    }

    #[test]
    fn a_drag_is_one_step() {
        let (mut p, doc) = setup();
        let mut h = History::default();
        let layer = LayerRef::annotator("amal");
        h.apply(&mut p, Command::AddSpan { layer: layer.clone(), doc: doc.clone(), span: span(3) }).unwrap();
        let before_drag = p.clone();
        for end in 4..10 {
            h.apply_merging(
                &mut p,
                Command::UpdateSpan { layer: layer.clone(), doc: doc.clone(), span: span(end) },
                Some(7),
            )
            .unwrap();
        }
        h.seal();
        assert_eq!(p.layers["amal"].spans(&doc)[0].end, CharOffset(9));
        h.undo(&mut p).unwrap();
        assert_eq!(p, before_drag);
        h.undo(&mut p).unwrap();
        assert!(!h.can_undo());
    }

    #[test]
    fn a_new_change_clears_redo() {
        let (mut p, doc) = setup();
        let mut h = History::default();
        let layer = LayerRef::annotator("amal");
        h.apply(&mut p, Command::AddSpan { layer: layer.clone(), doc: doc.clone(), span: span(3) }).unwrap();
        h.undo(&mut p).unwrap();
        assert!(h.can_redo());
        h.apply(&mut p, Command::AddSpan { layer, doc, span: span(5) }).unwrap();
        assert!(!h.can_redo());
    }
}
