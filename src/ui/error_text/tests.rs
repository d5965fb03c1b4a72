use super::*;
use crate::i18n::{Lang, set_lang};
use crate::model::{DocId, LabelId, ValidationError};
use crate::model::{RelationId, SpanId};
use std::io;
use std::path::PathBuf;

const PATH: &str = "/data/مشاريع/news.ron";

fn path() -> PathBuf {
    PathBuf::from(PATH)
}

fn problem() -> ValidationError {
    ValidationError::TextHashMismatch { doc: DocId::new("d1"), stored: "aa".into(), actual: "bb".into() }
}

/// One of every [`StoreError`] variant (and of the kinds of io error the catalogue names).
fn store_errors() -> Vec<StoreError> {
    let p = path;
    vec![
        StoreError::io("cannot read", p(), io::Error::from(io::ErrorKind::NotFound)),
        StoreError::io("cannot write", p(), io::Error::from(io::ErrorKind::PermissionDenied)),
        StoreError::io("cannot replace", p(), io::Error::from(io::ErrorKind::StorageFull)),
        StoreError::Input { path: p(), error: InputError::NotRegular("a folder") },
        StoreError::Input { path: p(), error: InputError::TooLarge { size: 2 << 30, limit: 1 << 30 } },
        StoreError::NotRegular { path: p() },
        StoreError::ReadOnly { path: p() },
        StoreError::Parse { path: p(), line: 12, col: 7, message: "expected `)`".into() },
        StoreError::NewerVersion { path: p(), found: 9, supported: 4 },
        StoreError::UnknownVersion { path: p(), found: 0 },
        StoreError::Invalid { path: p(), problems: vec![problem(), problem(), problem()] },
        StoreError::Unsavable { path: p(), problems: vec![problem()] },
        StoreError::Locked { path: p(), seconds: 10 },
        StoreError::ChangedOnDisk { path: p() },
        StoreError::AlreadyExists { path: p() },
    ]
}

/// `text` is a message of the catalogue: not empty, no message id left in it.
fn assert_message(text: &str, what: &str) {
    assert!(!text.trim().is_empty(), "{what}: empty");
    for prefix in [
        "store-",
        "io-",
        "input-",
        "skip-",
        "command-",
        "decision-",
        "agreement-",
        "attribute-kind",
        "learn-error",
    ] {
        assert!(!text.contains(prefix), "{what}: {text}");
    }
}

fn has_arabic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c))
}

/// What `f` says in English and in Arabic, without the isolates around its arguments.
fn both<T>(value: &T, f: impl Fn(&T) -> String) -> (String, String) {
    let bare = |text: String| text.replace(['\u{2068}', '\u{2069}'], "");
    set_lang(Lang::En);
    let en = bare(f(value));
    set_lang(Lang::Ar);
    let ar = bare(f(value));
    set_lang(Lang::En);
    (en, ar)
}

#[test]
fn every_store_error_is_said_in_both_languages_and_names_the_file() {
    for err in store_errors() {
        let display = err.to_string();
        let (en, ar) = both(&err, store_error);
        assert_message(&en, &display);
        assert_message(&ar, &display);
        assert!(en.contains(PATH) && ar.contains(PATH), "{en}\n{ar}");
        assert_ne!(ar, display);
        assert!(has_arabic(ar.lines().next().unwrap()), "the headline is not Arabic: {ar}");
        assert!(!has_arabic(&en.replace("مشاريع", "")), "{en}");
    }
}

#[test]
fn store_errors_keep_their_figures_and_problems() {
    let parse = StoreError::Parse { path: path(), line: 12, col: 7, message: "expected `)`".into() };
    let (en, ar) = both(&parse, store_error);
    for text in [&en, &ar] {
        assert!(text.contains("12") && text.contains('7') && text.contains("expected `)`"), "{text}");
    }
    let newer = StoreError::NewerVersion { path: path(), found: 9, supported: 4 };
    let (_, ar) = both(&newer, store_error);
    assert!(ar.contains('9') && ar.contains('4'), "{ar}");
    // The problems stay in their technical form, one a line under the headline.
    let invalid = StoreError::Invalid { path: path(), problems: vec![problem(), problem(), problem()] };
    let (en, ar) = both(&invalid, store_error);
    assert_eq!(ar.lines().count(), 4, "{ar}");
    assert!(ar.lines().nth(1).unwrap().contains(&problem().to_string()), "{ar}");
    assert!(en.contains("3 problems"), "{en}");
    // The count takes its plural form: one problem and three read differently.
    let one = StoreError::Invalid { path: path(), problems: vec![problem()] };
    let (en_one, ar_one) = both(&one, store_error);
    assert!(en_one.contains("1 problem)"), "{en_one}");
    assert_ne!(ar_one.lines().next(), ar.lines().next());
}

