//! The sample project in `projects/sample.ron`: the five seed articles with the work of two
//! annotators, `amal` and `omar`.
//!
//! The annotations are written here as a table of exact quotes ([`SPEC`]); the project is
//! built from the seed texts and that table, and `sample_project_matches_spec` checks that the
//! file on disk is exactly that project. After changing the table (or the seeds), rewrite the
//! file with
//!
//! ```text
//! UPDATE_SAMPLE=true cargo test --test store sample_project_matches_spec
//! ```
//!
//! The seed texts are read from `../shared/seeds` when that folder sits beside the repository,
//! and otherwise from the texts embedded in `projects/sample.ron`, so the tests also run on a
//! machine that only has the repository.

use hashiya::model::{
    ByteOffset, CharRange, DocId, Document, LabelId, Layer, Origin, Project, Relation, RelationId, Span,
    SpanId, Status, Timestamp, byte_to_char, default_labels, slice_chars,
};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The sample project file, relative to the crate root.
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/projects/sample.ron");
/// The seed articles, beside the repository (absent on a machine with only the repository).
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
const PROJECT_NAME: &str = "Syria sample";

/// One annotation: document index (in file-name order), annotator, label, the exact text of the
/// span, which occurrence of that text in the document it is (1 = the first), and a note.
type SpecRow = (usize, &'static str, &'static str, &'static str, usize, Option<&'static str>);

