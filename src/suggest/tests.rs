//! Rule tests with sentences written for them: every digit system, every number-word
//! form, every negative, and claim and denial sentences of many shapes.

use super::*;
use crate::model::slice_chars;

fn labels(ids: &[&str]) -> Vec<LabelId> {
    ids.iter().map(|l| LabelId::new(*l)).collect()
}

/// The figures of a text as (span text, value, unit).
fn figures(text: &str) -> Vec<(String, f64, Option<String>)> {
    suggest_text(text, &labels(&["figure"]), &[])
        .into_iter()
        .map(|s| (slice_chars(text, s.range).unwrap().to_string(), s.value.unwrap(), s.unit))
        .collect()
}

/// Asserts the text holds exactly one figure, with this span text and value.
#[track_caller]
fn one(text: &str, span: &str, value: f64) {
    let found = figures(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    assert_eq!(found[0].0, span, "{text}: {found:?}");
    assert_eq!(found[0].1, value, "{text}: {found:?}");
}

#[track_caller]
fn none(text: &str) {
    let found = figures(text);
    assert!(found.is_empty(), "{text}: {found:?}");
}

fn spans(text: &str, label: &str) -> Vec<String> {
    suggest_text(text, &labels(&[label]), &[])
        .into_iter()
        .map(|s| slice_chars(text, s.range).unwrap().to_string())
        .collect()
}

#[test]
fn digits_in_every_script() {
    one("قتل 12 مدنياً في القصف", "12 مدنياً", 12.0);
    one("قتل ١٢ مدنياً في القصف", "١٢ مدنياً", 12.0);
    one("قتل ۱۲ مدنیاً في القصف", "۱۲ مدنیاً", 12.0);
    one("أصيب ٣٥٠ شخصاً", "٣٥٠ شخصاً", 350.0);
    one("نزح ۴۵۰۰ شخص", "۴۵۰۰ شخص", 4500.0);
}

#[test]
fn separators_and_decimals() {
    one("بلغ عدد اللاجئين 1,250,000 لاجئ", "1,250,000 لاجئ", 1_250_000.0);
    one("بلغ عدد اللاجئين ١٬٢٥٠ لاجئاً", "١٬٢٥٠ لاجئاً", 1250.0);
    one("ارتفعت الأسعار 2.5 ضعف", "2.5 ضعف", 2.5);
    one("ارتفعت الأسعار ٢٫٥ ضعف", "٢٫٥ ضعف", 2.5);
    one("خصصت 2.5 مليون دولار للإغاثة", "2.5 مليون دولار", 2_500_000.0);
    one("وصل ٣ آلاف نازح", "٣ آلاف نازح", 3000.0);
    one("فرّ 10 آلاف شخص من المدينة", "10 آلاف شخص", 10_000.0);
    one("تكلف المشروع 4 مليارات دولار", "4 مليارات دولار", 4e9);
    one("يعيش 1.5 مليون لاجئ", "1.5 مليون لاجئ", 1_500_000.0);
}

#[test]
fn percent_in_all_spellings() {
    one("تراجع الإنتاج بنسبة 40% خلال العام", "40%", 40.0);
    one("تراجع الإنتاج بنسبة 40 % خلال العام", "40 %", 40.0);
    one("تراجع الإنتاج بنسبة ٤٠٪ خلال العام", "٤٠٪", 40.0);
    one("دمر 70 بالمئة من المنازل", "70 بالمئة", 70.0);
    one("دمر 70 بالمائة من المنازل", "70 بالمائة", 70.0);
    one("دمر 70 في المئة من المنازل", "70 في المئة", 70.0);
    one("دمر 12.5 في المائة من المنازل", "12.5 في المائة", 12.5);
    one("دمر خمسون بالمئة من المنازل", "خمسون بالمئة", 50.0);
    assert_eq!(figures("نسبة 40%")[0].2.as_deref(), Some("%"));
    one("وبلغت نسبة المشاركة ٪٤٥ حسب اللجنة", "٪٤٥", 45.0);
}

#[test]
fn units_are_the_counted_word() {
    let found = figures("قتل 42 قتيلاً مدنياً و80 جريحاً");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "42 قتيلاً مدنياً");
    assert_eq!(found[0].2.as_deref(), Some("قتيلاً"));
    assert_eq!(found[1].0, "و80 جريحاً");
    one("على بعد 120كم شرق المدينة", "120كم", 120.0);
    one("على بعد 260 كم شرق حمص", "260 كم", 260.0);
    one("على مسافة 15 كيلومترات", "15 كيلومترات", 15.0);
    one("نزحت 300 عائلة", "300 عائلة", 300.0);
    one("قتل 21 “داعشياً” منذ الجمعة", "21 “داعشياً”", 21.0);
    one("قتل 16 من النظام ضمنهم ضابط", "16 من النظام", 16.0);
    one("بينهم 25 من القوات الموالية للجيش بقصف", "25 من القوات الموالية للجيش", 25.0);
    one("ارتفع العدد إلى 1125 (مصادر)", "1125", 1125.0);
    one("ارتفع عدد الوفيات إلى 12 وفاة", "12 وفاة", 12.0);
    one("فيروس كورونا و7 وفيات خلال", "و7 وفيات", 7.0);
    let found = figures("قتل 12 شخصاً وأصيب 30");
    assert_eq!(found[0].0, "12 شخصاً", "a word with the conjunction و is not a unit");
}

