//! The sample project's annotations as data: every span as an exact quote, every link and
//! attribute value, each annotator's progress and when they worked. `super` builds the
//! project from these tables and the seed texts.

use hashiya::model::Status;

/// One annotation: document index (in file-name order), annotator, label, the exact text of the
/// span, which occurrence of that text in the document it is (1 = the first), and a note.
pub(super) type SpecRow = (usize, &'static str, &'static str, &'static str, usize, Option<&'static str>);

/// Every span of the sample project, per document in reading order.
///
/// The two annotators disagree on purpose, as colleagues do: the same range with another label
/// (000 "روسيا لن تسمح", 001 "فليس لدينا مشكلة", 003 "ليس محاربة"), other boundaries on the
/// same claim or figure, and spans only one of them made.
#[rustfmt::skip]
pub(super) const SPEC: &[SpecRow] = &[
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
pub(super) type LinkRow =
    (usize, &'static str, &'static str, (&'static str, &'static str), (&'static str, &'static str));

/// Every link of the sample project. Both annotators tie the 12 patients to the claim that
/// reports them; amal alone says the coalition's denial in 000 denies the US army's claim
/// and ties "more than 100 fighters" to its claim in 003; omar alone links the claims and
/// denials of 004.
#[rustfmt::skip]
pub(super) const LINKS: &[LinkRow] = &[
    (0, "amal", "quantifies", ("figure", "12 مريضاً"), ("claim", "الفرق الطبية أخرجت أمس 12 مريضاً معظمهم أطفال مع أفراد من عائلاتهم")),
    (0, "omar", "quantifies", ("figure", "12 مريضاً"), ("claim", "الفرق الطبية أخرجت أمس 12 مريضاً معظمهم أطفال مع أفراد من عائلاتهم")),
    (0, "amal", "denies", ("denial", "لن نستهدف \"داعش\" في أماكن سيطرة الجيش السوري"), ("claim", "الجيش الأميركي سيقاتل داعش في سوريا \"ما دامت تريد القتال\"")),
    (3, "amal", "quantifies", ("figure", "أكثر من 100 مقاتل"), ("claim", "أكثر من 100 مقاتل من المتحالفين مع الرئيس السوري بشار الأسد قُتلوا")),
    (4, "omar", "denies", ("denial", "التصريحات الروسية حول انتهاء تواجد التنظيم في سوريا “غير صحيحة”"), ("claim", "تنظيم “الدولة ” خسر جميع مناطق سيطرته في سوريا")),
    (4, "omar", "quantifies", ("figure", "المئات من عناصر التنظيم"), ("claim", "المئات من عناصر التنظيم وصلوا عبر طرق تسيطر عليها قوات الأسد")),
];

/// One attribute value: document, annotator, label and quote of the span, attribute, value
/// as typed.
pub(super) type AttributeRow = (usize, &'static str, &'static str, &'static str, &'static str, &'static str);

/// The attribute values of the sample. They differ where colleagues would: what the 12
/// patients count, and "ثمانية كيلومترات" typed as 80 by omar.
#[rustfmt::skip]
pub(super) const ATTRIBUTES: &[AttributeRow] = &[
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
pub(super) const STATUS: &[(usize, &str, Status)] = &[
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
pub(super) const STARTED: &[(&str, u64)] = &[("amal", 1_793_523_600), ("omar", 1_793_613_600)];
/// Time between two spans of one annotator, in seconds.
pub(super) const SECONDS_PER_SPAN: u64 = 95;
/// How long after making a span its note was written, in seconds.
pub(super) const NOTE_DELAY: u64 = 600;