/// Every span of the sample project, per document in reading order.
///
/// The two annotators disagree on purpose, as colleagues do: the same range with another label
/// (000 "روسيا لن تسمح", 001 "فليس لدينا مشكلة", 003 "ليس محاربة"), other boundaries on the
/// same claim or figure, and spans only one of them made.
#[rustfmt::skip]
const SPEC: &[SpecRow] = &[
    // 000: the US-led coalition will not strike IS in areas held by the Syrian army.
    (0, "amal", "denial", "لن نستهدف \"داعش\" في أماكن سيطرة الجيش السوري", 1, None),
    (0, "omar", "denial", "لن نستهدف \"داعش\" في أماكن سيطرة الجيش السوري", 1, None),
    (0, "omar", "denial", "لن ينفّذ عمليّات ضد \"داعش\" في المناطق الخاضعة للجيش السوري وحلفائه", 1, None),
    (0, "amal", "denial", "لن ينفّذ عمليّات عسكرية ضد \"داعش\" في المناطق الخاضعة لسيطرة الجيش السوري وحلفائه في محور المقاومة", 1, None),
    (0, "omar", "denial", "لن ينفّذ عمليّات عسكرية ضد \"داعش\" في المناطق الخاضعة لسيطرة الجيش السوري وحلفائه", 1, None),
    (0, "amal", "claim", "تجنّب الصدام مع القوات الروسية في المنطقة", 1, None),
    (0, "amal", "claim", "التحالف سيعوّل على الحكومة السورية في تعقّب متشدّدي \"داعش\" في مناطق يسيطر عليها الجيش السوري وحلفائه", 1, None),
    (0, "omar", "claim", "التحالف سيعوّل على الحكومة السورية في تعقّب متشدّدي \"داعش\"", 1, None),
    (0, "amal", "claim", "الجيش الأميركي سيقاتل داعش في سوريا \"ما دامت تريد القتال\"", 1, None),
    (0, "omar", "claim", "الجيش الأميركي سيقاتل داعش في سوريا \"ما دامت تريد القتال\"", 1, None),
    (0, "amal", "claim", "الولايات المتحدة بتدريب إرهابيين معظمهم من \"داعش\" في قاعدة التنف في سوريا", 1, None),
    (0, "omar", "claim", "الولايات المتحدة بتدريب إرهابيين معظمهم من \"داعش\" في قاعدة التنف في سوريا", 1, None),
    (0, "omar", "claim", "المتدرّبين الإرهابيين في التنف ينشطون بمسمّيات جديدة بينها \"جيش سوريا الجديد\"", 1, None),
    (0, "amal", "claim", "الأميركيين يدرّبون أيضاً مسلّحين في منطقو الشدادي التابعة لمحافظة الحسكة", 1, None),
    (0, "amal", "denial", "روسيا لن تسمح بخروج مسلحي التنظيم الأجانب من القتال أحياءَ", 1, None),
    (0, "omar", "claim", "روسيا لن تسمح بخروج مسلحي التنظيم الأجانب من القتال أحياءَ", 1,
        Some("A threat about what Russia will do, not a denial of anything said: claim.")),
    (0, "amal", "claim", "الفرق الطبية أخرجت أمس 12 مريضاً معظمهم أطفال مع أفراد من عائلاتهم", 1, None),
    (0, "omar", "claim", "الفرق الطبية أخرجت أمس 12 مريضاً معظمهم أطفال مع أفراد من عائلاتهم", 1, None),
    (0, "amal", "figure", "12 مريضاً", 1, None),
    (0, "omar", "figure", "12 مريضاً", 1, None),
    (0, "amal", "figure", "بثلاثة آلاف مقاتل", 1, None),
    (0, "omar", "figure", "بثلاثة آلاف مقاتل", 1, None),
    (0, "amal", "figure", "ألف مصاب", 1, None),
    (0, "omar", "figure", "ألف مصاب", 1, None),
    (0, "omar", "claim", "#الجيش_السوري يقضي على مجموعة مسلحة حاولت التسلل إلى إحدى نقاط الجيش", 1, None),
    (0, "amal", "claim", "أُلحقت خسائر كبيرة بتنظيم \"جبهة النصرة\" والفصائل المتحالفة معها", 1, None),

    // 001: news ticker (Covid figures), then the coalition welcomes government operations.
    (1, "omar", "figure", "حالتي وفاة جديدتين", 1, None),
    (1, "amal", "figure", "12 وفاة", 1, None),
    (1, "omar", "figure", "12 وفاة", 1, None),
    (1, "amal", "figure", "65 إصابة", 1, None),
    (1, "omar", "figure", "65 إصابة جديدة", 1, None),
    (1, "amal", "figure", "1125", 1,
        Some("Cumulative total; what it counts (الحالات) comes just before the number.")),
    (1, "omar", "figure", "1125", 1, None),
    (1, "amal", "figure", "12 إصابة", 1, None),
    (1, "omar", "figure", "12 إصابة جديدة", 1, None),
    (1, "amal", "figure", "66 إصابة", 1, None),
    (1, "omar", "figure", "66 إصابة", 1, None),
    (1, "amal", "figure", "سبعة مدنيين", 1, None),
    (1, "omar", "figure", "سبعة مدنيين", 1, None),
    (1, "amal", "claim", "رحب التحالف الدولي الذي يقود حملة ضد تنظيم \"الدولة الإسلامية\"، اليوم الجمعة، بالعمليات العسكرية التي تشنها\u{a0}قوات النظام والميليشيات الإيرانية ضد التنظيم شرقي سوريا", 1, None),
    (1, "omar", "claim", "بالعمليات العسكرية التي تشنها\u{a0}قوات النظام والميليشيات الإيرانية ضد التنظيم شرقي سوريا", 1, None),
    (1, "amal", "claim", "هدف الولايات المتحدة هو هزيمة تنظيم الدولة أينما وجد", 1, None),
    (1, "omar", "claim", "هدف الولايات المتحدة هو هزيمة تنظيم الدولة أينما وجد", 1, None),
    (1, "amal", "claim", "وإذا كان الآخرون بما فيهم النظام السوري وروسيا وإيران ينوون محاربة التنظيم فليس لدينا مشكلة", 1,
        Some("Conditional acceptance: ليس negates \"a problem\", not a claim, so not a denial.")),
    (1, "omar", "denial", "وإذا كان الآخرون بما فيهم النظام السوري وروسيا وإيران ينوون محاربة التنظيم فليس لدينا مشكلة", 1, None),
    (1, "amal", "denial", "لا يسعى في معركته إلى السيطرة على الأراضي", 1, None),
    (1, "omar", "denial", "لا يسعى في معركته إلى السيطرة على الأراضي، بل فقط محاربة تنظيم الدولة", 1, None),
    (1, "amal", "figure", "120كم", 1, None),
    (1, "omar", "figure", "120كم", 1, None),
    (1, "amal", "claim", "ينوي التوجه للسيطرة على مدينة البوكمال خلال أسابيع", 1, None),
    (1, "amal", "figure", "55كم", 1, None),
    (1, "amal", "figure", "260 كم", 1, None),

    // 002: IS falls back to the edge of Albukamal; casualty counts; Russian and US statements.
    (2, "amal", "claim", "التنظيم تمكن أول من أمس، من دخول المدينة الواقعة في ريف دير الزور الشرقي والسيطرة على أجزاء منها", 1, None),
    (2, "omar", "claim", "التنظيم تمكن أول من أمس، من دخول المدينة الواقعة في ريف دير الزور الشرقي", 1, None),
    (2, "amal", "claim", "تراجع مقاتلو التنظيم من داخل المدينة إلى الأجزاء الغربية والشمالية الغربية منها", 1, None),
    (2, "omar", "claim", "تراجع مقاتلو التنظيم من داخل المدينة إلى الأجزاء الغربية والشمالية الغربية منها", 1, None),
    (2, "omar", "claim", "هذا التراجع جاء “إثر اشتباكات عنيفة خاضتها قوات النظام خلال تصديها للهجوم وبعد استقدامها تعزيزات عسكرية إلى المدينة خلال الساعات الأخيرة”", 1, None),
    (2, "amal", "figure", "30 عنصراً", 1, None),
    (2, "omar", "figure", "30 عنصراً على الأقل", 1, None),
    (2, "amal", "figure", "16 من النظام", 1, None),
    (2, "omar", "figure", "16 من النظام", 1, None),
    (2, "amal", "figure", "و14 آخرين", 1, None),
    (2, "omar", "figure", "و14 آخرين", 1, None),
    (2, "amal", "figure", "21 “داعشياً”", 1, None),
    (2, "omar", "figure", "21 “داعشياً”", 1, None),
    (2, "amal", "figure", "عشرة انتحاريين", 1, None),
    (2, "omar", "figure", "عشرة انتحاريين", 1, None),
    (2, "amal", "claim", "القيادة العسكرية السورية تحاول التوصل إلى اتفاق مع المجموعات المسلحة الإرهابية لخروجها من بعض مناطق محافظة درعا", 1, None),
    (2, "omar", "claim", "القيادة العسكرية السورية تحاول التوصل إلى اتفاق مع المجموعات المسلحة الإرهابية لخروجها من بعض مناطق محافظة درعا", 1, None),
    (2, "omar", "claim", "النظام يستعد لعملية عسكرية محتملة تهدف إلى طرد الإرهابيين من درعا", 1, None),
    (2, "omar", "figure", "تي 90", 1, Some("طراز دبابة وليس عدداً؛ للمراجعة")),
    (2, "amal", "figure", "42 قتيلًا مدنياً", 1, None),
    (2, "omar", "figure", "42 قتيلًا مدنياً", 1, None),
    (2, "amal", "figure", "و80 جريحاً", 1, None),
    (2, "omar", "figure", "و80 جريحاً", 1, None),
    (2, "omar", "claim", "بؤر مواجهة إرهابيي “داعش” في سورية، تتواجد في المناطق الخاضعة لسيطرة الولايات المتحدة فقط", 1, None),
    (2, "omar", "claim", "الانسحاب من سورية حال انتهاء المعارك ضد “داعش” سيكون “خطأً ستراتيجياً”", 1, None),

    // 003: the coalition strikes forces allied to the Syrian army near Deir ez-Zor.
    (3, "amal", "claim", "التحالف الدولي قصف قوات شعبية كانت تقاتل \"داعش\"و\"قسد\" شرق نهر الفرات", 1, None),
    (3, "omar", "claim", "التحالف الدولي قصف قوات شعبية كانت تقاتل \"داعش\"و\"قسد\" شرق نهر الفرات", 1, None),
    (3, "amal", "claim", "هذا القصف هو \"عدوان جديد وفِي محاولة لدعم الاٍرهاب\"", 1, None),
    (3, "omar", "claim", "عدوان جديد وفِي محاولة لدعم الاٍرهاب", 1, None),
    (3, "amal", "denial", "لا وجود لعسكريين روس في المنطقة التي أغارت عليها طائرات التحالف الأميركي شرق الفرات", 1, None),
    (3, "omar", "denial", "لا وجود لعسكريين روس في المنطقة", 1, None),
    (3, "amal", "figure", "25 من القوات الموالية للجيش السوري", 1, None),
    (3, "omar", "figure", "إصابة 25 من القوات الموالية للجيش السوري", 1, None),
    (3, "amal", "denial", "هدف أميركا في سوريا ليس محاربة تنظيم داعش وإنما الاستيلاء على موارد اقتصادية سورية", 1, None),
    (3, "omar", "claim", "هدف أميركا في سوريا ليس محاربة تنظيم داعش وإنما الاستيلاء على موارد اقتصادية سورية", 1,
        Some("The point is the accusation (الاستيلاء على موارد); the negation is rhetorical.")),
    (3, "amal", "claim", "عدم تنسيق القوات الموالية للجيش السوري تحركاتها الاستطلاعية مع موسكو كان سبباً في قصف التحالف الأميركي", 1, None),
    (3, "amal", "claim", "الضربة تأتي ردّاً على هجوم غير مبرر شنّته قوات الجيش السوري على مقر قيادة قوات سوريا الديمقراطية", 1, None),
    (3, "omar", "claim", "الضربة تأتي ردّاً على هجوم غير مبرر شنّته قوات الجيش السوري على مقر قيادة قوات سوريا الديمقراطية", 1, None),
    (3, "amal", "figure", "ثمانية كيلومترات", 1, None),
    (3, "omar", "figure", "ثمانية كيلومترات", 1, None),
    (3, "omar", "claim", "نفذ الضربات ضد القوات المهاجمة دفاعاً عن التحالف والقوات الشريكة", 1, None),
    (3, "amal", "claim", "طائرات العدو أطلقت عدة صواريخ من داخل الأراضي اللبنانية على موقع عسكري بريف دمشق", 1, None),
    (3, "omar", "claim", "طائرات العدو أطلقت عدة صواريخ من داخل الأراضي اللبنانية على موقع عسكري بريف دمشق", 1, None),
    (3, "omar", "claim", "وسائط الدفاع الجوي دمرّت معظم الصواريخ الاسرائيلية التي أُطلقت على ريف دمشق", 1, None),
    (3, "amal", "claim", "غارات التحالف بقيادة واشنطن على مواقع موالية للجيش السوري هي عمل عدواني", 1, None),
    (3, "amal", "figure", "أكثر من 100 مقاتل", 1, None),
    (3, "amal", "claim", "أكثر من 100 مقاتل من المتحالفين مع الرئيس السوري بشار الأسد قُتلوا", 1, None),
    (3, "amal", "figure", "نحو 500 فرد", 1, None),

    // 004: the coalition accuses the government of letting IS fighters through to south Damascus.
    (4, "omar", "claim", "قوات الأسد بتسهيل مرور عناصر تابعين لتنظيم “الدولة” إلى مناطق جنوب العاصمة دمشق", 1, None),
    (4, "omar", "claim", "المئات من عناصر التنظيم وصلوا عبر طرق تسيطر عليها قوات الأسد", 1, None),
    (4, "omar", "figure", "المئات من عناصر التنظيم", 1, None),
    (4, "omar", "claim", "التنظيم “خسر تقريبا جميع الأراضي التي كان يسيطر عليها في العراق وسوريا", 1, None),
    (4, "omar", "denial", "ولا يعني ذلك أن المعركة انتهت", 1, None),
    (4, "omar", "denial", "التصريحات الروسية حول انتهاء تواجد التنظيم في سوريا “غير صحيحة”", 1, None),
    (4, "omar", "claim", "القدرات الدفاعية لروسيا ونظام الأسد ضعيفة", 1, None),
    (4, "omar", "claim", "تنظيم “الدولة ” خسر جميع مناطق سيطرته في سوريا", 1, None),
    (4, "omar", "figure", "1500 غارة", 1, None),
    (4, "omar", "figure", "نحو 300 غارة", 1, None),
];

