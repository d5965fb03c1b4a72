//! What the window says for the errors of the library code it shares with the command
//! line: project files ([`StoreError`]), files a text import passed over ([`SkipReason`]),
//! edits ([`CommandError`]), review decisions ([`AdjudicationError`]), background jobs
//! ([`JobError`]), learning ([`CorpusError`]) and the session's own refusals
//! ([`SessionError`]). The command line keeps their English `Display`; the window says
//! the same facts (path, line, column, counts) from the message catalogue, in logical
//! order (for toasts and wrapped labels). Details written by other programs (the system's
//! words for an unusual i/o error, a parser's message, the validation problems under a
//! headline) stay as they are.

#[cfg(test)]
mod tests;

use crate::i18n::plain;
use crate::learn::corpus::CorpusError;
use crate::model::{AttributeKind, CommandError};
use crate::review::AdjudicationError;
use crate::review::agreement::AgreementError;
use crate::session::SessionError;
use crate::store::{InputError, SkipReason, StoreError};
use crate::tr_logical;
use crate::ui::transfer::JobError;
use std::path::Path;

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// A project file's error, with the validation problems (technical, in English) one per
/// line under an inconsistent project's headline.
pub fn store_error(err: &StoreError) -> String {
    match err {
        StoreError::Io { action, path, error } => {
            tr_logical!("store-io", action = io_action(action), path = shown(path), error = io_error(error))
        }
        StoreError::Input { path, error } => {
            tr_logical!("store-input", path = shown(path), error = input_error(error))
        }
        StoreError::NotRegular { path } => tr_logical!("store-not-regular", path = shown(path)),
        StoreError::ReadOnly { path } => tr_logical!("store-read-only", path = shown(path)),
        StoreError::Parse { path, line, col, message } => tr_logical!(
            "store-parse",
            path = shown(path),
            line = *line,
            col = *col,
            message = message.as_str()
        ),
        StoreError::NewerVersion { path, found, supported } => {
            tr_logical!("store-newer-version", path = shown(path), found = *found, supported = *supported)
        }
        StoreError::UnknownVersion { path, found } => {
            tr_logical!("store-unknown-version", path = shown(path), found = *found)
        }
        StoreError::Invalid { path, problems } => {
            with_problems(tr_logical!("store-invalid", path = shown(path), count = problems.len()), err)
        }
        StoreError::Unsavable { path, problems } => {
            with_problems(tr_logical!("store-unsavable", path = shown(path), count = problems.len()), err)
        }
        StoreError::Locked { path, seconds } => {
            tr_logical!("store-locked", path = shown(path), seconds = *seconds)
        }
        StoreError::ChangedOnDisk { path } => tr_logical!("store-changed-on-disk", path = shown(path)),
        StoreError::AlreadyExists { path } => tr_logical!("store-already-exists", path = shown(path)),
    }
}

/// `headline` with the problems of `err` under it, one a line.
fn with_problems(headline: String, err: &StoreError) -> String {
    let mut text = headline;
    for problem in err.problems() {
        text.push_str("\n  - ");
        text.push_str(&problem.to_string());
    }
    text
}

/// The catalogue's key for what a file operation was doing (`store-io`'s `$action`).
fn io_action(action: &str) -> &'static str {
    match action {
        "cannot read" => "read",
        "cannot look at" | "cannot resolve the link" => "inspect",
        "cannot write" => "write",
        "cannot create" => "create",
        "cannot create a temporary file beside" => "temporary",
        "cannot create the lock file" | "cannot lock" => "lock",
        "cannot copy the backup" | "cannot write the backup" | "cannot flush the backup" => "backup",
        "cannot flush" | "cannot flush the folder" => "flush",
        "cannot remove" => "remove",
        "cannot replace" => "replace",
        "cannot set permissions on" => "permissions",
        _ => "other",
    }
}

/// The system's error: the usual kinds from the catalogue, others in the system's words.
pub fn io_error(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => plain("io-not-found"),
        ErrorKind::PermissionDenied => plain("io-permission-denied"),
        ErrorKind::AlreadyExists => plain("io-already-exists"),
        ErrorKind::IsADirectory => plain("io-is-a-folder"),
        ErrorKind::NotADirectory => plain("io-not-a-folder"),
        ErrorKind::StorageFull => plain("io-storage-full"),
        ErrorKind::ReadOnlyFilesystem => plain("io-read-only-filesystem"),
        ErrorKind::InvalidData => plain("io-invalid-data"),
        _ => error.to_string(),
    }
}

/// Why an input file is not read.
pub fn input_error(error: &InputError) -> String {
    match error {
        InputError::Io(error) => io_error(error),
        InputError::NotRegular(what) => {
            let what = match *what {
                "a device" => "device",
                "a named pipe" => "pipe",
                "a socket" => "socket",
                "a folder" => "folder",
                _ => "other",
            };
            tr_logical!("input-not-regular", what = what)
        }
        InputError::TooLarge { size, limit } => tr_logical!("input-too-large", size = *size, limit = *limit),
    }
}