#[test]
fn number_words_masculine_and_feminine() {
    one("قتل ثلاثة جنود", "ثلاثة جنود", 3.0);
    one("قتلت ثلاث نساء", "ثلاث نساء", 3.0);
    one("أصيب سبعة مدنيين", "سبعة مدنيين", 7.0);
    one("أصيبت سبع سيدات", "سبع سيدات", 7.0);
    one("نفذ عشرة انتحاريين الهجوم", "عشرة انتحاريين", 10.0);
    one("مرت عشر سنوات على الحرب", "عشر سنوات", 10.0);
    one("اعتقل ثمانية شبان", "ثمانية شبان", 8.0);
    one("اعتقلت ثماني ناشطات", "ثماني ناشطات", 8.0);
    one("قطعوا أربعة كيلومترات", "أربعة كيلومترات", 4.0);
    let found = figures("فقد خمسة أطفال وستة رجال");
    assert_eq!(
        found.iter().map(|f| (f.0.as_str(), f.1)).collect::<Vec<_>>(),
        [("خمسة أطفال", 5.0), ("وستة رجال", 6.0)]
    );
}

#[test]
fn teens_tens_and_compounds() {
    one("قتل أحد عشر جندياً", "أحد عشر جندياً", 11.0);
    one("قتلت إحدى عشرة امرأة", "إحدى عشرة امرأة", 11.0);
    one("أصيب اثنا عشر عاملاً", "اثنا عشر عاملاً", 12.0);
    one("أصيب ثلاثة عشر شخصاً", "ثلاثة عشر شخصاً", 13.0);
    one("أصيبت خمس عشرة طالبة", "خمس عشرة طالبة", 15.0);
    one("قتل عشرون مقاتلاً", "عشرون مقاتلاً", 20.0);
    one("قتل عشرين مقاتلاً", "عشرين مقاتلاً", 20.0);
    one("سقط خمسة وعشرون قتيلاً", "خمسة وعشرون قتيلاً", 25.0);
    one("سقط واحد وثلاثون قتيلاً", "واحد وثلاثون قتيلاً", 31.0);
    one("نزح تسعة وتسعون شخصاً", "تسعة وتسعون شخصاً", 99.0);
}