/// One link: document, annotator, relation type, the head span's label and quote, the tail
/// span's label and quote (each quote's first occurrence as a span of that annotator).
type LinkRow =
    (usize, &'static str, &'static str, (&'static str, &'static str), (&'static str, &'static str));

/// Every link of the sample project. Both annotators tie the 12 patients to the claim that
/// reports them; amal alone says the coalition's denial in 000 denies the US army's claim
/// and ties "more than 100 fighters" to its claim in 003; omar alone links the claims and
/// denials of 004.
#[rustfmt::skip]
const LINKS: &[LinkRow] = &[
    (0, "amal", "quantifies", ("figure", "12 مريضاً"), ("claim", "الفرق الطبية أخرجت أمس 12 مريضاً معظمهم أطفال مع أفراد من عائلاتهم")),
    (0, "omar", "quantifies", ("figure", "12 مريضاً"), ("claim", "الفرق الطبية أخرجت أمس 12 مريضاً معظمهم أطفال مع أفراد من عائلاتهم")),
    (0, "amal", "denies", ("denial", "لن نستهدف \"داعش\" في أماكن سيطرة الجيش السوري"), ("claim", "الجيش الأميركي سيقاتل داعش في سوريا \"ما دامت تريد القتال\"")),
    (3, "amal", "quantifies", ("figure", "أكثر من 100 مقاتل"), ("claim", "أكثر من 100 مقاتل من المتحالفين مع الرئيس السوري بشار الأسد قُتلوا")),
    (4, "omar", "denies", ("denial", "التصريحات الروسية حول انتهاء تواجد التنظيم في سوريا “غير صحيحة”"), ("claim", "تنظيم “الدولة ” خسر جميع مناطق سيطرته في سوريا")),
    (4, "omar", "quantifies", ("figure", "المئات من عناصر التنظيم"), ("claim", "المئات من عناصر التنظيم وصلوا عبر طرق تسيطر عليها قوات الأسد")),
];

