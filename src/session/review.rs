//! Review mode's rules: switching between annotating and reviewing, choosing the
//! annotators compared, stepping through their disagreements, recording the reviewer's
//! decisions in the gold layer, and accepting what every compared annotator agrees on
//! (only when asked).

use super::{Mode, Session, SessionError};
use crate::model::{CharRange, Command, DocId, Timestamp};
use crate::review::state::{Choice, ReviewState};

impl Session {
    /// Switches between annotating and reviewing (every annotator compared). Returns
    /// whether review mode is on.
    pub fn toggle_review(&mut self) -> Result<bool, SessionError> {
        let project = self.project().ok_or(SessionError::NoProject)?;
        self.mode = match self.mode {
            Mode::Annotate { .. } => Mode::Review(ReviewState::new(project)),
            Mode::Review(_) => Mode::default(),
        };
        self.view.selected_span = None;
        self.view.selection = None;
        Ok(self.review().is_some())
    }

    /// Starts reviewing `doc` (from the agreement window's list of documents).
    pub fn review_document(&mut self, doc: DocId) -> Result<(), SessionError> {
        if self.review().is_none() {
            self.toggle_review()?;
        }
        self.open_document(doc);
        Ok(())
    }

    /// Adds or removes an annotator from the comparison (review mode).
    pub fn compare(&mut self, name: &str, on: bool) {
        let Some(project) = self.workspace.as_ref().map(|ws| &ws.project) else { return };
        if let Mode::Review(review) = &mut self.mode {
            review.set_compared(project, name, on);
        }
    }

    /// Brings review mode up to date with the document and the project: the
    /// disagreements are recomputed when something changed (a check of two numbers
    /// otherwise, so it runs every frame). Nothing is written to gold here.
    pub fn refresh_review(&mut self) {
        let generation = self.generation();
        if let (Some(ws), Some(doc), Mode::Review(review)) = (&self.workspace, &self.view.doc, &mut self.mode)
        {
            review.refresh(&ws.project, doc, generation);
        }
    }

    /// Accepts into gold, as one undo step, the spans (and their links and values) every
    /// compared annotator agrees on in the current document. Run only when the reviewer
    /// asks. Returns how many changes went into gold (0 when there was nothing new).
    pub fn accept_agreed(&mut self, now: Timestamp) -> Result<usize, SessionError> {
        let Mode::Review(review) = &self.mode else { return Err(SessionError::NotReviewing) };
        let (project, doc) = self.parts()?;
        let names: Vec<&str> = review.annotators().iter().map(String::as_str).collect();
        if names.len() < 2 {
            return Ok(0);
        }
        let by = self.annotator().unwrap_or_default();
        let command = crate::review::auto_accept_agreed(project, &doc, &names, by, now);
        let n = match &command {
            Command::Batch(c) => c.len(),
            _ => 1,
        };
        if n > 0 {
            self.apply(command, None)?;
            self.refresh_review();
        }
        Ok(n)
    }

    /// Moves to the next or previous disagreement and scrolls to it.
    pub fn step_disagreement(&mut self, forward: bool) -> Result<CharRange, SessionError> {
        let Mode::Review(review) = &mut self.mode else { return Err(SessionError::NotReviewing) };
        let range = review.step(forward).ok_or(SessionError::NoDisagreement)?;
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
    /// (one undo step), then moves to the next disagreement.
    pub fn decide(&mut self, choice: Choice, now: Timestamp) -> Result<(), SessionError> {
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
        let generation = self.generation();
        if let (Some(ws), Mode::Review(review)) = (&self.workspace, &mut self.mode) {
            review.refresh(&ws.project, &doc, generation);
            if let Some(range) = review.step(true) {
                self.view.reveal = Some(range);
            }
        }
        Ok(())
    }
}