#[test]
fn hundreds_in_both_spellings() {
    one("وصلت مئة شاحنة", "مئة شاحنة", 100.0);
    one("وصلت مائة شاحنة", "مائة شاحنة", 100.0);
    one("وصلت مئتا شاحنة", "مئتا شاحنة", 200.0);
    one("اعتقل مئتين شخص", "مئتين شخص", 200.0);
    one("وصل مائتان جندي", "مائتان جندي", 200.0);
    one("قتل ثلاثمئة عنصر", "ثلاثمئة عنصر", 300.0);
    one("قتل ثلاثمائة عنصر", "ثلاثمائة عنصر", 300.0);
    one("قتل ثلاث مئة عنصر", "ثلاث مئة عنصر", 300.0);
    one("قتل خمسمائة وخمسون عنصراً", "خمسمائة وخمسون عنصراً", 550.0);
    one("نزح تسعمئة شخص", "تسعمئة شخص", 900.0);
}

#[test]
fn thousands_millions_billions() {
    one("فرّ ألف مصاب", "ألف مصاب", 1000.0);
    one("فرّ ألفا مدني", "ألفا مدني", 2000.0);
    one("فرّ ألفان من السكان", "ألفان من السكان", 2000.0);
    one("نزح ألفين شخص", "ألفين شخص", 2000.0);
    one("ما يقدّر بثلاثة آلاف مقاتل فروا", "بثلاثة آلاف مقاتل", 3000.0);
    one("نزح عشرة آلاف شخص", "عشرة آلاف شخص", 10_000.0);
    one("نزح مئة ألف شخص", "مئة ألف شخص", 100_000.0);
    one("نزح مليون شخص", "مليون شخص", 1e6);
    one("نزح مليون ونصف شخص", "مليون ونصف شخص", 1.5e6);
    one("نزح ثلاثة ملايين سوري", "ثلاثة ملايين سوري", 3e6);
    one("نزح مليونا سوري", "مليونا سوري", 2e6);
    one("بلغت الخسائر مليار دولار", "مليار دولار", 1e9);
    one("بلغت الخسائر ثلاثة مليارات دولار", "ثلاثة مليارات دولار", 3e9);
    one("بلغت الكلفة نصف مليون دولار", "نصف مليون دولار", 5e5);
    one("نزح ألف وخمسمئة شخص", "ألف وخمسمئة شخص", 1500.0);
    one("نزح ثلاثة آلاف وخمسمائة شخص", "ثلاثة آلاف وخمسمائة شخص", 3500.0);
    one("نزح أربعة وعشرون ألف شخص", "أربعة وعشرون ألف شخص", 24_000.0);
}

#[test]
fn duals_alone() {
    one("قتل عنصران من الشرطة", "عنصران", 2.0);
    one("أصيب جنديين في الهجوم", "جنديين", 2.0);
    one("تسجيل حالتي وفاة جديدتين", "حالتي وفاة جديدتين", 2.0);
    one("سقط صاروخان على القرية", "صاروخان", 2.0);
    one("أصيبت طفلتان", "طفلتان", 2.0);
    // A sound plural is not a dual.
    none("قتل مدنيين في القصف");
    none("هاجم مسلحين الحاجز");
}

#[test]
fn clitics_on_numbers() {
    one("وثلاثة جرحى", "وثلاثة جرحى", 3.0);
    one("قدر العدد بعشرين قتيلاً", "بعشرين قتيلاً", 20.0);
    one("وصل لثلاثة آلاف نازح", "لثلاثة آلاف نازح", 3000.0);
    one("قتل و14 آخرين", "و14 آخرين", 14.0);
    one("ارتفع العدد بـ12 حالة", "بـ12 حالة", 12.0);
    one("كعشرة أشخاص", "كعشرة أشخاص", 10.0);
}

#[test]
fn lone_one_and_two_after_the_noun() {
    one("قتل شخص واحد فقط", "شخص واحد", 1.0);
    one("قتل مدني واحد في القصف", "مدني واحد", 1.0);
    none("في وقت واحد");
    none("زار إحدى نقاط الجيش");
    none("قال أحد السكان");
    none("واحد × أربعة =");
}