/// Why a text import passed over a file.
pub fn skip_reason(reason: &SkipReason) -> String {
    match reason {
        SkipReason::Unreadable(error) => tr_logical!("skip-unreadable", error = error.as_str()),
        SkipReason::InvalidUtf8 { offset } => tr_logical!("skip-invalid-utf8", offset = *offset),
        SkipReason::Utf16 => plain("skip-utf16"),
        SkipReason::Binary { offset } => tr_logical!("skip-binary", offset = *offset),
        SkipReason::Empty => plain("skip-empty"),
        SkipReason::Duplicate(doc) => tr_logical!("skip-duplicate", doc = doc.as_str()),
        SkipReason::Unsupported(why) => tr_logical!("skip-unsupported", detail = why.as_str()),
    }
}

/// Why an edit was refused.
pub fn command_error(err: &CommandError) -> String {
    match err {
        CommandError::NoDocument(doc) => tr_logical!("command-no-document", doc = doc.as_str()),
        CommandError::NoSpan { layer, doc, id } => {
            tr_logical!("command-no-span", layer = layer.as_str(), doc = doc.as_str(), id = id.0)
        }
        CommandError::DuplicateSpan(id) => tr_logical!("command-duplicate-span", id = id.0),
        CommandError::BadRange { start, end, len } => {
            tr_logical!("command-bad-range", start = *start, end = *end, len = *len)
        }
        CommandError::NoLabel(label) => tr_logical!("command-no-label", label = label.as_str()),
        CommandError::DuplicateLabel(label) => {
            tr_logical!("command-duplicate-label", label = label.as_str())
        }
        CommandError::LabelInUse { label, count } => {
            tr_logical!("command-label-in-use", label = label.as_str(), count = *count)
        }
        CommandError::HotkeyClash { key, other } => {
            tr_logical!("command-hotkey-clash", key = key.to_string(), other = other.as_str())
        }
        CommandError::DuplicateDocument(doc) => {
            tr_logical!("command-duplicate-document", doc = doc.as_str())
        }
        CommandError::NoRelation { layer, doc, id } => {
            tr_logical!("command-no-relation", layer = layer.as_str(), doc = doc.as_str(), id = id.0)
        }
        CommandError::DuplicateRelation(id) => tr_logical!("command-duplicate-relation", id = id.0),
        CommandError::BadRelation(why) => tr_logical!("command-bad-relation", detail = *why),
        CommandError::NoRelationType(kind) => tr_logical!("command-no-relation-type", kind = kind.as_str()),
        CommandError::RelationTypeInUse { kind, count } => {
            tr_logical!("command-relation-type-in-use", kind = kind.as_str(), count = *count)
        }
        CommandError::DuplicateRelationType(kind) => {
            tr_logical!("command-duplicate-relation-type", kind = kind.as_str())
        }
        CommandError::BadAttribute(why) => tr_logical!("command-bad-attribute", detail = why.as_str()),
        CommandError::LinkNotAllowed { kind, head, tail } => tr_logical!(
            "command-link-not-allowed",
            kind = kind.as_str(),
            head = head.as_str(),
            tail = tail.as_str()
        ),
        CommandError::AttributesInUse { label, count } => {
            tr_logical!("command-attributes-in-use", label = label.as_str(), count = *count)
        }
        CommandError::LinksNotAllowed { kind, count } => {
            tr_logical!("command-links-not-allowed", kind = kind.as_str(), count = *count)
        }
    }
}

/// Why a review decision was refused.
pub fn adjudication_error(err: &AdjudicationError) -> String {
    match err {
        AdjudicationError::NoDocument(doc) => tr_logical!("decision-no-document", doc = doc.as_str()),
        AdjudicationError::NotUnderReview(name) => {
            tr_logical!("decision-not-under-review", name = name.as_str())
        }
        AdjudicationError::NotForLinks => plain("decision-not-for-links"),
        AdjudicationError::NoGoldSpan => plain("decision-no-gold-span"),
    }
}