/// One attribute value: document, annotator, label and quote of the span, attribute, value
/// as typed.
type AttributeRow = (usize, &'static str, &'static str, &'static str, &'static str, &'static str);

/// The attribute values of the sample. They differ where colleagues would: what the 12
/// patients count, and "ثمانية كيلومترات" typed as 80 by omar.
#[rustfmt::skip]
const ATTRIBUTES: &[AttributeRow] = &[
    (0, "amal", "figure", "12 مريضاً", "value", "12"),
    (0, "amal", "figure", "12 مريضاً", "unit", "مريضاً"),
    (0, "amal", "figure", "12 مريضاً", "counts", "other"),
    (0, "omar", "figure", "12 مريضاً", "value", "12"),
    (0, "omar", "figure", "12 مريضاً", "unit", "مريضاً"),
    (0, "omar", "figure", "12 مريضاً", "counts", "injured"),
    (0, "amal", "figure", "بثلاثة آلاف مقاتل", "value", "3000"),
    (0, "amal", "figure", "بثلاثة آلاف مقاتل", "unit", "مقاتل"),
    (0, "omar", "figure", "بثلاثة آلاف مقاتل", "value", "3000"),
    (0, "amal", "figure", "ألف مصاب", "value", "1000"),
    (0, "amal", "figure", "ألف مصاب", "counts", "injured"),
    (0, "omar", "figure", "ألف مصاب", "value", "1000"),
    (0, "omar", "figure", "ألف مصاب", "counts", "injured"),
    (1, "amal", "figure", "120كم", "value", "120"),
    (1, "amal", "figure", "120كم", "unit", "كم"),
    (1, "amal", "figure", "120كم", "counts", "distance"),
    (1, "omar", "figure", "120كم", "value", "120"),
    (1, "omar", "figure", "120كم", "counts", "distance"),
    (2, "amal", "figure", "42 قتيلًا مدنياً", "value", "42"),
    (2, "amal", "figure", "42 قتيلًا مدنياً", "counts", "killed"),
    (2, "omar", "figure", "42 قتيلًا مدنياً", "value", "42"),
    (2, "omar", "figure", "42 قتيلًا مدنياً", "counts", "killed"),
    (2, "amal", "figure", "و80 جريحاً", "value", "80"),
    (2, "omar", "figure", "و80 جريحاً", "value", "80"),
    (3, "amal", "figure", "ثمانية كيلومترات", "value", "8"),
    (3, "amal", "figure", "ثمانية كيلومترات", "counts", "distance"),
    (3, "omar", "figure", "ثمانية كيلومترات", "value", "80"),
    (3, "omar", "figure", "ثمانية كيلومترات", "counts", "distance"),
    (3, "amal", "denial", "لا وجود لعسكريين روس في المنطقة التي أغارت عليها طائرات التحالف الأميركي شرق الفرات", "source", "وزارة الدفاع الروسية"),
    (3, "omar", "denial", "لا وجود لعسكريين روس في المنطقة", "source", "وزارة الدفاع الروسية"),
];

/// Each annotator's progress; a document not listed is new to that annotator.
const STATUS: &[(usize, &str, Status)] = &[
    (0, "amal", Status::Done),
    (1, "amal", Status::Done),
    (2, "amal", Status::InProgress),
    (3, "amal", Status::Done),
    (0, "omar", Status::Done),
    (1, "omar", Status::InProgress),
    (2, "omar", Status::Done),
    (3, "omar", Status::InProgress),
    (4, "omar", Status::InProgress),
];

/// When each annotator made their first span (2026-11-01 09:00 and 2026-11-02 10:00 UTC).
const STARTED: &[(&str, u64)] = &[("amal", 1_793_523_600), ("omar", 1_793_613_600)];
/// Time between two spans of one annotator, in seconds.
const SECONDS_PER_SPAN: u64 = 95;
/// How long after making a span its note was written, in seconds.
const NOTE_DELAY: u64 = 600;

/// One seed article as imported: file stem, file name and normalised text.
#[derive(Debug)]
struct Seed {
    id: DocId,
    source: String,
    text: String,
}

/// What import does to a text: strip a BOM, turn CRLF and CR into `\n`.
fn normalise(raw: &str) -> String {
    let text = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The seed articles from `dir`, in file-name order.
fn seeds_from_folder(dir: &Path) -> Vec<Seed> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|entry| entry.unwrap_or_else(|e| panic!("reading {}: {e}", dir.display())).file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let path = dir.join(&name);
            let raw =
                std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
            let stem = name.strip_suffix(".txt").unwrap_or(&name);
            Seed { id: DocId::new(stem), source: name.clone(), text: normalise(&raw) }
        })
        .collect()
}

