//! Review mode's state, egui-free: the two annotators compared (A and B, chosen
//! explicitly), the disagreements of the current document (recomputed only when the
//! document, the project or the pair change), the one being looked at, which of them are
//! decided, and what both annotators agree on that gold lacks yet.
//!
//! An item is decided when gold spans (or gold links, or the gold span's values) decide
//! it, or when the reviewer decided it in this session with nothing going into gold (R,
//! or accepting an annotator who marked nothing there). Those decisions leave no trace in
//! the project, so they are remembered here with the undo depth they were made at, and
//! forgotten when that step is undone.

use super::{
    AdjudicationError, Decision, Disagreement, adjudicate, auto_accept_agreed, decided_count, disagreements,
};
use crate::model::{CharRange, Command, DocId, LabelId, Project, Timestamp};

/// What the reviewer chose for the current disagreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The first compared annotator's spans (A).
    First,
    /// The second compared annotator's spans (B).
    Second,
    /// The reviewer's own selection, labelled like the disagreement's first span.
    Selection,
    /// Nothing goes to gold.
    Reject,
}

/// What the compared annotators agree on in the current document and gold lacks yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Agreed {
    pub spans: usize,
    pub links: usize,
}

impl Agreed {
    pub fn is_empty(&self) -> bool {
        self.spans == 0 && self.links == 0
    }
}

/// A decision that left nothing in gold: the document, the item and the undo depth
/// right after it was made.
#[derive(Clone, Debug, PartialEq)]
struct Remembered {
    doc: DocId,
    item: Disagreement,
    depth: usize,
}

/// The review mode's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReviewState {
    /// The annotators compared: A then B.
    annotators: Vec<String>,
    /// Disagreements of the current document and how many gold spans decide each.
    list: Vec<Disagreement>,
    decided: Vec<usize>,
    remembered: Vec<Remembered>,
    agreed: Agreed,
    /// What the list was computed for: document, project generation, annotators.
    computed_for: Option<(DocId, u64, Vec<String>)>,
    /// The disagreement shown.
    current: Option<usize>,
}

impl ReviewState {
    /// Review of two annotators of `project`: the first two in the project's order that
    /// are not `me` (the reviewer's own layer is compared only when there is no other
    /// choice).
    pub fn new(project: &Project, me: &str) -> Self {
        let others = project.annotators().filter(|a| *a != me);
        let mine = project.annotators().filter(|a| *a == me);
        let mut annotators: Vec<String> = others.chain(mine).take(2).map(str::to_string).collect();
        annotators.sort_by_key(|a| project.annotators().position(|o| o == a));
        Self { annotators, ..Self::default() }
    }

    /// The annotators compared: A, then B.
    pub fn annotators(&self) -> &[String] {
        &self.annotators
    }

    /// Compares `name` as A (`slot` 0) or B (`slot` 1); choosing for one slot the
    /// annotator of the other swaps them.
    pub fn set_compared(&mut self, project: &Project, slot: usize, name: &str) {
        if !project.annotators().any(|a| a == name) {
            return;
        }
        let slot = slot.min(1);
        if self.annotators.len() < 2 {
            if !self.annotators.iter().any(|a| a == name) {
                self.annotators.push(name.to_string());
            }
            return;
        }
        if self.annotators.get(1 - slot).is_some_and(|a| a == name) {
            self.annotators.swap(0, 1);
        } else if let Some(a) = self.annotators.get_mut(slot) {
            *a = name.to_string();
        }
    }

