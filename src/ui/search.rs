//! Search (Ctrl+F) in the document and across the project, Arabic-aware: harakat and
//! tatweel are ignored and the alef forms match each other. Hits are highlighted; Enter
//! goes to the next one (across documents when searching the project).

use super::{Action, EngineText, TextField};
use crate::i18n::tr;
use crate::model::search::SearchIndex;
use crate::model::{CharRange, DocId, Project};
use crate::tr;
use egui::Ui;
use std::collections::BTreeMap;

/// A fingerprint of the project's documents: their ids and text hashes, in order.
fn texts_fingerprint(project: &Project) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut hasher = ahash::RandomState::with_seeds(1, 2, 3, 4).build_hasher();
    for d in &project.documents {
        d.id.as_str().hash(&mut hasher);
        d.hash.0.hash(&mut hasher);
    }
    hasher.finish()
}

/// Where to search.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    #[default]
    Document,
    Project,
}

/// The search bar's state and its results.
#[derive(Debug, Default)]
pub struct Search {
    pub open: bool,
    pub query: String,
    pub scope: Scope,
    /// Hits in reading order: document by document (project order), then by offset.
    hits: Vec<(DocId, CharRange)>,
    /// The same hits grouped by document, for drawing.
    by_doc: BTreeMap<DocId, Vec<CharRange>>,
    /// The hit last shown.
    current: Option<usize>,
    /// What `hits` was computed for (query, scope, document, project revision).
    searched: Option<(String, Scope, Option<DocId>, u64)>,
    /// The same with, instead of the edit counter, a fingerprint of the documents' ids and
    /// texts: span edits change the counter but no text, and need no new search.
    searched_texts: Option<(String, Scope, Option<DocId>, u64)>,
    /// How many times the texts were searched (for tests).
    pub searches_run: u64,
    focus: bool,
}