/// The project in `projects/sample.ron`, as it is on disk.
fn load_sample() -> Project {
    let text = std::fs::read_to_string(SAMPLE).unwrap_or_else(|e| panic!("reading {SAMPLE}: {e}"));
    ron::from_str(&text).unwrap_or_else(|e| panic!("parsing {SAMPLE}: {e}"))
}

/// The seed articles: from `../shared/seeds` when present, else the texts embedded in the sample.
fn seeds() -> Vec<Seed> {
    if Path::new(SEEDS).is_dir() {
        return seeds_from_folder(Path::new(SEEDS));
    }
    load_sample()
        .documents
        .into_iter()
        .map(std::sync::Arc::unwrap_or_clone)
        .map(|doc| Seed { id: doc.id, source: doc.source, text: doc.text })
        .collect()
}

/// The code-point range of the `occurrence`-th (1-based) occurrence of `quote` in `text`.
fn locate(text: &str, quote: &str, occurrence: usize) -> Option<CharRange> {
    let (byte, _) = text.match_indices(quote).nth(occurrence.checked_sub(1)?)?;
    let start = byte_to_char(text, ByteOffset(byte)).ok()?;
    let end = byte_to_char(text, ByteOffset(byte + quote.len())).ok()?;
    Some(CharRange { start, end })
}

