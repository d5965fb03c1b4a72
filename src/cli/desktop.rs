//! `hashiya --install-desktop`: a menu entry and icon in the user's data folders, so the
//! window starts without a terminal and a project opens from the file manager.
//!
//! Writes, under `$XDG_DATA_HOME` (else `~/.local/share`): `applications/hashiya.desktop`,
//! `icons/hicolor/scalable/apps/hashiya.svg` and `mime/packages/hashiya.xml` (Hashiya
//! projects, `*.ron`), then asks the desktop's caches to refresh when their tools are there.

use anyhow::Context as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The icon, embedded.
const ICON: &str = include_str!("../../assets/hashiya.svg");

/// The MIME type of a project file.
const MIME_TYPE: &str = "application/x-hashiya-project";

/// Installs the entry for the running binary and says what was written.
pub fn run() -> anyhow::Result<ExitCode> {
    let exe = std::env::current_exe().context("could not find the hashiya binary")?;
    let data_home = data_home().context("neither XDG_DATA_HOME nor HOME is set")?;
    let written = install(&data_home, &exe)?;
    for path in &written {
        outln!("wrote {}", path.display());
    }
    refresh_caches(&data_home);
    outln!("Hashiya is in the applications menu; .ron projects open with it from the file manager.");
    Ok(ExitCode::SUCCESS)
}

/// `$XDG_DATA_HOME` when absolute, else `~/.local/share`.
fn data_home() -> Option<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    var("XDG_DATA_HOME").filter(|p| p.is_absolute()).or_else(|| var("HOME").map(|h| h.join(".local/share")))
}

/// Writes the entry, the icon and the MIME type under `data_home`; returns the files.
pub fn install(data_home: &Path, exe: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let files = [
        (data_home.join("applications/hashiya.desktop"), desktop_entry(exe)),
        (data_home.join("icons/hicolor/scalable/apps/hashiya.svg"), ICON.to_string()),
        (data_home.join("mime/packages/hashiya.xml"), mime_package()),
    ];
    let mut written = Vec::new();
    for (path, text) in files {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("could not create {}", dir.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("could not write {}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// The `.desktop` entry starting `exe` on a project (`%f`).
pub fn desktop_entry(exe: &Path) -> String {
    format!(
        "[Desktop Entry]\nType=Application\nName=Hashiya\nName[ar]=حاشية\n\
         GenericName=Arabic news annotation\nGenericName[ar]=توسيم الأخبار العربية\n\
         Comment=Annotate Arabic news with claims, denials and figures\n\
         Exec={} %f\nIcon=hashiya\nTerminal=false\nCategories=Office;Education;\n\
         MimeType={MIME_TYPE};\nStartupWMClass=hashiya\n",
        exec_quote(exe)
    )
}

/// The MIME type of Hashiya projects.
fn mime_package() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <mime-info xmlns=\"http://www.freedesktop.org/standards/shared-mime-info\">\n  \
         <mime-type type=\"{MIME_TYPE}\">\n    <comment>Hashiya project</comment>\n    \
         <glob pattern=\"*.ron\"/>\n  </mime-type>\n</mime-info>\n"
    )
}

/// A path as the `Exec` key wants it: quoted when it has a space or a reserved character.
fn exec_quote(path: &Path) -> String {
    let text = path.display().to_string();
    if text.chars().all(|c| c.is_alphanumeric() || "/._-+".contains(c)) {
        return text;
    }
    let escaped: String = text
        .chars()
        .flat_map(|c| match c {
            '"' | '`' | '$' | '\\' => vec!['\\', c],
            '%' => vec!['%', '%'],
            c => vec![c],
        })
        .collect();
    format!("\"{escaped}\"")
}

/// Refreshes the menu and MIME caches when the desktop's tools are installed; without
/// them the desktop reads the files on its next start.
fn refresh_caches(data_home: &Path) {
    for (tool, dir) in [("update-mime-database", "mime"), ("update-desktop-database", "applications")] {
        let _ = std::process::Command::new(tool)
            .arg(data_home.join(dir))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entry_starts_the_binary_on_a_project() {
        let entry = desktop_entry(Path::new("/opt/hashiya/bin/hashiya"));
        assert!(entry.contains("Exec=/opt/hashiya/bin/hashiya %f\n"));
        assert!(entry.contains("Icon=hashiya\n") && entry.contains("Name[ar]=حاشية\n"));
        assert!(entry.contains(&format!("MimeType={MIME_TYPE};")));
        let spaced = desktop_entry(Path::new("/home/a b/hashiya"));
        assert!(spaced.contains("Exec=\"/home/a b/hashiya\" %f\n"), "{spaced}");
    }

    #[test]
    fn install_writes_the_entry_the_icon_and_the_mime_type() {
        let dir = tempfile::tempdir().unwrap();
        let written = install(dir.path(), Path::new("/usr/bin/hashiya")).unwrap();
        assert_eq!(written.len(), 3);
        let entry = std::fs::read_to_string(dir.path().join("applications/hashiya.desktop")).unwrap();
        assert!(entry.starts_with("[Desktop Entry]\n"));
        let icon =
            std::fs::read_to_string(dir.path().join("icons/hicolor/scalable/apps/hashiya.svg")).unwrap();
        assert!(icon.starts_with("<svg"));
        let mime = std::fs::read_to_string(dir.path().join("mime/packages/hashiya.xml")).unwrap();
        assert!(mime.contains("*.ron"));
        // Installing again replaces the files.
        assert_eq!(install(dir.path(), Path::new("/usr/bin/hashiya")).unwrap().len(), 3);
    }
}
