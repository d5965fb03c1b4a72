//! Fuzz the text importer: any bytes are imported as a valid document or refused with a
//! reason; never a panic, and an imported text has no BOM, no CR and no NUL.
#![no_main]

use hashiya::model::Project;
use hashiya::store::import::import_text_bytes;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let mut project = Project::new("fuzz");
    if let Ok(id) = import_text_bytes(&mut project, Path::new("in/fuzz.txt"), data) {
        let doc = project.document(&id).expect("the imported document is there");
        assert!(!doc.text.contains('\r') && !doc.text.contains('\0'));
        assert!(!doc.text.starts_with('\u{feff}'));
        assert!(project.validate().is_empty());
        // The same bytes again are a duplicate, not a second document.
        assert!(import_text_bytes(&mut project, Path::new("fuzz.txt"), data).is_err());
        assert_eq!(project.documents.len(), 1);
    }
});