    /// Recomputes the disagreements when the document, the project or the chosen
    /// annotators changed (`generation` changes with every edit; `depth` is the number
    /// of undo steps, to forget decisions that were undone). Returns the range of the
    /// item shown when it changed to another document's first item.
    pub fn refresh(
        &mut self,
        project: &Project,
        doc: &DocId,
        generation: u64,
        depth: usize,
    ) -> Option<CharRange> {
        self.remembered.retain(|r| r.depth <= depth);
        let key = (doc.clone(), generation, self.annotators.clone());
        if self.computed_for.as_ref() == Some(&key) {
            return None;
        }
        let same_doc = self.computed_for.as_ref().is_some_and(|(d, _, a)| d == doc && a == &self.annotators);
        let names: Vec<&str> = self.annotators.iter().map(String::as_str).collect();
        self.list = disagreements(project, doc, &names);
        self.decided = self.list.iter().map(|d| decided_count(project, doc, d)).collect();
        self.agreed = if names.len() < 2 {
            Agreed::default()
        } else {
            count_additions(&auto_accept_agreed(project, doc, &names, "", Timestamp(0)))
        };
        self.computed_for = Some(key);
        if !same_doc {
            self.current = self.first_undecided(doc, None).or((!self.list.is_empty()).then_some(0));
            return self.current.and_then(|i| self.list.get(i)).map(|d| d.range);
        }
        if let Some(i) = self.current {
            self.current = Some(i.min(self.list.len().saturating_sub(1))).filter(|_| !self.list.is_empty());
        }
        None
    }

    pub fn disagreements(&self) -> &[Disagreement] {
        &self.list
    }

    /// What both annotators agree on here that gold lacks yet.
    pub fn agreed(&self) -> Agreed {
        self.agreed
    }

    /// How many gold spans decide disagreement `i`.
    pub fn decided_count(&self, i: usize) -> usize {
        self.decided.get(i).copied().unwrap_or(0)
    }

    /// The document the list is for.
    fn doc(&self) -> Option<&DocId> {
        self.computed_for.as_ref().map(|(d, _, _)| d)
    }

    /// Whether disagreement `i` is decided: gold decides it, or the reviewer decided it
    /// with nothing going into gold.
    pub fn is_decided(&self, i: usize) -> bool {
        let Some(item) = self.list.get(i) else { return false };
        self.decided_count(i) > 0 || self.doc().is_some_and(|doc| self.remembers(doc, item))
    }

    fn remembers(&self, doc: &DocId, item: &Disagreement) -> bool {
        self.remembered.iter().any(|r| &r.doc == doc && &r.item == item)
    }

    /// How many items are decided, and how many remain.
    pub fn progress(&self) -> (usize, usize) {
        let decided = (0..self.list.len()).filter(|&i| self.is_decided(i)).count();
        (decided, self.list.len() - decided)
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

    /// Moves to the next or previous item (decided or not), returning its range.
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

    /// The first undecided item after `after` (from the start when `None`), wrapping
    /// around to the ones before it.
    fn first_undecided(&self, doc: &DocId, after: Option<usize>) -> Option<usize> {
        let n = self.list.len();
        let start = after.map_or(0, |i| i + 1);
        (0..n).map(|k| (start + k) % n.max(1)).find(|&i| {
            let decided =
                self.decided_count(i) > 0 || self.list.get(i).is_some_and(|item| self.remembers(doc, item));
            !decided
        })
    }

    /// Moves to the next undecided item after the one shown (wrapping around); `None`,
    /// staying put, when every item is decided.
    pub fn next_undecided(&mut self) -> Option<CharRange> {
        let doc = self.doc()?.clone();
        let next = self.first_undecided(&doc, self.current)?;
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

    /// Remembers that the current item was decided on `doc`, the undo depth being
    /// `depth` right after the decision.
    pub fn remember_decision(&mut self, doc: &DocId, depth: usize) {
        let Some(item) = self.current_disagreement().cloned() else { return };
        self.remembered.retain(|r| !(&r.doc == doc && r.item == item));
        self.remembered.push(Remembered { doc: doc.clone(), item, depth });
    }
}

/// How many spans and links a gold command adds.
fn count_additions(command: &Command) -> Agreed {
    match command {
        Command::AddSpan { .. } => Agreed { spans: 1, links: 0 },
        Command::AddRelation { .. } => Agreed { spans: 0, links: 1 },
        Command::Batch(commands) => commands
            .iter()
            .map(count_additions)
            .fold(Agreed::default(), |a, b| Agreed { spans: a.spans + b.spans, links: a.links + b.links }),
        _ => Agreed::default(),
    }
}

#[cfg(test)]
mod tests;
