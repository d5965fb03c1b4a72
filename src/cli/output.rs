//! Writing to stdout and stderr for the commands: a closed pipe ends output quietly.
//!
//! `outln!` and `errln!` panic when the other end of a pipe is gone
//! (`hashiya validate X 2>&1 | head -1`), which ends the process with status 101. Every
//! command prints through [`write_out`] and [`write_err`] instead (the `outln!` and
//! `errln!` macros): a failed write is dropped, and the command finishes with its usual
//! exit status. Control characters other than line breaks and tabs (escape sequences
//! from a name in a hand-edited file, say) are shown escaped, never sent to the terminal.

use std::borrow::Cow;
use std::io::Write;

/// Writes to stdout, ignoring a closed pipe or any other write error.
pub fn write_out(args: std::fmt::Arguments<'_>) {
    let text = args.to_string();
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(escape_controls(&text).as_bytes());
    let _ = out.flush();
}

/// Writes to stderr, ignoring a closed pipe or any other write error.
pub fn write_err(args: std::fmt::Arguments<'_>) {
    let text = args.to_string();
    let _ = std::io::stderr().lock().write_all(escape_controls(&text).as_bytes());
}

/// The error a command ended with, as one line on stderr.
pub fn print_error(error: &anyhow::Error) {
    write_err(format_args!("hashiya: {error:#}\n"));
}

/// `text` with control characters other than `\n` and `\t` written as `\u{..}` escapes.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    escape_where(text, |c| c.is_control() && c != '\n' && c != '\t')
}

/// A name or title for a one-line message: every control character (line breaks and tabs
/// included) written as a `\u{..}` escape.
pub fn escape_name(text: &str) -> Cow<'_, str> {
    escape_where(text, char::is_control)
}

fn escape_where(text: &str, escape: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escape(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(escape_controls("a\x1b[31mb\nc\td"), "a\\u{1b}[31mb\nc\td");
        assert_eq!(escape_name("a\nb\0"), "a\\u{a}b\\u{0}");
        assert!(matches!(escape_name("أمل"), Cow::Borrowed(_)));
    }
}
