//! Fuzz the project loader: any bytes either load as a valid project or give an error;
//! never a panic. A project that loads must save and load back to itself.
#![no_main]

use hashiya::store;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let path = Path::new("fuzz.ron");
    if let Ok(project) = store::load_from_str(text, path) {
        let saved = store::to_ron(&project);
        let again = store::load_from_str(&saved, path).expect("a saved project loads");
        assert_eq!(again, project);
        assert_eq!(store::to_ron(&again), saved);
    }
});