#[test]
fn clock_times_are_not_figures() {
    none("وقع الانفجار في 09:33 صباحاً");
    none("وقع الانفجار عند الساعة 9");
    none("وقع الانفجار الساعة ٩:٣٠");
    none("وقع الانفجار عند 9 صباحاً");
    none("عند الساعة الرابعة فجرا");
    none("خلال الساعات الـ24 الماضية");
}

#[test]
fn dates_and_years_are_not_figures() {
    none("في 12 مايو 2020 بدأ الهجوم");
    none("في 3 كانون الثاني الماضي");
    none("في ٥ أيار");
    none("December 27, 2017");
    none("اتفق البلدان عام 2015 على إقامة قناة");
    none("منذ عام 1947");
    none("في 2011 اندلعت الاحتجاجات");
    none("حتى 2020، استمر");
    none("بتاريخ 12/5/2020");
    none("بتاريخ 2020-05-12");
}

#[test]
fn ordinals_and_names_are_not_figures() {
    none("للمرة الرابعة");
    none("في الحادي عشر من سبتمبر");
    none("في الطابق الثالث");
    none("يوم الاثنين الماضي");
    none("القرن العشرين");
    none("وفق القرار 2254 الصادر");
    none("وفق القرار رقم 2254");
    none("بموجب المادة 8 من الدستور");
    none("الهاتف 0933123456");
    none("فيروس كوفيد-19 ينتشر");
    none("طائرات إف-16 حلقت");
    none("دبابات من طراز “تي 90″ وصلت");
    none("@C_Military1 نشر");
    none("على الطريق M5 الدولي");
}

#[test]
fn claims_from_attribution_verbs() {
    let cases = [
        ("قال المتحدث إن الجيش سيقاتل داعش في سوريا.", "الجيش سيقاتل داعش في سوريا"),
        ("وقالت الوزارة إن القصف استهدف مواقع عسكرية.", "القصف استهدف مواقع عسكرية"),
        ("أعلن التحالف أنه لن ينفذ عمليات في المنطقة.", "لن ينفذ عمليات في المنطقة"),
        ("وأكدت المصادر أن الهجوم فشل.", "الهجوم فشل"),
        ("يؤكد المسؤولون أن الوضع مستقر.", "الوضع مستقر"),
        ("وأفاد المرصد بأن 12 مدنياً قتلوا.", "12 مدنياً قتلوا"),
        ("ذكرت وكالة رويترز أن مسؤولاً أميركياً زار المنطقة.", "مسؤولاً أميركياً زار المنطقة"),
        ("وأوضح مدير الدفاع المدني أن الغارات استهدفت سوقاً.", "الغارات استهدفت سوقاً"),
        ("شدد الوزير على أن العملية مستمرة.", "العملية مستمرة"),
        ("زعم التنظيم أن مقاتليه سيطروا على المدينة.", "مقاتليه سيطروا على المدينة"),
        ("وصرّح المتحدث بأن القوات انسحبت.", "القوات انسحبت"),
        ("وأشار إلى أن التحالف سيعول على الحكومة.", "التحالف سيعول على الحكومة"),
        ("حذّر الأمين العام من أن الوضع سيتدهور.", "الوضع سيتدهور"),
        ("وأضاف: «لن نسمح بذلك».", "«لن نسمح بذلك»"),
        ("وقال مدير المرصد “تراجع مقاتلو التنظيم من المدينة”.", "“تراجع مقاتلو التنظيم من المدينة”"),
        ("نقول إن الحل سياسي.", "الحل سياسي"),
        ("قلنا إن الحل سياسي.", "الحل سياسي"),
        ("ويقولون إن القصف مستمر.", "القصف مستمر"),
        ("واعتبر أن التصريحات خطيرة.", "التصريحات خطيرة"),
        ("ولفت إلى أن عدد الطلعات تراجع.", "عدد الطلعات تراجع"),
        ("أفادت مصادر طبية بمقتل 17 شخصاً.", "بمقتل 17 شخصاً"),
        ("وأشارت مصادر ميدانية إلى سقوط قتلى في صفوف المهاجمين.", "سقوط قتلى في صفوف المهاجمين"),
        ("قال شهود عيان لـ\"رويترز\" إنهم سمعوا انفجارات.", "سمعوا انفجارات"),
    ];
    for (text, claim) in cases {
        assert_eq!(spans(text, "claim"), [claim], "{text}");
    }
}