/// The sample project built from the seed texts and [`SPEC`].
fn build(seeds: &[Seed]) -> Project {
    let mut project = Project::new(PROJECT_NAME);
    let mut documents: Vec<Document> = seeds
        .iter()
        .map(|seed| Document::new(seed.id.clone(), seed.source.clone(), seed.text.clone()))
        .collect();
    for &(doc, annotator, status) in STATUS {
        documents[doc].status.insert(annotator.to_string(), status);
    }
    for &(annotator, started) in STARTED {
        project.layers.insert(annotator.to_string(), build_layer(&documents, annotator, started));
    }
    project.documents = documents.into_iter().map(Into::into).collect();
    project
}

/// One annotator's layer: spans located by quote, in reading order, numbered from 1 over the
/// documents in order, made one every [`SECONDS_PER_SPAN`] from `started`.
fn build_layer(documents: &[Document], annotator: &str, started: u64) -> Layer {
    let mut layer = Layer::default();
    let mut next_id = 1;
    let mut next_relation = 0;
    for (index, doc) in documents.iter().enumerate() {
        let mut spans: Vec<Span> = SPEC
            .iter()
            .filter(|row| row.0 == index && row.1 == annotator)
            .map(|&(_, _, label, quote, occurrence, note)| {
                let range = locate(&doc.text, quote, occurrence).unwrap_or_else(|| {
                    panic!("document {index} ({}): {annotator}'s {label} quote {quote:?} (occurrence {occurrence}) is not in the text", doc.id)
                });
                Span {
                    id: SpanId(0),
                    start: range.start,
                    end: range.end,
                    label: LabelId::new(label),
                    annotator: annotator.into(),
                    created: Timestamp(0),
                    modified: Timestamp(0),
                    note: note.map(Into::into),
                    origin: Origin::Manual,
                    attributes: Default::default(),
                }
            })
            .collect();
        if spans.is_empty() {
            continue;
        }
        spans.sort_by(Span::reading_order);
        for pair in spans.windows(2) {
            assert!(
                Span::reading_order(&pair[0], &pair[1]).is_lt(),
                "document {index}: {annotator} has the same {} span twice at {}",
                pair[0].label,
                pair[0].range()
            );
        }
        for span in &mut spans {
            span.id = SpanId(next_id);
            span.created = Timestamp(started + (next_id - 1) * SECONDS_PER_SPAN);
            span.modified = Timestamp(span.created.0 + if span.note.is_some() { NOTE_DELAY } else { 0 });
            next_id += 1;
        }
        let find = |spans: &[Span], label: &str, quote: &str| -> SpanId {
            let range =
                locate(&doc.text, quote, 1).unwrap_or_else(|| panic!("{quote:?} is not in document {index}"));
            spans
                .iter()
                .find(|s| s.range() == range && s.label.as_str() == label)
                .unwrap_or_else(|| panic!("document {index}: {annotator} has no {label} span {quote:?}"))
                .id
        };
        let labels = default_labels();
        for &(_, _, label, quote, name, value) in
            ATTRIBUTES.iter().filter(|row| row.0 == index && row.1 == annotator)
        {
            let id = find(&spans, label, quote);
            let kind = &labels
                .iter()
                .find(|l| l.id.as_str() == label)
                .and_then(|l| l.attribute(name))
                .unwrap_or_else(|| panic!("{label} declares no {name}"))
                .kind;
            let value = kind.parse(value).unwrap_or_else(|| panic!("{value:?} is not a {name}"));
            if let Some(span) = spans.iter_mut().find(|s| s.id == id) {
                span.attributes.set(name, Some(value));
            }
        }
        let mut relations = Vec::new();
        for &(_, _, kind, (head_label, head), (tail_label, tail)) in
            LINKS.iter().filter(|row| row.0 == index && row.1 == annotator)
        {
            let at = Timestamp(started + (next_id - 1 + next_relation) * SECONDS_PER_SPAN);
            relations.push(Relation::new(
                RelationId(next_relation + 1),
                find(&spans, head_label, head),
                find(&spans, tail_label, tail),
                LabelId::new(kind),
                annotator,
                at,
            ));
            next_relation += 1;
        }
        let layer_doc = layer.doc_mut(doc);
        layer_doc.spans = spans;
        layer_doc.relations = relations;
    }
    layer
}

/// The project file text, as the store writes it.
fn render(project: &Project) -> String {
    hashiya::store::to_ron(project)
}