#[test]
fn every_action_of_the_store_has_its_words() {
    let mut actions = Vec::new();
    for (_, text) in crate::i18n::tests::rust_sources(&["store"]) {
        for marker in ["StoreError::io(\"", "action: \""] {
            for (at, _) in text.match_indices(marker) {
                let rest = &text[at + marker.len()..];
                actions.push(rest[..rest.find('"').unwrap()].to_string());
            }
        }
    }
    assert!(actions.len() > 10, "{actions:?}");
    for action in &actions {
        assert_ne!(io_action(action), "other", "{action:?} has no words in the catalogue");
    }
}

#[test]
fn every_skip_reason_is_said_in_both_languages() {
    let reasons = [
        SkipReason::Unreadable("Permission denied (os error 13)".into()),
        SkipReason::InvalidUtf8 { offset: 41 },
        SkipReason::Utf16,
        SkipReason::Binary { offset: 41 },
        SkipReason::Empty,
        SkipReason::Duplicate(DocId::new("doc-7")),
        SkipReason::Unsupported("a .docx file".into()),
    ];
    for reason in reasons {
        let (en, ar) = both(&reason, skip_reason);
        assert_message(&en, &reason.to_string());
        assert_message(&ar, &reason.to_string());
        assert_ne!(ar, reason.to_string());
        assert!(has_arabic(&ar), "{ar}");
        for fact in ["41", "doc-7", "a .docx file", "os error 13"] {
            if reason.to_string().contains(fact) {
                assert!(en.contains(fact) && ar.contains(fact), "{fact}: {en} / {ar}");
            }
        }
    }
}

#[test]
fn every_command_error_is_said_in_both_languages() {
    let label = || LabelId::new("claim");
    let doc = || DocId::new("doc-7");
    let errors = [
        CommandError::NoDocument(doc()),
        CommandError::NoSpan { layer: "amal".into(), doc: doc(), id: SpanId(31) },
        CommandError::DuplicateSpan(SpanId(31)),
        CommandError::BadRange { start: 31, end: 90, len: 80 },
        CommandError::NoLabel(label()),
        CommandError::DuplicateLabel(label()),
        CommandError::LabelInUse { label: label(), count: 3 },
        CommandError::HotkeyClash { key: 'c', other: label() },
        CommandError::DuplicateDocument(doc()),
        CommandError::NoRelation { layer: "amal".into(), doc: doc(), id: RelationId(31) },
        CommandError::DuplicateRelation(RelationId(31)),
        CommandError::BadRelation("head and tail are the same span"),
        CommandError::NoRelationType(label()),
        CommandError::RelationTypeInUse { kind: label(), count: 3 },
        CommandError::DuplicateRelationType(label()),
        CommandError::LinkNotAllowed { kind: label(), head: LabelId::new("figure"), tail: label() },
        CommandError::AttributesInUse { label: label(), count: 3 },
        CommandError::LinksNotAllowed { kind: label(), count: 3 },
    ];
    for err in errors {
        let (en, ar) = both(&err, command_error);
        assert_message(&en, &err.to_string());
        assert_message(&ar, &err.to_string());
        assert!(has_arabic(&ar), "{ar}");
        for fact in ["claim", "doc-7", "31", "head and tail"] {
            if err.to_string().contains(fact) {
                assert!(en.contains(fact) && ar.contains(fact), "{fact}: {en} / {ar}");
            }
        }
    }
    // A free-form attribute problem is kept as it is.
    let (en, _) = both(&CommandError::BadAttribute("unit: too long".into()), command_error);
    assert_eq!(en, "unit: too long");
}

