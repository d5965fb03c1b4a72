//! The annotator's queue: in a team project (documents assigned with `hashiya assign`),
//! the documents assigned to whoever is annotating. While "Assigned to me" is on (the
//! default for an annotator with assignments), the document list shows only those and
//! PageDown / PageUp walk them.

use super::Session;
use crate::model::DocId;

impl Session {
    /// Whether the open project assigns any document to the annotator.
    pub fn has_assignments(&self) -> bool {
        let (Some(project), Some(me)) = (self.project(), self.annotator()) else { return false };
        project.documents.iter().any(|d| d.is_assigned_to(me))
    }

    /// Whether the list and the document steps keep to the annotator's queue: as set by
    /// [`Session::set_my_queue`], else on whenever the annotator has assignments.
    pub fn my_queue(&self) -> bool {
        self.has_assignments() && self.my_queue.unwrap_or(true)
    }

    /// Turns "Assigned to me" on or off.
    pub fn set_my_queue(&mut self, on: bool) {
        self.my_queue = Some(on);
    }

    /// The documents the steps walk, with their place in the project, in project order:
    /// the annotator's queue, or all.
    pub(crate) fn walked_documents(&self) -> Vec<(&DocId, usize)> {
        let Some(project) = self.project() else { return Vec::new() };
        let me = self.annotator().unwrap_or_default();
        let queue = self.my_queue();
        let docs = project.documents.iter().enumerate();
        docs.filter(|(_, d)| !queue || d.is_assigned_to(me)).map(|(i, d)| (&d.id, i)).collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{DocId, Document, Project};
    use crate::session::Session;

    #[test]
    fn page_down_walks_the_queue_of_the_annotator() {
        let mut project = Project::new("t");
        for (id, who) in [("a", "omar"), ("b", "amal"), ("c", "omar"), ("d", "amal"), ("e", "amal")] {
            let mut doc = Document::new(DocId::new(id), id, format!("نص {id}"));
            doc.assigned = vec![who.to_string()];
            project.push_document(doc);
        }
        let mut s = Session::new(Some("amal".into()));
        s.open(project.clone(), None);
        assert!(s.has_assignments() && s.my_queue(), "on by default with assignments");
        assert_eq!(s.view().doc, Some(DocId::new("b")), "her first document is shown");
        let step = |s: &mut Session, forward| s.step_document(forward).unwrap().to_string();
        // From "a" (not hers), the next of her documents after it.
        s.open_document(DocId::new("a"));
        assert_eq!(step(&mut s, true), "b");
        assert_eq!(step(&mut s, true), "d");
        assert_eq!(step(&mut s, true), "e");
        assert_eq!(step(&mut s, true), "e", "the last stays last");
        assert_eq!(step(&mut s, false), "d");
        s.set_my_queue(false);
        assert_eq!(step(&mut s, false), "c");
        // Someone with no assignment walks everything.
        let mut s = Session::new(Some("sara".into()));
        s.open(project, None);
        assert!(!s.my_queue());
        assert_eq!(step(&mut s, true), "b");
    }
}
