//! Reviewing annotator layers: merging colleagues' work, agreement measures, adjudication.