#[test]
fn decisions_agreement_and_jobs_are_said_in_both_languages() {
    for err in [
        AdjudicationError::NoDocument(DocId::new("doc-7")),
        AdjudicationError::NotUnderReview("amal".into()),
        AdjudicationError::NotForLinks,
        AdjudicationError::NoGoldSpan,
    ] {
        let (en, ar) = both(&err, adjudication_error);
        assert_message(&en, &err.to_string());
        assert!(has_arabic(&ar) && ar != err.to_string(), "{ar}");
    }
    for err in [
        AgreementError::UnknownAnnotator("amal".into()),
        AgreementError::TooFewAnnotators(1),
        AgreementError::DuplicateAnnotator("amal".into()),
        AgreementError::BadThreshold(1.5),
    ] {
        let (en, ar) = both(&err, agreement_error);
        assert_message(&en, &err.to_string());
        assert!(has_arabic(&ar) && ar != err.to_string(), "{ar}");
    }
    let target = JobError::Format(crate::formats::FormatError::Target(StoreError::ReadOnly { path: path() }));
    let read = JobError::Format(crate::formats::FormatError::Read {
        path: path(),
        error: io::Error::from(io::ErrorKind::NotFound),
    });
    let project = JobError::Format(crate::formats::FormatError::Project {
        path: path(),
        message: "line 3: expected `(`".into(),
    });
    let label = JobError::Format(crate::formats::FormatError::UnknownLabel {
        name: "casualty".into(),
        known: "claim, figure".into(),
    });
    for err in [target, read, project, label, JobError::Cancelled, JobError::Crashed] {
        let (en, ar) = both(&err, job_error);
        assert_message(&en, &err.to_string());
        assert!(has_arabic(&ar), "{ar}");
        if err.to_string().contains(PATH) {
            assert!(ar.contains(PATH), "{ar}");
        }
    }
}

#[test]
fn session_errors_go_through_the_catalogue_down_to_their_cause() {
    let store = SessionError::Store(StoreError::ChangedOnDisk { path: path() });
    let (en, ar) = both(&store, session_error);
    assert!(en.contains(PATH) && ar.contains(PATH) && has_arabic(&ar), "{ar}");
    let command = SessionError::Command(CommandError::NoLabel(LabelId::new("claim")));
    let (en, ar) = both(&command, session_error);
    assert!(en.starts_with("Could not apply the change: there is no label"), "{en}");
    // The cause is Arabic too, not only the words around it.
    let cause = ar.split_once(':').unwrap().1;
    assert!(has_arabic(cause) && cause.contains("claim"), "{ar}");
    let decision = SessionError::Decision(AdjudicationError::NoGoldSpan);
    let (_, ar) = both(&decision, session_error);
    assert!(has_arabic(ar.split_once(':').unwrap().1), "{ar}");
    let value = SessionError::BadAttributeValue { name: "deaths".into(), kind: "number" };
    let (en, ar) = both(&value, session_error);
    assert_eq!(en, value.to_string());
    assert!(ar.contains("عدد"), "{ar}");
}

#[test]
fn attribute_kinds_have_their_names() {
    let kinds = [
        AttributeKind::Number,
        AttributeKind::Text,
        AttributeKind::Choice { options: vec!["killed".into()] },
        AttributeKind::Flag,
    ];
    let mut arabic = std::collections::BTreeSet::new();
    for kind in &kinds {
        let (en, ar) = both(kind, attribute_kind);
        assert_eq!(en, kind.describe());
        assert!(has_arabic(&ar), "{ar}");
        arabic.insert(ar);
    }
    assert_eq!(arabic.len(), kinds.len(), "{arabic:?}");
}

#[test]
fn io_errors_of_the_usual_kinds_are_translated() {
    for kind in [
        io::ErrorKind::NotFound,
        io::ErrorKind::PermissionDenied,
        io::ErrorKind::AlreadyExists,
        io::ErrorKind::IsADirectory,
        io::ErrorKind::NotADirectory,
        io::ErrorKind::StorageFull,
        io::ErrorKind::ReadOnlyFilesystem,
        io::ErrorKind::InvalidData,
    ] {
        let (en, ar) = both(&io::Error::from(kind), io_error);
        assert_message(&en, &format!("{kind:?}"));
        assert!(has_arabic(&ar), "{kind:?}: {ar}");
    }
    // Others keep the system's words.
    let other = io::Error::other("disk on fire");
    assert_eq!(both(&other, io_error).1, "disk on fire");
}

#[test]
fn learning_errors_are_said_in_both_languages() {
    use crate::learn::corpus::CorpusError;
    for err in [
        CorpusError::NoAnnotator("amal".into(), "lina, omar".into()),
        CorpusError::Ambiguous("lina, omar".into()),
        CorpusError::NoSpans,
        CorpusError::UnknownLabel("claim".into()),
        CorpusError::TooManyLabels(80),
    ] {
        let (en, ar) = both(&err, corpus_error);
        assert_message(&en, &err.to_string());
        assert!(has_arabic(&ar) && ar != err.to_string(), "{ar}");
        for fact in ["amal", "lina, omar", "claim", "80"] {
            if err.to_string().contains(fact) {
                assert!(en.contains(fact) && ar.contains(fact), "{fact}: {en} / {ar}");
            }
        }
    }
}