/// A short account of how two projects differ, for a failing comparison.
fn differences(expected: &Project, actual: &Project) -> Vec<String> {
    let mut found = Vec::new();
    if expected.name != actual.name || expected.version != actual.version || expected.labels != actual.labels
    {
        found.push("name, version or labels".to_string());
    }
    if expected.documents.len() != actual.documents.len() {
        found.push(format!("{} documents instead of {}", actual.documents.len(), expected.documents.len()));
    }
    for (want, got) in expected.documents.iter().zip(&actual.documents) {
        if want != got {
            found.push(format!("document {}", want.id));
        }
    }
    let names: BTreeSet<&String> = expected.layers.keys().chain(actual.layers.keys()).collect();
    for name in names {
        let (want, got) = (expected.layers.get(name), actual.layers.get(name));
        let docs: BTreeSet<&DocId> =
            want.iter().chain(got.iter()).flat_map(|layer| layer.docs.keys()).collect();
        for doc in docs {
            let spans = |layer: Option<&Layer>| layer.map(|l| l.spans(doc).to_vec()).unwrap_or_default();
            if spans(want) != spans(got) {
                found.push(format!("{name}'s spans on {doc}"));
            }
            let links = |layer: Option<&Layer>| layer.map(|l| l.relations(doc).to_vec()).unwrap_or_default();
            if links(want) != links(got) {
                found.push(format!("{name}'s links on {doc}"));
            }
        }
    }
    found
}

#[test]
fn sample_project_matches_spec() {
    let project = build(&seeds());
    let text = render(&project);
    if std::env::var("UPDATE_SAMPLE").is_ok_and(|v| v == "true") {
        std::fs::create_dir_all(Path::new(SAMPLE).parent().unwrap()).unwrap();
        let temporary = format!("{SAMPLE}.tmp");
        std::fs::write(&temporary, &text).unwrap();
        std::fs::rename(&temporary, SAMPLE).unwrap();
        return;
    }
    let on_disk = load_sample();
    let differences = differences(&project, &on_disk);
    assert!(
        differences.is_empty(),
        "{SAMPLE} differs from the spec in: {}; run UPDATE_SAMPLE=true cargo test --test store sample_project_matches_spec",
        differences.join(", ")
    );
    assert_eq!(on_disk, project);
    let written = std::fs::read_to_string(SAMPLE).unwrap();
    assert!(written == text, "{SAMPLE} is not written as the writer writes it; run with UPDATE_SAMPLE=true");
}

#[test]
fn seeds_are_normalised_as_import_does() {
    assert_eq!(normalise("\u{feff}قال\r\nنفى\rلن\n"), "قال\nنفى\nلن\n");
    assert_eq!(normalise("a\u{feff}b"), "a\u{feff}b", "only a leading BOM is stripped");
}

#[test]
fn sample_loads_and_validates() {
    let project = load_sample();
    assert_eq!(project.validate(), vec![]);
    assert_eq!(project.name, PROJECT_NAME);
    assert_eq!(project.labels, hashiya::model::default_labels());
    assert_eq!(project.annotators().collect::<Vec<_>>(), ["amal", "omar"]);
    assert_eq!(project.gold, Layer::default());
}

#[test]
fn sample_holds_the_five_seed_articles() {
    let project = load_sample();
    assert_eq!(project.documents.len(), 5);
    for doc in &project.documents {
        assert_eq!(doc.source, format!("{}.txt", doc.id));
        assert!(
            !doc.text.contains('\r') && !doc.text.starts_with('\u{feff}'),
            "{} is not normalised",
            doc.id
        );
        assert_eq!(doc.title, hashiya::model::document::title_of(&doc.text));
    }
    if !Path::new(SEEDS).is_dir() {
        eprintln!("{SEEDS} is absent: the texts are not compared with the seed files");
        return;
    }
    let seeds = seeds_from_folder(Path::new(SEEDS));
    assert_eq!(seeds.len(), 5);
    for (seed, doc) in seeds.iter().zip(&project.documents) {
        assert_eq!(seed.id, doc.id);
        assert_eq!(seed.source, doc.source);
        assert!(seed.text == doc.text, "the text of {} differs from its seed file", doc.id);
    }
}

#[test]
fn statuses_ids_and_order_are_as_an_analyst_left_them() {
    let project = load_sample();
    let count = |annotator: &str, status: Status| {
        project.documents.iter().filter(|d| d.status_of(annotator) == status).count()
    };
    assert_eq!((count("amal", Status::Done), count("amal", Status::InProgress)), (3, 1));
    assert_eq!(count("omar", Status::Done), 2);
    for (name, layer) in &project.layers {
        let mut ids = Vec::new();
        for doc in &project.documents {
            let spans = layer.spans(&doc.id);
            let started = doc.status_of(name) != Status::New;
            assert_eq!(started, !spans.is_empty(), "{name} on {}: spans only where work started", doc.id);
            if started {
                assert!((8..=15).contains(&spans.len()), "{name} has {} spans on {}", spans.len(), doc.id);
            }
            assert!(
                spans.windows(2).all(|p| Span::reading_order(&p[0], &p[1]).is_lt()),
                "{name} on {}",
                doc.id
            );
            assert!(spans.iter().all(|s| &s.annotator == name && s.origin == Origin::Manual));
            assert!(spans.iter().all(|s| s.created <= s.modified));
            ids.extend(spans.iter().map(|s| s.id.0));
        }
        assert_eq!(ids, (1..=ids.len() as u64).collect::<Vec<_>>(), "{name}'s span ids");
    }
}