impl Search {
    /// Opens the bar and puts the cursor in it.
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
    }

    /// Recomputes the hits when the query, scope, document or texts changed. An edit of
    /// the project (`revision`, its edit counter) costs a fingerprint of the documents'
    /// ids and hashes, not a search of every text: labelling never changes a text.
    pub fn refresh(&mut self, project: &Project, doc: Option<&DocId>, revision: u64) {
        let key = (self.query.clone(), self.scope, doc.cloned(), revision);
        if self.searched.as_ref() == Some(&key) {
            return;
        }
        let texts_key = (self.query.clone(), self.scope, doc.cloned(), texts_fingerprint(project));
        self.searched = Some(key);
        if self.searched_texts.as_ref() == Some(&texts_key) {
            return;
        }
        self.searched_texts = Some(texts_key);
        self.searches_run += 1;
        self.hits.clear();
        self.by_doc.clear();
        self.current = None;
        if !self.query.is_empty() {
            for d in &project.documents {
                if self.scope == Scope::Document && Some(&d.id) != doc {
                    continue;
                }
                let found = SearchIndex::new(&d.text).find_all(&self.query);
                self.hits.extend(found.iter().map(|r| (d.id.clone(), *r)));
                if !found.is_empty() {
                    self.by_doc.insert(d.id.clone(), found);
                }
            }
        }
    }

    /// Hits in document `doc`, in order (none while the bar is closed).
    pub fn hits_in(&self, doc: &DocId) -> &[CharRange] {
        match self.by_doc.get(doc) {
            Some(hits) if self.open => hits,
            _ => &[],
        }
    }

    /// The hit last moved to, if it is in `doc`.
    pub fn current_in(&self, doc: &DocId) -> Option<CharRange> {
        let (d, r) = self.hits.get(self.current?)?;
        (self.open && d == doc).then_some(*r)
    }

    /// Which hit is the current one (0-based), once stepped to.
    pub fn current(&self) -> Option<usize> {
        self.current
    }

    pub fn hit_count(&self) -> usize {
        self.hits.len()
    }

    /// Moves to the next (or previous) hit and returns where it is.
    pub fn step(&mut self, forward: bool) -> Option<(DocId, CharRange)> {
        let n = self.hits.len();
        if n == 0 {
            return None;
        }
        let next = match (self.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.current = Some(next);
        self.hits.get(next).cloned()
    }

    /// The search bar. Enter (Shift+Enter) goes to the next (previous) hit.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        doc: Option<&DocId>,
        revision: u64,
        engine: &mut EngineText,
        actions: &mut Vec<Action>,
    ) {
        if !self.open {
            return;
        }
        // Wraps rather than pushing Close out of the panel.
        ui.horizontal_wrapped(|ui| {
            ui.label(tr("search-find"));
            let field = TextField::singleline(&mut self.query)
                .id(egui::Id::unique("hashiya-search-field"))
                .hint(crate::i18n::plain("search-hint"))
                .desired_width(260.0)
                .show(ui, engine);
            let edit = field.response;
            if std::mem::take(&mut self.focus) {
                edit.request_focus();
            }
            ui.selectable_value(&mut self.scope, Scope::Document, tr("search-this-document"));
            ui.selectable_value(&mut self.scope, Scope::Project, tr("search-all-documents"));
            self.refresh(project, doc, revision);
            // Enter keeps the field's focus, so each press steps to the next hit.
            let enter = field.submitted;
            let shift = ui.input(|i| i.modifiers.shift);
            if (enter || ui.button(tr("search-next")).clicked())
                && let Some((d, r)) = self.step(!shift)
            {
                actions.push(Action::Reveal(d, r));
                edit.request_focus();
            }
            let count = self.hits.len();
            ui.label(match self.current {
                Some(i) => tr!("search-place-hits", place = i + 1, count = count),
                None => tr!("search-hits", count = count),
            });
            if ui.button(tr("button-close")).clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                self.open = false;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    #[test]
    fn project_search_steps_across_documents() {
        let mut p = Project::new("t");
        p.push_document(Document::new(DocId::new("a"), "a.txt", "هروب مسلّحين من الرقة".into()));
        p.push_document(Document::new(DocId::new("b"), "b.txt", "لا مسلحين هنا، مسلحين هناك".into()));
        let mut search =
            Search { open: true, query: "مسلحين".into(), scope: Scope::Project, ..Search::default() };
        search.refresh(&p, Some(&DocId::new("a")), 0);
        assert_eq!(search.hit_count(), 3);
        assert_eq!(search.step(true).map(|h| h.0), Some(DocId::new("a")));
        assert_eq!(search.step(true).map(|h| h.0), Some(DocId::new("b")));
        assert_eq!(search.hits_in(&DocId::new("b")).len(), 2);
        search.scope = Scope::Document;
        search.refresh(&p, Some(&DocId::new("a")), 0);
        assert_eq!(search.hit_count(), 1);
        assert_eq!(search.step(false), Some((DocId::new("a"), CharRange::new(5, 12))));
    }

    #[test]
    fn edits_that_change_no_text_search_nothing_again() {
        let mut p = Project::new("t");
        p.push_document(Document::new(DocId::new("a"), "a.txt", "مسلحين".into()));
        let mut search =
            Search { open: true, query: "مسلحين".into(), scope: Scope::Project, ..Search::default() };
        search.refresh(&p, None, 1);
        search.step(true);
        for revision in 2..50 {
            search.refresh(&p, None, revision); // spans labelled, statuses changed
        }
        assert_eq!(search.searches_run, 1);
        assert_eq!(search.current_in(&DocId::new("a")), Some(CharRange::new(0, 6)), "the place is kept");
        p.push_document(Document::new(DocId::new("b"), "b.txt", "مسلحين أيضاً".into()));
        search.refresh(&p, None, 50);
        assert_eq!((search.searches_run, search.hit_count()), (2, 2), "a new text is searched");
    }
}
