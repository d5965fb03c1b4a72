//! `hashiya --install-desktop` writes the menu entry, the icon and the project MIME type
//! into the user's data folder, naming the binary that ran.

#![allow(clippy::unwrap_used)] // a test fails loudly on a broken fixture

use crate::common::hashiya;

#[test]
fn install_desktop_writes_an_entry_for_this_binary() {
    let home = tempfile::tempdir().unwrap();
    let out = hashiya()
        .arg("--install-desktop")
        .env("HOME", home.path())
        .env_remove("XDG_DATA_HOME")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let share = home.path().join(".local/share");
    let entry = std::fs::read_to_string(share.join("applications/hashiya.desktop")).unwrap();
    let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_hashiya")).unwrap();
    assert!(entry.contains(&format!("Exec={} %f", exe.display())), "{entry}");
    assert!(share.join("icons/hicolor/scalable/apps/hashiya.svg").is_file());
    assert!(String::from_utf8_lossy(&out.stdout).contains("hashiya.desktop"));
}