#[test]
fn claims_end_at_the_next_cue() {
    let text = "وقال ماتيس إن الجيش سيقاتل داعش، معتبراً أن جيش بلاده منع عودة التنظيم.";
    assert_eq!(spans(text, "claim"), ["الجيش سيقاتل داعش", "جيش بلاده منع عودة التنظيم"]);
    let text = "رحب التحالف بالعمليات، وفق وكالة أسوشيتد برس.";
    assert_eq!(spans(text, "claim"), ["رحب التحالف بالعمليات"]);
    let text = "وبلغت نسبة الدمار 85% بحسب تقديرات أممية.";
    assert_eq!(spans(text, "claim"), ["وبلغت نسبة الدمار 85%"]);
}

#[test]
fn claims_from_sources_and_accusations() {
    assert_eq!(
        spans("ووفق غراسيموف، فإن المتدربين ينشطون بمسميات جديدة.", "claim"),
        ["المتدربين ينشطون بمسميات جديدة"]
    );
    assert_eq!(
        spans("وبحسب ضابط ميداني، فقد ألحقت خسائر كبيرة بالتنظيم.", "claim"),
        ["ألحقت خسائر كبيرة بالتنظيم"]
    );
    assert_eq!(
        spans("اتهم رئيس الأركان الولايات المتحدة بتدريب إرهابيين.", "claim"),
        ["رئيس الأركان الولايات المتحدة بتدريب إرهابيين"]
    );
}

#[test]
fn negated_or_unreported_verbs_suggest_no_claim() {
    for text in [
        "لم تؤكد الوزارة أن القصف استهدف مدنيين.",
        "ولم يعلن أحد أن الهجوم وقع.",
        "لا يذكر التقرير أن المدينة سقطت.",
        "لم يكن قد أكد أن الاتفاق انهار.",
        "قال الرجل كلمته ومضى.",
        "أعلن ديلون عن قيام قادة التحالف بزيارة.",
        "وصلت القافلة إلى المدينة أمس.",
        "جرت الاشتباكات بين قوات النظام والمعارضة.",
    ] {
        assert!(spans(text, "claim").is_empty(), "{text}: {:?}", spans(text, "claim"));
    }
}

#[test]
fn denials_from_verbs_and_phrases() {
    let cases = [
        ("نفى الجيش أن يكون قد استهدف المدنيين.", "نفى الجيش أن يكون قد استهدف المدنيين"),
        ("ونفت الوزارة وجود قوات روسية.", "ونفت الوزارة وجود قوات روسية"),
        ("ينفي المسؤولون هذه الأنباء.", "ينفي المسؤولون هذه الأنباء"),
        ("أنكر المتهم التهم الموجهة إليه.", "أنكر المتهم التهم الموجهة إليه"),
        ("كذّب الجيش رواية المعارضة.", "كذّب الجيش رواية المعارضة"),
        ("دحض البيان المزاعم الروسية.", "دحض البيان المزاعم الروسية"),
        ("ورفضت الحكومة الاتهامات الموجهة إليها.", "ورفضت الحكومة الاتهامات الموجهة إليها"),
        ("وقال المصدر إنه لا صحة لهذه الأنباء.", "لا صحة لهذه الأنباء"),
        ("وأكد أن هذه الأخبار عارية عن الصحة.", "هذه الأخبار عارية عن الصحة"),
        ("واعتبر أن التصريحات الروسية “غير صحيحة”، مضيفاً أن القدرات ضعيفة.", "التصريحات الروسية “غير صحيحة”"),
        ("ووصف البيان الصور بأنها ملفقة.", "ملفقة"),
        ("وأكد أن الأنباء عارية تماماً عن الصحة.", "الأنباء عارية تماماً عن الصحة"),
        ("وقالت الوزارة إن الرواية مفبركة بالكامل.", "الرواية مفبركة بالكامل"),
    ];
    for (text, denial) in cases {
        assert_eq!(spans(text, "denial"), [denial], "{text}");
    }
}

