//! The window's message catalogue: every text the window shows, in English and Arabic,
//! from Fluent files (`en.ftl`, `ar.ftl`, embedded) with CLDR plural rules (Arabic has six
//! forms: zero, one, two, few, many, other). The command line stays English and does not
//! use it.
//!
//! The language is chosen per thread (the window's), so window tests in parallel threads
//! each keep their own; [`set_lang`] switches it at once. Messages come back ready for egui's
//! labels ([`crate::text::for_display`]: visual order, each Arabic word left for the
//! shaper). Numbers are written in Western digits unless Arabic-Indic ones were asked for.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};
use std::cell::Cell;
use std::sync::OnceLock;

pub use fluent_bundle::FluentArgs;

#[cfg(test)]
pub(crate) mod tests;

/// The English catalogue.
pub const ENGLISH: &str = include_str!("en.ftl");
/// The Arabic catalogue.
pub const ARABIC: &str = include_str!("ar.ftl");

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    En,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ar];

    /// `en` or `ar`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    /// The language's own name, as the Language menu lists it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ar => "العربية",
        }
    }

    /// Whether the interface mirrors (menus from the right, lists swapped).
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    /// `ar`, `ar_EG.UTF-8`, `EN`…: the language a code names.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| code == l.code() || code.starts_with(&format!("{}_", l.code())))
    }

    /// The language to start in: `HASHIYA_LANG` (`from_env`) over the one remembered, else
    /// English.
    pub fn at_start(from_env: Option<Lang>, remembered: Option<Lang>) -> Lang {
        from_env.or(remembered).unwrap_or_default()
    }

    /// The language `HASHIYA_LANG` asks for, if it names one.
    pub fn from_env() -> Option<Lang> {
        std::env::var("HASHIYA_LANG").ok().and_then(|v| Lang::from_code(&v))
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
    static INDIC_DIGITS: Cell<bool> = const { Cell::new(false) };
}

/// Switches this thread's interface language.
pub fn set_lang(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// This thread's interface language.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// Writes numbers in Arabic-Indic digits (٠١٢) in the Arabic interface.
pub fn set_indic_digits(on: bool) {
    INDIC_DIGITS.with(|c| c.set(on));
}

pub fn indic_digits() -> bool {
    INDIC_DIGITS.with(Cell::get)
}

struct Bundles {
    en: FluentBundle<FluentResource>,
    ar: FluentBundle<FluentResource>,
}

fn bundles() -> &'static Bundles {
    static BUNDLES: OnceLock<Bundles> = OnceLock::new();
    BUNDLES.get_or_init(|| Bundles { en: bundle(Lang::En, ENGLISH), ar: bundle(Lang::Ar, ARABIC) })
}

/// A bundle of one embedded catalogue (a catalogue that does not parse is caught by the
/// tests; what parses of it is used).
fn bundle(lang: Lang, source: &str) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
    let id = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Arguments are isolated (FSI … PDI), so a path or a Latin name keeps its own order
    // inside an Arabic sentence; the marks go when the text is put in visual order.
    bundle.set_use_isolating(true);
    bundle.set_formatter(Some(format_number));
    let _ = bundle.add_resource(resource);
    bundle
}

/// Numbers in the digits asked for.
fn format_number(value: &FluentValue<'_>, _: &intl_memoizer::concurrent::IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(n) = value else { return None };
    let text = n.as_string().into_owned();
    (indic_digits() && lang() == Lang::Ar).then(|| to_indic(&text))
}

/// `text` with Western digits turned into Arabic-Indic ones.
pub fn to_indic(text: &str) -> String {
    text.chars().map(|c| c.to_digit(10).and_then(|d| char::from_u32(0x0660 + d)).unwrap_or(c)).collect()
}

/// The message `id` in `lang` with `args`, in logical order; `None` when the catalogue
/// has no such message.
pub fn message(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let bundles = bundles();
    let bundle = match lang {
        Lang::En => &bundles.en,
        Lang::Ar => &bundles.ar,
    };
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, args, &mut errors).into_owned())
}

/// The message `id` in this thread's language, ready for egui (the id itself when the
/// catalogue lacks it, which a test forbids).
pub fn tr(id: &str) -> String {
    tr_args(id, None)
}

/// [`tr`] with arguments.
pub fn tr_args(id: &str, args: Option<&FluentArgs<'_>>) -> String {
    let text =
        message(lang(), id, args).or_else(|| message(Lang::En, id, args)).unwrap_or_else(|| id.to_string());
    crate::text::for_display(&text).replace(['\u{2068}', '\u{2069}'], "")
}

/// The message `id` in logical order, for text the engine lays out itself (a field's
/// placeholder); no arguments.
pub fn plain(id: &str) -> String {
    message(lang(), id, None).or_else(|| message(Lang::En, id, None)).unwrap_or_else(|| id.to_string())
}

/// The message `id` with `args` in logical order: for texts drawn by
/// [`crate::ui::wrapped_label`], and to be put inside another message as an argument (a
/// count with its plural, "7 spans"; the outer message puts the whole in visual order).
pub fn plain_args(id: &str, args: &FluentArgs<'_>) -> String {
    let text = message(lang(), id, Some(args))
        .or_else(|| message(Lang::En, id, Some(args)))
        .unwrap_or_else(|| id.to_string());
    without_needless_isolates(text)
}

/// `text` without its isolates (FSI … PDI) when nothing in it reads right to left: they
/// only keep an argument's order inside a right-to-left sentence.
fn without_needless_isolates(text: String) -> String {
    if text.chars().any(crate::text::is_rtl) { text } else { text.replace(['\u{2068}', '\u{2069}'], "") }
}

/// [`plain_args`] with one argument, `count`: a count with its plural form.
pub fn plain_count(id: &str, count: usize) -> String {
    let mut args = FluentArgs::new();
    args.set("count", count);
    plain_args(id, &args)
}

/// `tr_logical!("id", count = 3)`: [`plain_args`] with arguments, for texts drawn by
/// [`crate::ui::wrapped_label`] (messages that may wrap, toasts).
#[macro_export]
macro_rules! tr_logical {
    ($id:expr) => {
        $crate::i18n::plain($id)
    };
    ($id:expr, $($key:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($key), $value); )+
        $crate::i18n::plain_args($id, &args)
    }};
}

/// `tr!("id")`, or `tr!("id", count = 3, name = "x")` with arguments.
#[macro_export]
macro_rules! tr {
    ($id:expr) => {
        $crate::i18n::tr($id)
    };
    ($id:expr, $($key:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($key), $value); )+
        $crate::i18n::tr_args($id, Some(&args))
    }};
}
