//! Review mode's state, egui-free: which annotators are compared, the disagreements of the
//! current document (recomputed only when the document, the project or the chosen
//! annotators change), the one being looked at, and how many gold spans decide each.

use super::{AdjudicationError, Decision, Disagreement, adjudicate, decided_count, disagreements};
use crate::model::{CharRange, Command, DocId, LabelId, Project, Timestamp};

/// What the reviewer chose for the current disagreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The first compared annotator's spans.
    First,
    /// The second compared annotator's spans.
    Second,
    /// The reviewer's own selection, labelled like the disagreement's first span.
    Selection,
    /// Nothing goes to gold.
    Reject,
}

/// The review mode's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReviewState {
    /// The annotators compared, in the project's order.
    annotators: Vec<String>,
    /// Disagreements of the current document and how many gold spans decide each.
    list: Vec<Disagreement>,
    decided: Vec<usize>,
    /// What the list was computed for: document, project generation, annotators.
    computed_for: Option<(DocId, u64, Vec<String>)>,
    /// The disagreement shown.
    current: Option<usize>,
}

impl ReviewState {
    /// Review of every annotator of `project`.
    pub fn new(project: &Project) -> Self {
        Self { annotators: project.annotators().map(str::to_string).collect(), ..Self::default() }
    }

    /// The annotators compared, in the project's order.
    pub fn annotators(&self) -> &[String] {
        &self.annotators
    }

    /// Adds or removes `name` from the comparison; "first" and "second" (A and B) follow
    /// the project's order, not the order of the clicks.
    pub fn set_compared(&mut self, project: &Project, name: &str, on: bool) {
        self.annotators.retain(|a| a != name);
        if on {
            self.annotators.push(name.to_string());
        }
        let order: Vec<&str> = project.annotators().collect();
        self.annotators.sort_by_key(|a| order.iter().position(|o| o == a));
    }

    /// Recomputes the disagreements when the document, the project or the chosen
    /// annotators changed (`generation` changes with every edit).
    pub fn refresh(&mut self, project: &Project, doc: &DocId, generation: u64) {
        let key = (doc.clone(), generation, self.annotators.clone());
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        let same_doc = self.computed_for.as_ref().is_some_and(|(d, _, a)| d == doc && a == &self.annotators);
        let names: Vec<&str> = self.annotators.iter().map(String::as_str).collect();
        self.list = disagreements(project, doc, &names);
        self.decided = self.list.iter().map(|d| decided_count(project, doc, d)).collect();
        if !same_doc {
            self.current = (!self.list.is_empty()).then_some(0);
        }
        if let Some(i) = self.current {
            self.current = Some(i.min(self.list.len().saturating_sub(1))).filter(|_| !self.list.is_empty());
        }
        self.computed_for = Some(key);
    }

    pub fn disagreements(&self) -> &[Disagreement] {
        &self.list
    }

    /// How many gold spans decide disagreement `i`.
    pub fn decided_count(&self, i: usize) -> usize {
        self.decided.get(i).copied().unwrap_or(0)
    }

    /// The index of the disagreement shown.
    pub fn current(&self) -> Option<usize> {
        self.current
    }

    pub fn current_disagreement(&self) -> Option<&Disagreement> {
        self.list.get(self.current?)
    }

    /// Shows disagreement `i`, returning its range.
    pub fn go_to(&mut self, i: usize) -> Option<CharRange> {
        let range = self.list.get(i)?.range;
        self.current = Some(i);
        Some(range)
    }

    /// Moves to the next or previous disagreement, returning its range.
    pub fn step(&mut self, forward: bool) -> Option<CharRange> {
        let n = self.list.len();
        if n == 0 {
            return None;
        }
        let next = match (self.current, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1).min(n - 1),
            (Some(i), false) => i.saturating_sub(1),
        };
        self.go_to(next)
    }

    /// The decision `choice` stands for on the current disagreement (`selection` is the
    /// reviewer's selected text); `None` when there is no current disagreement, or the
    /// chosen annotator or selection does not exist.
    pub fn decision(&self, choice: Choice, selection: Option<CharRange>) -> Option<Decision> {
        let d = self.current_disagreement()?;
        match choice {
            Choice::First => self.annotators.first().cloned().map(Decision::Accept),
            Choice::Second => self.annotators.get(1).cloned().map(Decision::Accept),
            Choice::Reject => Some(Decision::Reject),
            Choice::Selection => {
                let label: LabelId = d.spans.first()?.span.label.clone();
                Some(Decision::Edit(vec![(selection?, label)]))
            }
        }
    }

    /// The gold-layer command for `decision` on the current disagreement, made by `by`.
    pub fn decide(
        &self,
        project: &Project,
        doc: &DocId,
        decision: &Decision,
        by: &str,
        now: Timestamp,
    ) -> Option<Result<Command, AdjudicationError>> {
        let d = self.current_disagreement()?;
        Some(adjudicate(project, doc, d, decision, by, now))
    }
}