#[test]
fn every_label_is_used_by_both_annotators() {
    let project = load_sample();
    for (name, layer) in &project.layers {
        let used: BTreeSet<&LabelId> =
            layer.docs.values().flat_map(|d| d.spans.iter().map(|s| &s.label)).collect();
        for label in &project.labels {
            assert!(used.contains(&label.id), "{name} never uses {}", label.id);
        }
    }
}

/// Spans of `amal` and `omar` on the documents both have worked on.
fn paired_spans(project: &Project) -> Vec<(&[Span], &[Span])> {
    let (amal, omar) = (&project.layers["amal"], &project.layers["omar"]);
    project
        .documents
        .iter()
        .map(|doc| (amal.spans(&doc.id), omar.spans(&doc.id)))
        .filter(|(a, o)| !a.is_empty() && !o.is_empty())
        .collect()
}

#[test]
fn annotators_disagree_in_every_way() {
    let project = load_sample();
    let pairs = paired_spans(&project);
    assert_eq!(pairs.len(), 4, "documents annotated by both");
    let mut relabelled = 0;
    let mut reshaped = 0;
    let mut alone = 0;
    let mut agreed = 0;
    for (amal, omar) in &pairs {
        for a in amal.iter() {
            agreed += omar.iter().filter(|o| o.range() == a.range() && o.label == a.label).count();
            relabelled += omar.iter().filter(|o| o.range() == a.range() && o.label != a.label).count();
            reshaped += omar
                .iter()
                .filter(|o| o.range() != a.range() && o.label == a.label && o.range().overlaps(&a.range()))
                .count();
        }
        for (mine, theirs) in [(amal, omar), (omar, amal)] {
            alone += mine.iter().filter(|m| !theirs.iter().any(|t| t.range().overlaps(&m.range()))).count();
        }
    }
    assert!(relabelled >= 3, "same range, other label: {relabelled}");
    assert!(reshaped >= 5, "same label, other boundaries: {reshaped}");
    assert!(alone >= 5, "spans only one annotator made: {alone}");
    assert!(agreed > relabelled + reshaped, "they still agree on most spans: {agreed}");
    let notes: Vec<&str> = project
        .layers
        .values()
        .flat_map(|l| l.docs.values())
        .flat_map(|d| d.spans.iter().filter_map(|s| s.note.as_deref()))
        .collect();
    assert!(notes.len() >= 2, "notes: {notes:?}");
}

/// Whether `c` belongs to a word: a letter, digit or combining mark (harakat).
fn is_word_char(c: char) -> bool {
    use unicode_general_category::{GeneralCategory, get_general_category};
    c.is_alphanumeric()
        || matches!(get_general_category(c), GeneralCategory::NonspacingMark | GeneralCategory::SpacingMark)
}

#[test]
fn spans_are_their_quotes_on_whole_words() {
    let project = load_sample();
    let mut quotes: BTreeMap<(&str, &DocId), Vec<(&str, &str)>> = BTreeMap::new();
    for &(doc, annotator, label, quote, _, _) in SPEC {
        quotes.entry((annotator, &project.documents[doc].id)).or_default().push((label, quote));
    }
    let mut checked = 0;
    for (name, layer) in &project.layers {
        for doc in &project.documents {
            let mut expected = quotes.get(&(name.as_str(), &doc.id)).cloned().unwrap_or_default();
            let mut actual = Vec::new();
            for span in layer.spans(&doc.id) {
                let text = slice_chars(&doc.text, span.range()).unwrap();
                assert_eq!(text, text.trim(), "{name} on {}: span {} has outer spaces", doc.id, span.id.0);
                let before = span.start.0.checked_sub(1).and_then(|i| doc.text.chars().nth(i));
                let after = doc.text.chars().nth(span.end.0);
                assert!(
                    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char),
                    "{name} on {}: span {} {text:?} cuts a word ({before:?} before, {after:?} after)",
                    doc.id,
                    span.id.0
                );
                actual.push((span.label.as_str(), text));
                checked += 1;
            }
            expected.sort();
            actual.sort();
            assert_eq!(actual, expected, "{name} on {}", doc.id);
        }
    }
    assert_eq!(checked, SPEC.len());
}
