//! Active time: how long an annotator works on a document, recorded in their layer.
//!
//! The window reports each frame whether it is focused and whether the user did anything
//! (a key, a click, the pointer moving). Time between two such moments on the same document
//! counts, unless the gap is over [`IDLE_GAP`] (the annotator was away); time while the
//! window is not focused never counts. Counted seconds are kept here and written to the
//! layer ([`crate::workspace::Workspace::record_time`], not an undo step) when the document
//! changes, when a minute has gathered, and before a save.

use super::{Mode, Session};
use crate::model::{DocId, Timestamp};

/// A gap between two inputs longer than this (seconds) is idle time, not counted.
pub const IDLE_GAP: u64 = 120;

/// Seconds gathered before they are written to the layer.
const FLUSH_AFTER: u64 = 60;

/// The clock of the document being worked on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Activity {
    /// Whose work on which document is being timed.
    on: Option<(String, DocId)>,
    /// The last input counted.
    last: Option<Timestamp>,
    /// Seconds counted and not yet written to the layer.
    pending: u64,
}

impl Session {
    /// Notes a frame at `now`: whether the window is `focused` and whether the user did
    /// something (`input`). See the module documentation.
    pub fn note_activity(&mut self, now: Timestamp, focused: bool, input: bool) {
        let on = match (&self.mode, &self.annotator, &self.view.doc) {
            (Mode::Annotate { .. }, Some(who), Some(doc)) => Some((who.clone(), doc.clone())),
            _ => None,
        };
        if self.activity.on != on {
            self.flush_activity();
            self.activity = Activity { on, ..Activity::default() };
        }
        if !focused {
            self.activity.last = None;
            return;
        }
        if !input || self.activity.on.is_none() {
            return;
        }
        if let Some(last) = self.activity.last {
            let gap = now.0.saturating_sub(last.0);
            if gap <= IDLE_GAP {
                self.activity.pending += gap;
            }
        }
        self.activity.last = Some(now);
        if self.activity.pending >= FLUSH_AFTER {
            self.flush_activity();
        }
    }

    /// Writes the seconds counted so far to the annotator's layer.
    pub fn flush_activity(&mut self) {
        let (Some((who, doc)), Some(at)) = (&self.activity.on, self.activity.last) else { return };
        if self.activity.pending == 0 {
            return;
        }
        if let Some(ws) = &mut self.workspace {
            ws.record_time(who, doc, self.activity.pending, at);
        }
        self.activity.pending = 0;
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{DocId, Document, Project, Timestamp};
    use crate::session::Session;

    fn session() -> Session {
        let mut project = Project::new("t");
        for id in ["d1", "d2"] {
            project.push_document(Document::new(DocId::new(id), id, format!("نص {id}")));
        }
        let mut s = Session::new(Some("amal".into()));
        s.open(project, None);
        s
    }

    fn seconds(s: &Session, doc: &str) -> (u64, Option<Timestamp>) {
        let layer = s.project().unwrap().layers.get("amal");
        let entry = layer.and_then(|l| l.docs.get(&DocId::new(doc)));
        entry.map_or((0, None), |e| (e.active_seconds, e.last_active))
    }

    #[test]
    fn time_between_inputs_counts_and_idle_gaps_do_not() {
        let mut s = session();
        let at = |t: u64| Timestamp(1_000 + t);
        s.note_activity(at(0), true, true);
        s.note_activity(at(10), true, true);
        s.note_activity(at(30), true, false); // a frame without input adds nothing
        s.note_activity(at(40), true, true); // 30 s after the last input: counted
        s.note_activity(at(400), true, true); // away for six minutes: not counted
        s.note_activity(at(405), true, true);
        s.note_activity(at(410), false, true); // the window lost focus
        s.note_activity(at(415), true, true); // focus back: starts again
        s.note_activity(at(420), true, true);
        assert_eq!(seconds(&s, "d1").0, 0, "written only when due");
        assert!(!s.is_dirty());
        s.flush_activity();
        assert_eq!(seconds(&s, "d1"), (40 + 5 + 5, Some(at(420))));
        assert!(s.is_dirty(), "recorded time is saved with the project");
        assert!(!s.workspace().unwrap().can_undo(), "and is no undo step");
        // Another document: the time so far goes to the first, the new clock starts.
        s.note_activity(at(425), true, true);
        s.step_document(true);
        s.note_activity(at(430), true, true);
        s.note_activity(at(500), true, true);
        s.note_activity(at(600), true, true); // a minute gathered: written at once
        assert_eq!(seconds(&s, "d1").0, 55);
        assert_eq!(seconds(&s, "d2"), (170, Some(at(600))));
    }
}