#[test]
fn not_denials() {
    for text in [
        "لم ينف الجيش أن القصف وقع.",
        "رفضت الحكومة المشاركة في المؤتمر.",
        "قال المتحدث إن الوضع صحيح تماماً.",
        "أعلن التحالف أن القوات تقدمت.",
        "صحيح أن المعارك توقفت.",
    ] {
        assert!(spans(text, "denial").is_empty(), "{text}: {:?}", spans(text, "denial"));
    }
}

#[test]
fn project_patterns_suggest_their_label() {
    let patterns =
        [crate::model::Pattern {
            label: LabelId::new("claim"), phrase: "مصدر عسكري".into(), regex: false
        }];
    let text = "وقال مصدرٌ عسكريّ إن الهجوم فشل";
    let found = suggest_text(text, &labels(&["figure"]), &patterns);
    assert!(found.is_empty(), "only the labels asked for");
    let found = suggest_text(text, &labels(&["claim"]), &patterns);
    let rules: Vec<&str> = found.iter().map(|s| s.rule.as_str()).collect();
    assert_eq!(rules, ["pattern", "claim:verb"], "{found:?}");
}

#[test]
fn adding_suggestions_never_duplicates_and_respects_rejections() {
    use crate::model::Rejection;
    let mut project = Project::new("t");
    let text = "قتل 12 مدنياً وأصيب 30 شخصاً.";
    project.push_document(Document::new(DocId::new("d"), "d.txt", text.into()));
    let found = suggest_project(&project, &labels(&["figure"]));
    assert_eq!(found.len(), 2);
    project.rejected.push(Rejection {
        annotator: "amal".into(),
        doc: DocId::new("d"),
        start: found[1].1.range.start,
        end: found[1].1.range.end,
        label: LabelId::new("figure"),
    });
    let added = add_suggestions(&mut project, "amal", &found, Timestamp(5));
    assert_eq!(added.len(), 1);
    let span = &project.layers["amal"].spans(&DocId::new("d"))[0];
    assert_eq!(span.origin, Origin::Suggested { rule: "figure:digits".into() });
    assert!(
        add_suggestions(&mut project, "amal", &found, Timestamp(6)).is_empty(),
        "re-running adds nothing"
    );
    assert!(project.validate().is_empty());
}

/// The window's run and the command line's are one: the same suggestions for the documents
/// asked, in their order, over several threads; a cancel stops it with no answer.
#[test]
fn documents_are_suggested_in_parallel_in_order_and_can_be_cancelled() {
    let mut project = Project::new("t");
    for i in 0..100 {
        let text = format!("قتل {} مدنياً وأصيب 30 شخصاً.", i + 1);
        project.push_document(Document::new(DocId::new(format!("d{i}")), format!("d{i}.txt"), text));
    }
    let figure = labels(&["figure"]);
    let all = suggest_project(&project, &figure);
    assert_eq!(all.len(), 200);
    let asked: Vec<DocId> = ["d70", "d3"].iter().map(|id| DocId::new(*id)).collect();
    let calls = AtomicUsize::new(0);
    let some = suggest_documents(&project, &figure, Some(&asked), &|done, total| {
        calls.fetch_add(1, Ordering::Relaxed);
        assert!(done <= total && total == 2);
        true
    })
    .unwrap();
    let ids: Vec<&str> = some.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["d70", "d70", "d3", "d3"], "in the order asked");
    assert_eq!(calls.load(Ordering::Relaxed), 2);
    assert!(suggest_documents(&project, &figure, None, &|done, _| done < 10).is_none(), "cancelled");
}
