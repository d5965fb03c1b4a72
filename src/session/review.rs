//! Review mode's rules: switching between annotating and reviewing, choosing the two
//! annotators compared (A and B), stepping through their disagreements (all of them, or
//! the next undecided one), recording the reviewer's decisions in the gold layer, and
//! accepting what both annotators agree on (only when asked, as one undo step).

use super::{Mode, Session, SessionError};
use crate::model::{CharRange, Command, DocId, Timestamp};
use crate::review::state::{Agreed, Choice, ReviewState};

impl Session {
    /// Switches between annotating and reviewing. Review compares two annotators other
    /// than the reviewer when there are two (A and B, changed with [`Session::compare`]).
    /// Returns whether review mode is on.
    pub fn toggle_review(&mut self) -> Result<bool, SessionError> {
        let project = self.project().ok_or(SessionError::NoProject)?;
        let me = self.annotator().unwrap_or_default();
        self.mode = match self.mode {
            Mode::Annotate { .. } => Mode::Review(ReviewState::new(project, me)),
            Mode::Review(_) => Mode::default(),
        };
        self.view.selected_span = None;
        self.view.selection = None;
        self.refresh_review();
        Ok(self.review().is_some())
    }

    /// Starts reviewing `doc` (from the agreement window's list of documents).
    pub fn review_document(&mut self, doc: DocId) -> Result<(), SessionError> {
        if self.review().is_none() {
            self.toggle_review()?;
        }
        self.open_document(doc);
        self.refresh_review();
        Ok(())
    }

    /// Compares `name` as A (`slot` 0) or B (`slot` 1) in review mode; nothing goes into
    /// gold by it.
    pub fn compare(&mut self, slot: usize, name: &str) {
        let Some(project) = self.workspace.as_ref().map(|ws| &ws.project) else { return };
        if let Mode::Review(review) = &mut self.mode {
            review.set_compared(project, slot, name);
        }
        self.refresh_review();
    }

    /// The number of undo steps, so that review mode forgets decisions that were undone.
    fn undo_depth(&self) -> usize {
        self.workspace.as_ref().map_or(0, crate::workspace::Workspace::undo_depth)
    }

    /// Brings review mode up to date with the document and the project: the
    /// disagreements are recomputed when something changed (a check of two numbers
    /// otherwise, so it runs every frame), and a new document's first undecided item is
    /// scrolled to. Nothing is written to gold here.
    pub fn refresh_review(&mut self) {
        let (generation, depth) = (self.generation(), self.undo_depth());
        if let (Some(ws), Some(doc), Mode::Review(review)) = (&self.workspace, &self.view.doc, &mut self.mode)
            && let Some(range) = review.refresh(&ws.project, doc, generation, depth)
        {
            self.view.reveal = Some(range);
        }
    }

    /// Accepts into gold, as one undo step, the spans (and their links and values) both
    /// compared annotators agree on in the current document. Run only when the reviewer
    /// asks. Returns how many spans and links went into gold (none when there was nothing
    /// new).
    pub fn accept_agreed(&mut self, now: Timestamp) -> Result<Agreed, SessionError> {
        let Mode::Review(review) = &self.mode else { return Err(SessionError::NotReviewing) };
        let (project, doc) = self.parts()?;
        let names: Vec<&str> = review.annotators().iter().map(String::as_str).collect();
        if names.len() < 2 {
            return Ok(Agreed::default());
        }
        let by = self.annotator().unwrap_or_default();
        let command = crate::review::auto_accept_agreed(project, &doc, &names, by, now);
        let added = review.agreed();
        let empty = matches!(&command, Command::Batch(c) if c.is_empty());
        if empty {
            return Ok(Agreed::default());
        }
        self.apply(command, None)?;
        self.refresh_review();
        Ok(added)
    }

    /// Moves to the next or previous item (decided or not) and scrolls to it.
    pub fn step_disagreement(&mut self, forward: bool) -> Result<CharRange, SessionError> {
        let Mode::Review(review) = &mut self.mode else { return Err(SessionError::NotReviewing) };
        let range = review.step(forward).ok_or(SessionError::NoDisagreement)?;
        self.view.reveal = Some(range);
        Ok(range)
    }

    /// Moves to the next undecided item (wrapping around) and scrolls to it.
    pub fn next_undecided(&mut self) -> Result<CharRange, SessionError> {
        let Mode::Review(review) = &mut self.mode else { return Err(SessionError::NotReviewing) };
        let range = review.next_undecided().ok_or(SessionError::NoDisagreement)?;
        self.view.reveal = Some(range);
        Ok(range)
    }

    /// Shows disagreement `i` of the list.
    pub fn go_to_disagreement(&mut self, i: usize) -> Result<CharRange, SessionError> {
        let Mode::Review(review) = &mut self.mode else { return Err(SessionError::NotReviewing) };
        let range = review.go_to(i).ok_or(SessionError::NoDisagreement)?;
        self.view.reveal = Some(range);
        Ok(range)
    }

    /// Records the reviewer's decision on the current disagreement in the gold layer
    /// (one undo step), then moves to the next undecided item: a decision never skips
    /// one. Returns whether an undecided item is left.
    pub fn decide(&mut self, choice: Choice, now: Timestamp) -> Result<bool, SessionError> {
        let Mode::Review(review) = &self.mode else { return Err(SessionError::NotReviewing) };
        let (project, doc) = self.parts()?;
        if choice == Choice::Selection && self.view.selection.is_none() {
            return Err(SessionError::NoSelectionForDecision);
        }
        let decision = review.decision(choice, self.view.selection).ok_or(SessionError::NoDisagreement)?;
        let by = self.annotator().unwrap_or_default();
        let command =
            review.decide(project, &doc, &decision, by, now).ok_or(SessionError::NoDisagreement)??;
        self.apply(command, None)?;
        self.view.selection = None;
        let depth = self.undo_depth();
        if let Mode::Review(review) = &mut self.mode {
            review.remember_decision(&doc, depth);
        }
        self.refresh_review();
        let Mode::Review(review) = &mut self.mode else { return Ok(false) };
        let next = review.next_undecided();
        if let Some(range) = next {
            self.view.reveal = Some(range);
        }
        Ok(next.is_some())
    }
}