/// Why a background job failed: a file's error from the catalogue, a reader's message
/// about a file's contents as it is.
pub fn job_error(err: &JobError) -> String {
    use crate::formats::FormatError;
    match err {
        JobError::Format(FormatError::Read { path, error }) => {
            tr_logical!("store-io", action = "read", path = shown(path), error = io_error(error))
        }
        JobError::Format(FormatError::Write { path, error }) => {
            tr_logical!("store-io", action = "write", path = shown(path), error = io_error(error))
        }
        JobError::Format(FormatError::Input { path, error }) => {
            tr_logical!("store-input", path = shown(path), error = input_error(error))
        }
        JobError::Format(FormatError::Target(err)) => store_error(err),
        JobError::Format(FormatError::UnknownImportFormat { path }) => {
            tr_logical!("format-unknown-import", path = shown(path))
        }
        JobError::Format(FormatError::NoGold) => plain("format-no-gold"),
        JobError::Format(FormatError::Project { path, message }) => {
            tr_logical!("format-project", path = shown(path), message = message.as_str())
        }
        JobError::Format(FormatError::UnknownAnnotator { name, known }) => {
            tr_logical!("learn-error-no-annotator", name = name.as_str(), known = known.as_str())
        }
        JobError::Format(FormatError::UnknownLabel { name, known }) => {
            tr_logical!("format-unknown-label", label = name.as_str(), known = known.as_str())
        }
        JobError::Cancelled | JobError::Format(FormatError::Cancelled) => plain("job-cancelled"),
        JobError::Crashed => plain("job-crashed"),
        JobError::Agreement(err) => agreement_error(err),
        other => other.to_string(),
    }
}

/// Why agreement could not be measured.
pub fn agreement_error(err: &AgreementError) -> String {
    match err {
        AgreementError::UnknownAnnotator(name) => {
            tr_logical!("agreement-unknown-annotator", name = name.as_str())
        }
        AgreementError::TooFewAnnotators(count) => tr_logical!("agreement-too-few", count = *count),
        AgreementError::DuplicateAnnotator(name) => {
            tr_logical!("agreement-listed-twice", name = name.as_str())
        }
        AgreementError::BadThreshold(value) => tr_logical!("agreement-bad-threshold", value = *value),
    }
}

/// Why suggestions could not start learning.
pub fn corpus_error(err: &CorpusError) -> String {
    match err {
        CorpusError::NoAnnotator(name, known) => {
            tr_logical!("learn-error-no-annotator", name = name.as_str(), known = known.as_str())
        }
        CorpusError::Ambiguous(names) => tr_logical!("learn-error-ambiguous", names = names.as_str()),
        CorpusError::NoSpans => plain("learn-error-no-spans"),
        CorpusError::UnknownLabel(label) => tr_logical!("learn-error-unknown-label", label = label.as_str()),
        CorpusError::TooManyLabels(count) => tr_logical!("learn-error-too-many-labels", count = *count),
    }
}

/// An attribute kind's name: `number`, `text`, `choice`, `yes/no`.
pub fn attribute_kind(kind: &AttributeKind) -> String {
    kind_name(kind.describe())
}

/// The name of the kind [`AttributeKind::describe`] calls `described`.
pub fn kind_name(described: &str) -> String {
    let key = match described {
        "number" => "number",
        "text" => "text",
        "choice" => "choice",
        _ => "flag",
    };
    tr_logical!("attribute-kind", kind = key)
}

/// What a session error says.
pub fn session_error(err: &SessionError) -> String {
    match err {
        SessionError::NoProject => plain("error-no-project"),
        SessionError::NoDocument => plain("error-no-document"),
        SessionError::NoAnnotator => plain("error-no-annotator"),
        SessionError::ReservedName(name) => tr_logical!("error-reserved-name", name = name.as_str()),
        SessionError::NothingSelected => plain("error-nothing-selected"),
        SessionError::NoSpanSelected => plain("error-no-span-selected"),
        SessionError::NoSuchSpan => plain("error-no-such-span"),
        SessionError::NotASuggestion => plain("error-not-a-suggestion"),
        SessionError::NotReviewing => plain("error-not-reviewing"),
        SessionError::NoDisagreement => plain("error-no-disagreement"),
        SessionError::NoSelectionForDecision => plain("error-no-selection-for-decision"),
        SessionError::NotLinking => plain("error-not-linking"),
        SessionError::NoLinkTarget => plain("error-no-link-target"),
        SessionError::LinkToItself => plain("error-link-to-itself"),
        SessionError::LinkExists => plain("error-link-exists"),
        SessionError::NoRelationType => plain("error-no-relation-type"),
        SessionError::LinkNotAllowed { kind, head, tail } => {
            tr_logical!(
                "error-link-not-allowed",
                kind = kind.as_str(),
                head = head.as_str(),
                tail = tail.as_str()
            )
        }
        SessionError::NoTypeFits { head, tail } => {
            tr_logical!("error-no-type-fits", head = head.as_str(), tail = tail.as_str())
        }
        SessionError::NoSuchAttribute(name) => tr_logical!("error-no-such-attribute", name = name.as_str()),
        SessionError::BadAttributeValue { name, kind } => {
            tr_logical!("error-bad-attribute-value", name = name.as_str(), kind = kind_name(kind))
        }
        SessionError::Command(e) => tr_logical!("error-command", detail = command_error(e)),
        SessionError::Decision(e) => tr_logical!("error-decision", detail = adjudication_error(e)),
        SessionError::Store(e) => store_error(e),
    }
}
