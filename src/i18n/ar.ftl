# الرسائل العربية لنافذة حاشية. المعرّفات نفسها في en.ftl.

## أوامر النافذة (عناصر القوائم)
cmd-new-project = مشروع جديد…
cmd-open = فتح…
cmd-save = حفظ
cmd-save-as = حفظ باسم…
cmd-import-texts = استيراد نصوص…
cmd-import-folder = استيراد مجلد…
cmd-import-annotations = استيراد تعليقات (jsonl وdoccano وProdigy وbrat وLabel Studio)…
cmd-export = تصدير…
cmd-merge-colleague = دمج مشروع زميل…
cmd-undo = تراجع
cmd-redo = إعادة
cmd-redo-alt = إعادة
cmd-next-document = المستند التالي
cmd-previous-document = المستند السابق
cmd-next-span = المقطع التالي
cmd-previous-span = المقطع السابق
cmd-mark-done = وسم المستند منجزًا
cmd-delete-span = حذف المقطع
cmd-edit-note = ملاحظة على المقطع…
cmd-search = بحث…
cmd-zoom-in = تكبير
cmd-zoom-out = تصغير
cmd-zoom-reset = الحجم الأصلي
cmd-edit-labels = تحرير التسميات…
cmd-toggle-theme = تبديل السمة الداكنة
cmd-performance = الأداء…
cmd-team-progress = تقدّم الفريق…
cmd-pick-label = اختر تسمية…
cmd-guidelines = الإرشادات
cmd-learn-from-spans = تعلّم من مقاطعي
cmd-suggest-with-model = اقترح بالنموذج في هذه الوثيقة
cmd-suggest-with-model-all = اقترح بالنموذج في كل الوثائق
cmd-most-uncertain-document = انتقل إلى الوثيقة الأقل يقينًا لدى النموذج
cmd-next-undecided = العنصر التالي غير المحسوم
cmd-review-mode = وضع المراجعة
cmd-agreement = الاتفاق…
cmd-copy-selection = نسخ
cmd-next-disagreement = الخلاف التالي
cmd-previous-disagreement = الخلاف السابق
cmd-accept-first = قبول مقاطع المعلّق الأول
cmd-accept-second = قبول مقاطع المعلّق الثاني
cmd-use-selection = استخدام التحديد بدلًا منها
cmd-reject-disagreement = رفض (لا شيء يذهب إلى المرجع)
cmd-move-end-left = تحريك نهاية المقطع يسارًا
cmd-move-end-right = تحريك نهاية المقطع يمينًا
cmd-move-start-left = تحريك بداية المقطع يسارًا
cmd-move-start-right = تحريك بداية المقطع يمينًا
cmd-suggest-document = اقتراح في هذا المستند
cmd-suggest-all = اقتراح في كل المستندات
cmd-accept-suggestion = قبول الاقتراح
cmd-reject-suggestion = رفض الاقتراح
cmd-accept-all-of-label = قبول كل اقتراحات تسميته هنا
cmd-edit-patterns = أنماط المشروع…
cmd-start-link = ربط المقطع المحدد…
cmd-link-next-target = الربط بالمقطع التالي
cmd-link-previous-target = الربط بالمقطع السابق
cmd-link-finish = إنشاء الرابط (أول نوع مناسب)
cmd-link-cancel = إلغاء الرابط
cmd-accept-agreed = قبول ما يتفق عليه كل المعلّقين في المرجع

## القوائم
menu-file = ملف
menu-edit = تحرير
menu-view = عرض
menu-suggest = اقتراح
menu-review = مراجعة
menu-recent = المشاريع الأخيرة
menu-language = اللغة
language-arabic-digits = أرقام هندية (٠١٢)

## شريط الحالة
status-saving = جارٍ الحفظ…
status-unsaved = تغييرات غير محفوظة
status-unsaved-recovery = تغييرات غير محفوظة (كُتبت نسخة استرداد { $ago } في { $file })
status-autosave-failed = فشل الحفظ التلقائي: { $error }
status-opened = فُتح { $path } { $ago }
status-saved = حُفظ { $path } { $ago }
status-not-saved = لم يُحفظ في ملف بعد
status-no-project = لا مشروع مفتوح
status-annotator = المعلّق: { $name }
status-selection = التحديد { $start }..{ $end } ({ $count ->
    [zero] لا أحرف
    [one] حرف واحد
    [two] حرفان
    [few] { $count } أحرف
    [many] { $count } حرفًا
   *[other] { $count } حرف
})

## الأوقات
time-seconds-ago = قبل { $n } ث
time-minutes-ago = قبل { $n } د
time-hours-ago = قبل { $n } س
time-just-now = الآن

## الأسئلة
ask-name-title = من يعلّق؟
ask-name-body = يُسجَّل اسمك على كل مقطع تنشئه.
ask-name-hint = اسمك
button-ok = موافق
button-save = حفظ
button-cancel = إلغاء
button-close = إغلاق
discard-title = تغييرات غير محفوظة
discard-body = في المشروع تغييرات لم تُحفظ.
discard-discard = تجاهل التغييرات
recover-title = استرداد العمل غير المحفوظ؟
recover-body = وجد حاشية عملًا حُفظ تلقائيًا { $ago } ولم يُحفظ في المشروع قط.
recover-recover = استرداد
recover-discard = تجاهله
changed-title = تغيّر ملف المشروع على القرص
changed-body = غيّر أحدهم (نافذة أخرى أو زميل أو git) الملف منذ فتحته.
changed-overwrite = استبدله بنسختي
changed-elsewhere = احفظ نسختي في مكان آخر…
note-title = ملاحظة
note-on-span = على { $label }: «{ $text }»
note-save = حفظ الملاحظة

## شريط البحث
search-find = بحث
search-hint = كلمة، بالحركات أو بدونها
search-this-document = هذا المستند
search-all-documents = كل المستندات
search-next = التالي
search-hits = { $count ->
    [zero] لا نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $count } نتائج
    [many] { $count } نتيجة
   *[other] { $count } نتيجة
}
search-place-hits = { $place } من { $count ->
    [zero] لا نتائج
    [one] نتيجة واحدة
    [two] نتيجتين
    [few] { $count } نتائج
    [many] { $count } نتيجة
   *[other] { $count } نتيجة
}

## الحالات الفارغة
empty-no-project = افتح مشروعًا (Ctrl+O) أو أفلت ملف ‎.ron هنا.
empty-no-documents = لا مستندات في هذا المشروع بعد: استورد نصوصًا بـ Ctrl+I أو أفلت ملفات ‎.txt هنا.
review-mode-hint = وضع المراجعة: مقاطع المرجع ممتلئة، وتحت كل معلّق خط بلونه.
show-layers = إظهار الطبقات:

## المستندات في القائمة
documents-count = { $count ->
    [zero] لا مستندات
    [one] مستند واحد
    [two] مستندان
    [few] { $count } مستندات
    [many] { $count } مستندًا
   *[other] { $count } مستند
}

## ما يحتاجه التعديل أولًا، وسبب فشله
error-no-project = افتح مشروعًا أو أنشئ واحدًا أولًا.
error-no-document = افتح مستندًا أولًا.
error-no-annotator = اذكر من يعلّق أولًا.
error-reserved-name = «{ $name }» اسم طبقة المراجعة، وليس اسم معلّق؛ اختر اسمًا آخر.
error-nothing-selected = حدّد نصًا أولًا، ثم اضغط مفتاح التسمية.
error-no-span-selected = حدّد مقطعًا أولًا (انقر عليه، أو Tab).
error-no-such-span = لم يعد ذلك المقطع موجودًا.
error-not-a-suggestion = حدّد مقطعًا مقترحًا أولًا (إطار متقطع؛ Tab ينتقل إليه).
error-not-reviewing = يعمل هذا في وضع المراجعة (Ctrl+R).
error-no-disagreement = لم يبق خلاف في هذا المستند.
error-no-selection-for-decision = حدّد النص الذي تقبله بدلًا منه، ثم اضغط E.
error-not-linking = اضغط L ومقطعٌ محدد لتبدأ رابطًا.
error-no-link-target = اختر المقطع الذي تربط به: انقر عليه، أو اضغط Tab.
error-link-to-itself = لا يُربط مقطع بنفسه؛ اختر غيره.
error-link-exists = هذا الرابط موجود من قبل.
error-no-relation-type = ليس في المشروع نوع علاقة كهذا.
error-link-not-allowed = «{ $kind }» لا يصل { $head } بـ { $tail }؛ اختر نوعًا أو هدفًا آخر.
error-no-type-fits = لا نوع علاقة يصل { $head } بـ { $tail }؛ أضف واحدًا في تحرير التسميات، أو اختر هدفًا آخر.
error-no-such-attribute = ليس لتسمية هذا المقطع سمة «{ $name }».
error-bad-attribute-value = «{ $name }» تأخذ قيمة من نوع { $kind }.
error-command = تعذّر تطبيق التغيير: { $detail }
error-decision = تعذّر تسجيل القرار: { $detail }

## قائمة المقاطع
spans-heading = المقاطع ({ $count })
spans-empty = حدّد نصًا، ثم اضغط مفتاح تسمية (1، 2، 3…) أو انقر زرها.
spans-link-target = هدف الرابط
spans-suggested = مقترح
spans-attribute-hint = سمة؛ حرّرها فوق القائمة والمقطع محدد
spans-link-from-this = رابط من هذا المقطع
spans-link-to-this = رابط إلى هذا المقطع
spans-delete = حذف
spans-delete-link-hint = حذف هذا الرابط (التراجع يعيده)
spans-go-to-linked = الانتقال إلى المقطع المربوط
spans-link-from = رابط من
spans-link-to = إلى
spans-type-does-not-fit = هذا النوع لا يربط هاتين التسميتين
spans-pick-target = انقر المقطع الذي تربط به، أو اضغط Tab.
spans-cancel-link = إلغاء (Esc)
spans-attributes-of = سمات { $label }
spans-label = تسمية
spans-relabel = تغيير التسمية
spans-note = ملاحظة
spans-link = ربط
spans-link-hint = ربط بمقطع آخر
spans-accept = قبول
spans-reject = رفض

## الرسائل
toast-wait-transfer = انتظر حتى ينتهي الاستيراد أو التصدير الجاري.
toast-wait-job = انتظر حتى تنتهي المهمة الجارية.
toast-pick-link-target = اختر المقطع الذي تربط به (انقر عليه، أو Tab)، ثم مفتاح النوع أو Enter. Esc يلغي.
toast-reload-failed = تعذّرت إعادة تحميل المشروع المحفوظ: { $error }
toast-nothing-agreed = لا جديد يتفق عليه كل المعلّقين هنا.
toast-accepted-agreed = { $count ->
    [zero] لم يُقبل شيء في المرجع.
    [one] قُبل مقطع أو رابط واحد يتفق عليه كل المعلّقين في المرجع (Ctrl+Z يعيده).
    [two] قُبل اثنان من المقاطع والروابط التي يتفق عليها كل المعلّقين في المرجع (Ctrl+Z يعيدهما).
    [few] قُبلت { $count } مقاطع وروابط يتفق عليها كل المعلّقين في المرجع (Ctrl+Z يعيدها).
    [many] قُبل { $count } مقطعًا ورابطًا يتفق عليها كل المعلّقين في المرجع (Ctrl+Z يعيدها).
   *[other] قُبل { $count } مقطع ورابط يتفق عليها كل المعلّقين في المرجع (Ctrl+Z يعيدها).
}
toast-accepted-suggestions = { $count ->
    [zero] لم يُقبل أي اقتراح.
    [one] قُبل اقتراح واحد.
    [two] قُبل اقتراحان.
    [few] قُبلت { $count } اقتراحات.
    [many] قُبل { $count } اقتراحًا.
   *[other] قُبل { $count } اقتراح.
}
toast-closing = سيُغلق بعد كتابة الحفظ…
toast-open-failed = تعذّر فتح المشروع: { $error }
toast-recovered = استُرد العمل غير المحفوظ. احفظ لتبقيه.
toast-recovery-failed = تعذّرت قراءة الحفظ التلقائي: { $error }
toast-create-failed = تعذّر إنشاء المشروع: { $error }
toast-save-failed = تعذّر الحفظ: { $error }
toast-save-failed-both = تعذّر الحفظ (ولم يتم الحفظ المطلوب بعده أيضًا): { $error }
toast-imported-documents = { $count ->
    [zero] لم يُستورد أي مستند.
    [one] استُورد مستند واحد.
    [two] استُورد مستندان.
    [few] استُوردت { $count } مستندات.
    [many] استُورد { $count } مستندًا.
   *[other] استُورد { $count } مستند.
}
toast-import-needs-project = افتح مشروعًا أو أنشئ واحدًا قبل استيراد التعليقات.
toast-exported = صُدّر { $documents } مستند و{ $spans } مقطع ({ $layers }) إلى { $path }
toast-imported-annotations = { $files ->
    [one] استُورد ملف تعليقات واحد
    [two] استُورد ملفا تعليقات
    [few] استُوردت { $files } ملفات تعليقات
   *[other] استُورد { $files } ملف تعليقات
}؛ في التقرير { $lines } سطر.
toast-no-suggestions = لا اقتراحات جديدة.
toast-suggestions-added = { $count ->
    [one] أُضيف اقتراح واحد (متقطع): Y يقبل، X يرفض، Tab ينتقل.
    [two] أُضيف اقتراحان (متقطعان): Y يقبل، X يرفض، Tab ينتقل.
    [few] أُضيفت { $count } اقتراحات (متقطعة): Y يقبل، X يرفض، Tab ينتقل.
    [many] أُضيف { $count } اقتراحًا (متقطعًا): Y يقبل، X يرفض، Tab ينتقل.
   *[other] أُضيف { $count } اقتراح (متقطع): Y يقبل، X يرفض، Tab ينتقل.
}
toast-agreement-failed = فشل حساب الاتفاق: { $error }
toast-job-failed = فشلت المهمة ({ $job }): { $error }
toast-dismiss-all = إخفاء الكل
toast-details = التفاصيل…
toast-dismiss = إخفاء
toast-details-title = التفاصيل
toast-copy-all = نسخ الكل

## قائمة المستندات وحالة المستند
documents-heading = المستندات
documents-assigned-to-me = المسندة إليّ
documents-done = أُنجز { $done } من { $total }
documents-shown = المستندات المعروضة
documents-all = الكل
status-new = جديد
status-in-progress = قيد العمل
status-done = منجز

## محرر التسميات
labels-title = التسميات
labels-name = الاسم
labels-colour = اللون
labels-key = المفتاح
labels-delete = حذف
labels-delete-label = حذف التسمية
labels-guideline = الإرشاد
labels-attributes = السمات
labels-attributes-hint = ما تحمله مقاطع هذه التسمية، مثلًا value: number، unit: text، counts: killed | injured | other، named: yes/no
labels-attributes-placeholder = value: number, unit: text
labels-spans-use = { $count ->
    [one] مقطع واحد يستخدم «{ $name }». أتحذف التسمية وذلك المقطع؟
    [two] مقطعان يستخدمان «{ $name }». أتحذف التسمية والمقطعين؟
    [few] { $count } مقاطع تستخدم «{ $name }». أتحذف التسمية وتلك المقاطع؟
    [many] { $count } مقطعًا يستخدم «{ $name }». أتحذف التسمية وتلك المقاطع؟
   *[other] { $count } مقطع يستخدم «{ $name }». أتحذف التسمية وتلك المقاطع؟
}
labels-delete-with-spans = حذف التسمية والمقاطع
labels-keep = إبقاؤها
labels-add = إضافة تسمية
labels-add-link-type = إضافة نوع رابط
labels-apply = تطبيق
labels-link-types = أنواع الروابط
labels-link-types-hint = L يربط المقطع المحدد؛ ومفتاح النوع يختار النوع
labels-delete-link-type = حذف نوع الرابط
labels-from = من
labels-from-hint = معرّفات التسميات التي يبدأ منها الرابط؛ فارغ لأيٍّ منها
labels-to = إلى
labels-to-hint = معرّفات التسميات التي يشير إليها الرابط؛ فارغ لأيٍّ منها
labels-any = أي
labels-error-no-name = كل تسمية تحتاج اسمًا.
labels-error-type-no-name = كل نوع رابط يحتاج اسمًا.
labels-error-not-a-key = «{ $key }» لا يصلح مفتاحًا: استخدم رقمًا أو حرفًا لاتينيًا.
labels-error-key-used = المفتاح «{ $key }» مستخدم من قبل لـ«{ $command }».
labels-error-key-twice = المفتاح «{ $key }» مُعطى لـ«{ $first }» و«{ $second }» معًا.

## أنماط المشروع
patterns-title = أنماط المشروع
patterns-intro = عبارات تقترح تسمية حيثما وردت (تُهمل الحركات والتطويل وصور الألف).
patterns-phrase = العبارة
patterns-add = إضافة نمط

## منتقي الملفات
chooser-up = أعلى
chooser-up-hint = المجلد الأعلى
chooser-folder = المجلد:
chooser-file-name = اسم الملف:
chooser-nothing = لا شيء للاختيار هنا.

## المهام في الخلفية ونافذة التصدير
job-export = التصدير
job-import = الاستيراد
job-agreement = الاتفاق
job-suggest = الاقتراحات
job-exporting = تصدير { $format } إلى { $path }
job-importing = استيراد التعليقات
job-computing-agreement = حساب الاتفاق
job-suggesting = اقتراح { $labels }
job-starting = يبدأ
job-progress = { $stage } { $done } من { $total }
export-title = تصدير
export-offsets = المواضع نقاط ترميز يونيكود في النص المخزَّن (فهارس str في بايثون).
export-format = الصيغة
export-layer = الطبقة
export-layer-default = المرجع إن حُكِّم، وإلا كل المعلّقين
export-layer-gold = المرجع
export-labels = التسميات:
export-documents = المستندات
export-any-status = أي حالة
export-button = تصدير…

## الأداء
performance-title = الأداء
performance-intro = آخر { $recent } إطار ({ $total } رُسم منذ فتح النافذة). الأزمنة بالمللي ثانية.
performance-count = العدد
performance-frame = الإطار (الواجهة)
performance-input = من الإدخال إلى الإطار
performance-total = الإطار كاملًا
performance-notes = الإطار: عمل التطبيق في كل إطار. من الإدخال إلى الإطار: من حدث لوحة المفاتيح أو الفأرة إلى نهاية الإطار الذي عالجه. الإطار كاملًا: مع الرسم. عيّن HASHIYA_FRAME_STATS=FILE لتُكتب هذه الأرقام في FILE عند الخروج.
labels-error-attributes = سمات «{ $label }»: { $error }
labels-error-no-such-label = نوع الرابط «{ $name }»: لا تسمية «{ $id }» (استخدم معرّفات التسميات: { $ids }).
labels-error-type-twice = نوعا رابط باسم «{ $id }».
import-already = { $count ->
    [one] ملف واحد كان في المشروع من قبل.
    [two] ملفان كانا في المشروع من قبل.
    [few] { $count } ملفات كانت في المشروع من قبل.
    [many] { $count } ملفًا كانت في المشروع من قبل.
   *[other] { $count } ملف كانت في المشروع من قبل.
}
import-refused = { $count ->
    [one] ملف واحد لم يُستورد.
    [two] ملفان لم يُستوردا.
    [few] { $count } ملفات لم تُستورد.
    [many] { $count } ملفًا لم تُستورد.
   *[other] { $count } ملف لم يُستورد.
}
import-already-line = مستورد من قبل: { $reason } — { $path }
import-refused-line = لم يُستورد: { $reason } — { $path }
start-sample-failed = تعذّرت كتابة مشروع المثال: { $error }

# learning (window)
learning-model-loaded = قُرئ النموذج المحفوظ بجانب المشروع ({ $labels ->
    [zero] بلا تصنيفات
    [one] تصنيف واحد
    [two] تصنيفان
    [few] { $labels } تصنيفات
    [many] { $labels } تصنيفًا
   *[other] { $labels } تصنيف
}): اقتراح > اقترح بالنموذج. { $path }
learning-model-refused = لم يُستعمل النموذج الذي بجانب المشروع: { $error }
learning-labels-missing = ليس في المشروع الوسم { $labels } الذي يعرفه النموذج: لا تُقترح مقاطع تلك الوسوم (أضف الوسوم لتُقترح).
learning-model-not-saved = تعلّم النموذج لكن تعذّر حفظه بجانب المشروع: { $error }
learning-suggesting-title = الاقتراح بالنموذج
learning-suggesting-cancel = إلغاء
learning-suggesting-cancelled = أُلغي الاقتراح؛ لم يُضف شيء.
learning-retrain-after = أعد تدريب النموذج بعد
learning-retrain-spans = مقاطع جديدة أو مقبولة أو مرفوضة
learning-retrain-hint = حين يوجد نموذج يُدرَّب من جديد في الخلفية بعد هذا العدد من المقاطع الجديدة أو المقبولة أو المرفوضة (0: لا يُعاد تدريبه من تلقاء نفسه).
documents-order = الترتيب
documents-order-project = ترتيب المشروع
documents-order-uncertain = الأقل يقينًا أولًا
documents-order-uncertain-needs-model = تعلّم من مقاطعك أولًا (اقتراح > تعلّم من مقاطعي).
## لوحة المراجعة
review-heading = المراجعة
review-all-decided = حُسمت كل البنود في هذا المستند.
review-spans = { $count ->
    [zero] لا مقاطع
    [one] مقطع واحد
    [two] مقطعان
    [few] { $count } مقاطع
    [many] { $count } مقطعًا
   *[other] { $count } مقطع
}
review-links = { $count ->
    [zero] لا روابط
    [one] رابط واحد
    [two] رابطان
    [few] { $count } روابط
    [many] { $count } رابطًا
   *[other] { $count } رابط
}
review-spans-and-links = { $spans } و{ $links }
review-nothing-agreed = لا جديد يتفق عليه المعلّقان هنا.
review-accepted = قُبل في المرجع: { $what } (Ctrl+Z يعيدها).
review-hint = { $undecided } البند التالي غير المحسوم · { $next }/{ $previous } التالي/السابق · { $a } = { $first } · { $b } = { $second } · { $selection } استخدام التحديد · { $reject } رفض
review-legend-under = تحت النص:
review-legend-slot = { $slot } = { $name }
review-legend-marks = · المرجع ممتلئ · البند الحالي مؤطَّر
review-as-key = بالمفتاح { $key }
review-you = { $name } (أنت)
review-own-layer = طبقتك أنت إحدى الطبقتين المقارَنتين.
review-agreed-offer = يتفق { $first } و{ $second } على { $what }: أتقبلها في المرجع؟
review-accept-into-gold = قبول في المرجع ({ $key })
review-needs-two = تقارن المراجعة بين معلّقَين؛ وفي هذا المشروع أقل من ذلك.
review-progress = { $items ->
    [zero] لا بنود
    [one] بند واحد
    [two] بندان
    [few] { $items } بنود
    [many] { $items } بندًا
   *[other] { $items } بند
} · { $decided } محسوم · { $remaining } متبقٍّ
review-gold-spans = { $count ->
    [zero] لا مقاطع مرجعية في هذا المستند
    [one] مقطع مرجعي واحد في هذا المستند
    [two] مقطعان مرجعيان في هذا المستند
    [few] { $count } مقاطع مرجعية في هذا المستند
    [many] { $count } مقطعًا مرجعيًا في هذا المستند
   *[other] { $count } مقطع مرجعي في هذا المستند
}
review-decided = محسوم
review-undecided = غير محسوم
review-item-gold = المرجع: { $count }
review-no-link = لا رابط
review-name-value = { $name }: { $value }
review-nothing-from = { $name }: لا شيء
review-kind-label = النطاق نفسه بتسمية مختلفة
review-kind-boundary = اختلاف في الحدود
review-kind-only-in = عند { $names } وحده
review-kind-values = السمات مختلفة
review-kind-links = الروابط مختلفة

## الإرشادات
guidelines-title = الإرشادات
guidelines-key = المفتاح { $key }
guidelines-attributes = السمات: { $list } (* إلزامية)
guidelines-any-label = أي تسمية
guidelines-joins = من { $from } إلى { $to }

## منتقي التسميات
picker-title = اختيار تسمية
picker-hint = اكتب للتصفية
picker-no-match = لا تسمية مطابقة.

## التعلّم من مقاطع المحلّل
learn-started = جارٍ التعلّم من مقاطعك في الخلفية…
learn-cannot = تعذّر التعلّم: { $error }
learn-first = تعلّم من مقاطعك أولًا (اقتراح > تعلّم من مقاطعي).
learn-no-document-left = لم يبق مستند آخر للتعليق.
learn-no-suggestions = ليس لدى النموذج اقتراحات جديدة.
learn-suggestions = { $count ->
    [zero] لا اقتراحات من النموذج.
    [one] اقتراح واحد من النموذج (متقطع): Y يقبل، X يرفض، Tab ينتقل.
    [two] اقتراحان من النموذج (متقطعان): Y يقبل، X يرفض، Tab ينتقل.
    [few] { $count } اقتراحات من النموذج (متقطعة): Y يقبل، X يرفض، Tab ينتقل.
    [many] { $count } اقتراحًا من النموذج (متقطعًا): Y يقبل، X يرفض، Tab ينتقل.
   *[other] { $count } اقتراح من النموذج (متقطع): Y يقبل، X يرفض، Tab ينتقل.
}
learn-progress-title = التعلّم من مقاطعك
learn-labels = { $count ->
    [zero] لا تسميات
    [one] تسمية واحدة
    [two] تسميتان
    [few] { $count } تسميات
    [many] { $count } تسمية
   *[other] { $count } تسمية
}
learn-trained = تُعلِّمت { $labels } من { $spans ->
    [zero] لا مقاطع
    [one] مقطع واحد
    [two] مقطعين
    [few] { $spans } مقاطع
    [many] { $spans } مقطعًا
   *[other] { $spans } مقطع
}: اقتراح > اقترح بالنموذج.
learn-cancelled = أُلغي التعلّم؛ وبقي النموذج السابق.
learn-crashed = توقف التعلّم على نحو غير متوقع.

## تقدّم الفريق
team-title = تقدّم الفريق
team-refresh = تحديث
team-changed-since = (تغيّر المشروع منذ ذلك الحين)
team-summary = { $documents ->
    [zero] لا مستندات
    [one] مستند واحد
    [two] مستندان
    [few] { $documents } مستندات
    [many] { $documents } مستندًا
   *[other] { $documents } مستند
}، منها { $shared } مشتركة بين معلّقَين؛ و{ $missing ->
    [zero] لا مقاطع تنقصها
    [one] مقطع واحد تنقصه
    [two] مقطعان تنقصهما
    [few] { $missing } مقاطع تنقصها
    [many] { $missing } مقطعًا تنقصه
   *[other] { $missing } مقطع تنقصه
} قيمة إلزامية
team-none-assigned = لم يُسنَد أي مستند بعد: hashiya assign FILE.ron --annotators a,b,c
team-done-per-day = المستندات المنجزة في كل يوم
team-spans-per-label = المقاطع لكل تسمية
team-agreement = الاتفاق على المستندات المشتركة (F1 بالتداخل)
team-missing = مقاطع بلا قيمة إلزامية
team-done-of = أُنجز { $done } من { $assigned }
team-never = أبدًا
team-annotator-figures = { $in_progress } قيد العمل · { $untouched } لم يُمسّ · { $spans ->
    [zero] لا مقاطع
    [one] مقطع واحد
    [two] مقطعان
    [few] { $spans } مقاطع
    [many] { $spans } مقطعًا
   *[other] { $spans } مقطع
} · نشط { $active } · آخر نشاط { $last }
team-nothing-done = لم يُنجز أي مستند بعد.
team-bar-value = { $name }: { $count }
team-bar-label = { $name } { $label }: { $count }
team-pair = { $a } مقابل { $b }: { $documents ->
    [zero] لا مستندات
    [one] مستند واحد
    [two] مستندان
    [few] { $documents } مستندات
    [many] { $documents } مستندًا
   *[other] { $documents } مستند
}، F1 بالتداخل { $f1 }، alpha_u { $alpha }
team-bin = F1 { $from }–{ $to }: { $count }
team-documents-series = المستندات
team-least-agreed = الأقل اتفاقًا أولًا؛ انقر مستندًا لمراجعته:
team-least-doc = { $doc } ({ $a } مقابل { $b }، { $f1 })
team-all-valued = لكل مقطع قيمه الإلزامية.
team-doc-count = { $doc } ({ $count })

## لوحة الاتفاق
agree-title = الاتفاق
agree-recompute = إعادة الحساب
agree-computing = جارٍ الحساب…
agree-summary = { $annotators } · { $documents ->
    [zero] لا مستندات
    [one] مستند واحد
    [two] مستندان
    [few] { $documents } مستندات
    [many] { $documents } مستندًا
   *[other] { $documents } مستند
}، عمل عليها جميعهم { $compared } · { $tokens } كلمة · { $characters } حرف · IoU ≥ { $iou }
agree-warnings = تحذيرات
agree-bars = الأشرطة:
agree-bars-reading = (الفاتح بعد الداكن: المقاطع نفسها بحدود أخرى)
agree-spans = المقاطع
agree-across = بين كل المعلّقين
agree-links = الروابط
agree-figure-values = قيم الأرقام
agree-documents = المستندات، الأقل اتفاقًا أولًا (انقر للمراجعة)
agree-value-of = { $value } ({ $same } من { $both })
agree-not-annotated-by = لم يعلّق عليه { $names }
agree-pair = الزوج
agree-label = التسمية
agree-docs = المستندات
agree-exact-f1 = F1 المطابق
agree-overlap-f1 = F1 بالتداخل
agree-kappa = كابا
agree-alpha-u = alpha_u
agree-alpha-chars = ألفا بالأحرف
agree-unmatched = غير المطابَق a / b
agree-type = النوع
agree-a = a
agree-b = b
agree-matched = المطابَق
agree-relation-f1 = F1 للروابط
agree-matched-figures = الأرقام المطابَقة
agree-both-valued = لها قيمتان
agree-same-value = القيمة نفسها
agree-value-agreement = اتفاق القيم
agree-valued-share = نسبة ذات القيمة
agree-document = المستند
agree-spans-column = المقاطع
agree-tip-exact-f1 = مقاطع علّمها الاثنان بالبداية والنهاية والتسمية نفسها (2 × التطابقات / كل المقاطع). إن كان أدنى بكثير من F1 بالتداخل فالمعلّقان يجدان الأشياء نفسها لكنهما يرسمان حدودها بطريقة مختلفة.
agree-tip-overlap-f1 = مقاطع متطابقة في التسمية ومتداخلة (IoU عند العتبة). إن انخفض فالمعلّقان يجدان أشياء مختلفة.
agree-tip-kappa = كابا كوهين على الكلمات: الاتفاق على تسمية كل كلمة بعد استبعاد المصادفة. 1 اتفاق تام، و0 مصادفة.
agree-tip-alpha-u = ألفا كريبندورف للتقطيع: أين تبدأ المقاطع وأين تنتهي وتسمياتها، بعد استبعاد المصادفة. ≥ 0.8 موثوق؛ 0.667–0.8 للاستنتاجات المبدئية فقط؛ دون 0.667 غير موثوق. وهو الرقم الذي يُذكر في التقارير.
agree-tip-alpha-chars = ألفا كريبندورف على الأحرف (كل حرف مسمًّى أو لا): العتبات نفسها التي لـ alpha_u؛ والحد المنزاح بحرف واحد يكلّف حرفًا واحدًا.
agree-tip-unmatched = مقاطع كل معلّق التي لا يقابلها تداخل في الجانب الآخر.
agree-tip-documents = المستندات التي عمل عليها الاثنان (منجزة، أو فيها مقطع لهما): تُحسب الأرقام عليها وحدها.
agree-tip-relation-f1 = روابط طرفاها مقطعان متطابقان ونوعاها متفقان (2 × التطابقات / كل الروابط).
agree-tip-value-agreement = من الأرقام المتطابقة التي أعطاها الاثنان قيمة، نسبة ما كانت قيمته واحدة.
agree-tip-valued-share = من الأرقام المتطابقة، نسبة ما أعطاه الاثنان قيمة: انخفاضها يعني قيمًا ناقصة، لا قيمًا مختلفة.
agree-tip-bar = الفاتح: F1 بالتداخل. الداكن: F1 المطابق. والجزء الفاتح بعد الداكن مقاطع وُجدت متشابهة لكن بحدود مختلفة.
toast-more = { $count ->
    [one] ورسالة أخرى
    [two] ورسالتان أخريان
    [few] و{ $count } رسائل أخرى
    [many] و{ $count } رسالة أخرى
   *[other] و{ $count } رسالة أخرى
}

## مربعات الملفات ومنتقي الملفات الخاص بالنافذة
dialog-open-project = فتح مشروع
dialog-new-project = مشروع جديد
dialog-save-project-as = حفظ المشروع باسم
dialog-import-texts = استيراد نصوص
dialog-import-folder = استيراد مجلد نصوص
dialog-import-annotations = استيراد تعليقات
dialog-merge = دمج مشاريع الزملاء
dialog-export-folder = تصدير إلى مجلد
dialog-export-file = تصدير إلى ملف
filter-project = مشروع حاشية
filter-text = نص
filter-annotations = تعليقات
filter-export = تصدير
chooser-cannot-open = تعذّر فتح { $path }: { $error }
chooser-no-such-folder = لا مجلد بهذا الاسم: { $path }
chooser-pick-first = اختر ملفًا أولًا.
chooser-type-name-first = اكتب اسم الملف أولًا.
chooser-already-exists = { $path } موجود من قبل: اضغط موافق مرة أخرى لاستبداله.
chooser-folders = المجلدات
chooser-folders-and-all = المجلدات وكل الملفات
chooser-folders-and = المجلدات وملفات { $kinds }

## محرر التسميات، تتمة
labels-error-attribute-no-name = «{ $item }» بلا اسم
labels-error-not-a-kind = «{ $kind }» ليس نوعًا: استخدم number أو text أو yes/no أو a | b | c
labels-error-attribute-twice = «{ $name }» معرَّفة مرتين
labels-new-label = تسمية { $n }
labels-new-link-type = رابط { $n }

## عرض المستند
doc-suggested-hover = { $name } — مقترح ({ $rule }): Y يقبل، X يرفض
dialog-unavailable = مربع الملفات الخاص بالنظام غير متاح: { $problem }. يُستخدم منتقي الملفات الخاص بحاشية بدلًا منه. لاستخدام مربعات النظام، ثبّت بوابة سطح المكتب XDG مع واجهة خلفية (في دبيان وأوبونتو: xdg-desktop-portal و xdg-desktop-portal-gtk).
portal-no-bus = لا يوجد ناقل جلسة D-Bus للوصول إلى بوابة سطح المكتب ({ $error })
portal-not-running = بوابة سطح المكتب XDG ‏(org.freedesktop.portal.Desktop) غير مثبّتة أو لا تعمل
portal-no-chooser = ليس في بوابة سطح المكتب XDG منتقٍ للملفات ({ $error })
portal-no-answer = لم تُجب بوابة سطح المكتب خلال 5 ثوانٍ

## دمج مشاريع الزملاء
toast-merge-unreadable = تعذّرت قراءة مشروع الزميل: { $error }
toast-merged = { $count ->
    [zero] لم يُدمج أي مستند معلّق من { $from }
    [one] دُمج مستند معلّق واحد من { $from }
    [two] دُمج مستندان معلّقان من { $from }
    [few] دُمجت { $count } مستندات معلّقة من { $from }
    [many] دُمج { $count } مستندًا معلّقًا من { $from }
   *[other] دُمج { $count } مستند معلّق من { $from }
}
toast-merged-unmatched = { $count ->
    [zero] لم يُدمج أي مستند معلّق من { $from }
    [one] دُمج مستند معلّق واحد من { $from }
    [two] دُمج مستندان معلّقان من { $from }
    [few] دُمجت { $count } مستندات معلّقة من { $from }
    [many] دُمج { $count } مستندًا معلّقًا من { $from }
   *[other] دُمج { $count } مستند معلّق من { $from }
}؛ و{ $unmatched } من مستنداتهم نصوصها ليست في هذا المشروع (لم تُدمج)
job-stage-reading = قراءة
job-stage-importing = استيراد
job-stage-exporting = تصدير
job-stage-suggesting = اقتراح

# أخطاء ملفات المشروع والاستيراد والتعديلات والمهام كما تعرضها النافذة
store-io = { $action ->
    [read] تعذّرت قراءة { $path }: { $error }
    [inspect] تعذّر فحص { $path }: { $error }
    [write] تعذّرت كتابة { $path }: { $error }
    [create] تعذّر إنشاء { $path }: { $error }
    [temporary] تعذّر إنشاء ملف مؤقت بجانب { $path }: { $error }
    [lock] تعذّر قفل { $path }: { $error }
    [backup] تعذّر الاحتفاظ بالنسخة الاحتياطية من { $path }: { $error }
    [flush] تعذّرت كتابة { $path } على القرص كاملًا: { $error }
    [remove] تعذّر حذف { $path }: { $error }
    [replace] تعذّر استبدال { $path }: { $error }
    [permissions] تعذّر ضبط أذونات { $path }: { $error }
   *[other] تعذّر استخدام { $path }: { $error }
}
store-input = تعذّرت قراءة { $path }: { $error }
store-not-regular = { $path } ليس ملفًا عاديًا؛ لم يُستبدل.
store-read-only = { $path } للقراءة فقط؛ لم يُستبدل (اجعله قابلًا للكتابة أولًا).
store-parse = { $path }، السطر { $line }، العمود { $col }: ليس ملف مشروع صالحًا: { $message }
store-newer-version = { $path } بصيغة الإصدار { $found }، وهذه النسخة من حاشية تقرأ الإصدارات حتى { $supported }؛ افتحه بنسخة أحدث من حاشية (لم يتغيّر الملف).
store-unknown-version = { $path }: إصدار الصيغة { $found } ليس إصدارًا معروفًا لملفات المشروع.
store-invalid = { $count ->
    [zero] { $path }: المشروع غير متّسق؛ لم يُفتح:
    [one] { $path }: المشروع غير متّسق (مشكلة واحدة)؛ لم يُفتح:
    [two] { $path }: المشروع غير متّسق (مشكلتان)؛ لم يُفتح:
    [few] { $path }: المشروع غير متّسق ({ $count } مشكلات)؛ لم يُفتح:
    [many] { $path }: المشروع غير متّسق ({ $count } مشكلةً)؛ لم يُفتح:
   *[other] { $path }: المشروع غير متّسق ({ $count } مشكلة)؛ لم يُفتح:
}
store-unsavable = { $count ->
    [zero] { $path }: لم يُحفظ، فالمشروع غير متّسق؛ لم يتغيّر الملف:
    [one] { $path }: لم يُحفظ، فالمشروع غير متّسق (مشكلة واحدة)؛ لم يتغيّر الملف:
    [two] { $path }: لم يُحفظ، فالمشروع غير متّسق (مشكلتان)؛ لم يتغيّر الملف:
    [few] { $path }: لم يُحفظ، فالمشروع غير متّسق ({ $count } مشكلات)؛ لم يتغيّر الملف:
    [many] { $path }: لم يُحفظ، فالمشروع غير متّسق ({ $count } مشكلةً)؛ لم يتغيّر الملف:
   *[other] { $path }: لم يُحفظ، فالمشروع غير متّسق ({ $count } مشكلة)؛ لم يتغيّر الملف:
}
store-locked = { $seconds ->
    [zero] { $path } مقفل من نسخة أخرى من حاشية (استيراد أو دمج أو اقتراحات أو نافذة تحفظ)؛ حاول مرة أخرى حين تنتهي.
    [one] { $path } مقفل من نسخة أخرى من حاشية (استيراد أو دمج أو اقتراحات أو نافذة تحفظ) وبقي مقفلًا بعد ثانية واحدة؛ حاول مرة أخرى حين تنتهي.
    [two] { $path } مقفل من نسخة أخرى من حاشية (استيراد أو دمج أو اقتراحات أو نافذة تحفظ) وبقي مقفلًا بعد ثانيتين؛ حاول مرة أخرى حين تنتهي.
    [few] { $path } مقفل من نسخة أخرى من حاشية (استيراد أو دمج أو اقتراحات أو نافذة تحفظ) وبقي مقفلًا بعد { $seconds } ثوانٍ؛ حاول مرة أخرى حين تنتهي.
    [many] { $path } مقفل من نسخة أخرى من حاشية (استيراد أو دمج أو اقتراحات أو نافذة تحفظ) وبقي مقفلًا بعد { $seconds } ثانيةً؛ حاول مرة أخرى حين تنتهي.
   *[other] { $path } مقفل من نسخة أخرى من حاشية (استيراد أو دمج أو اقتراحات أو نافذة تحفظ) وبقي مقفلًا بعد { $seconds } ثانية؛ حاول مرة أخرى حين تنتهي.
}
store-changed-on-disk = تغيّر { $path } على القرص منذ فُتح؛ لم يُكتب فوقه (أعد تحميله، أو احفظ مع الاستبدال).
store-already-exists = { $path } موجود من قبل؛ لم يُكتب فوقه.
io-not-found = لا يوجد ملف أو مجلد بهذا الاسم
io-permission-denied = الإذن مرفوض
io-already-exists = موجود من قبل
io-is-a-folder = إنه مجلد
io-not-a-folder = جزء من المسار ليس مجلدًا
io-storage-full = القرص ممتلئ
io-read-only-filesystem = القرص للقراءة فقط
io-invalid-data = البيانات غير صالحة
input-not-regular = { $what ->
    [device] إنه جهاز لا ملف عادي؛ لا تُقرأ إلا الملفات العادية
    [pipe] إنه أنبوب مسمّى لا ملف عادي؛ لا تُقرأ إلا الملفات العادية
    [socket] إنه مقبس لا ملف عادي؛ لا تُقرأ إلا الملفات العادية
    [folder] إنه مجلد لا ملف عادي؛ لا تُقرأ إلا الملفات العادية
   *[other] ليس ملفًا عاديًا؛ لا تُقرأ إلا الملفات العادية
}
input-too-large = حجم الملف { $size } بايت، فوق الحد البالغ { $limit } بايت (1 غيبيبايت)
skip-unreadable = تعذّرت قراءته: { $error }
skip-invalid-utf8 = ليس نصًا بترميز UTF-8 (بايت غير صالح عند الموضع { $offset })؛ احفظه بترميز UTF-8 واستورده مرة أخرى
skip-utf16 = النص بترميز UTF-16 غير مدعوم؛ احفظه بترميز UTF-8 واستورده مرة أخرى
skip-binary = يبدو ملفًا ثنائيًا (بايت NUL عند الموضع { $offset })، لا ملفًا نصيًا
skip-empty = لا يحوي نصًا (فارغ، أو فيه مسافات ومحارف غير مرئية فقط)
skip-duplicate = نصه نص المستند «{ $doc }» الموجود في المشروع من قبل
skip-unsupported = ليس ملفًا يقرؤه هذا الاستيراد: { $detail }
command-no-document = لا يوجد مستند «{ $doc }»
command-no-span = لا يوجد المقطع { $id } في طبقة { $layer } من المستند «{ $doc }»
command-duplicate-span = معرّف المقطع { $id } مستخدم من قبل
command-bad-range = المقطع { $start }..{ $end } لا يقع داخل المستند ({ $len } محرفًا)
command-no-label = لا يوجد تصنيف «{ $label }»
command-duplicate-label = التصنيف «{ $label }» موجود من قبل
command-label-in-use = { $count ->
    [zero] التصنيف «{ $label }» ما زال مستخدمًا
    [one] التصنيف «{ $label }» ما زال يستخدمه مقطع واحد
    [two] التصنيف «{ $label }» ما زال يستخدمه مقطعان
    [few] التصنيف «{ $label }» ما زالت تستخدمه { $count } مقاطع
    [many] التصنيف «{ $label }» ما زال يستخدمه { $count } مقطعًا
   *[other] التصنيف «{ $label }» ما زال يستخدمه { $count } مقطع
}
command-hotkey-clash = المفتاح { $key } مستخدم من قبل لـ «{ $other }»
command-duplicate-document = معرّف المستند «{ $doc }» مستخدم من قبل
command-no-relation = لا يوجد الرابط { $id } في طبقة { $layer } من المستند «{ $doc }»
command-duplicate-relation = معرّف الرابط { $id } مستخدم من قبل
command-bad-relation = يحتاج الرابط إلى مقطعين من الطبقة: { $detail }
command-no-relation-type = لا يوجد نوع رابط «{ $kind }»
command-relation-type-in-use = { $count ->
    [zero] نوع الرابط «{ $kind }» ما زال مستخدمًا
    [one] نوع الرابط «{ $kind }» ما زال يستخدمه رابط واحد
    [two] نوع الرابط «{ $kind }» ما زال يستخدمه رابطان
    [few] نوع الرابط «{ $kind }» ما زالت تستخدمه { $count } روابط
    [many] نوع الرابط «{ $kind }» ما زال يستخدمه { $count } رابطًا
   *[other] نوع الرابط «{ $kind }» ما زال يستخدمه { $count } رابط
}
command-duplicate-relation-type = معرّف نوع الرابط «{ $kind }» مستخدم مرتين
command-bad-attribute = { $detail }
command-link-not-allowed = لا يصل رابط من نوع «{ $kind }» مقطعًا من «{ $head }» بمقطع من «{ $tail }»
command-attributes-in-use = { $count ->
    [zero] لا مقاطع مصنّفة «{ $label }» تحمل قيمًا يرفضها التصنيف بعد تغييره
    [one] مقطع واحد مصنّف «{ $label }» يحمل قيمًا لا يقبلها التصنيف بعد تغييره؛ غيّرها أو امحها أولًا
    [two] مقطعان مصنّفان «{ $label }» يحملان قيمًا لا يقبلها التصنيف بعد تغييره؛ غيّرها أو امحها أولًا
    [few] { $count } مقاطع مصنّفة «{ $label }» تحمل قيمًا لا يقبلها التصنيف بعد تغييره؛ غيّرها أو امحها أولًا
    [many] { $count } مقطعًا مصنّفًا «{ $label }» تحمل قيمًا لا يقبلها التصنيف بعد تغييره؛ غيّرها أو امحها أولًا
   *[other] { $count } مقطع مصنّف «{ $label }» تحمل قيمًا لا يقبلها التصنيف بعد تغييره؛ غيّرها أو امحها أولًا
}
command-links-not-allowed = { $count ->
    [zero] لا روابط من نوع «{ $kind }» يمنعها النوع بعد تغييره
    [one] رابط واحد من نوع «{ $kind }» يصل تصنيفين لا يسمح بهما النوع بعد تغييره؛ احذفه أولًا
    [two] رابطان من نوع «{ $kind }» يصلان تصنيفات لا يسمح بها النوع بعد تغييره؛ احذفهما أولًا
    [few] { $count } روابط من نوع «{ $kind }» تصل تصنيفات لا يسمح بها النوع بعد تغييره؛ احذفها أولًا
    [many] { $count } رابطًا من نوع «{ $kind }» تصل تصنيفات لا يسمح بها النوع بعد تغييره؛ احذفها أولًا
   *[other] { $count } رابط من نوع «{ $kind }» تصل تصنيفات لا يسمح بها النوع بعد تغييره؛ احذفها أولًا
}
decision-no-document = لا يوجد مستند «{ $doc }»
decision-not-under-review = «{ $name }» ليس من المعلّقين قيد المراجعة
decision-not-for-links = الروابط وقيم السمات يُقضى فيها بـ A أو B أو R، لا بتحديد نص
decision-no-gold-span = مقاطع هذا القرار ليست في المرجع بعد: اقبل أولًا ما اتفق عليه الاثنان (G)
format-unknown-import = { $path }: ليس بصيغة ملف يمكن استيرادها (jsonl أو doccano أو Prodigy أو brat أو Label Studio json)
format-no-gold = ليس في المشروع مرجع بعد (لا مقاطع مراجَعة)؛ صدّر طبقة أحد المعلّقين بدلًا منه
job-cancelled = أُلغيت
job-crashed = توقفت المهمة في الخلفية على غير المتوقع
agreement-unknown-annotator = لا يوجد معلّق «{ $name }» في المشروع
agreement-too-few = { $count ->
    [zero] يحتاج الاتفاق إلى معلّقَين على الأقل؛ ولا يوجد أي معلّق
    [one] يحتاج الاتفاق إلى معلّقَين على الأقل؛ ويوجد معلّق واحد
    [two] يحتاج الاتفاق إلى معلّقَين على الأقل
    [few] يحتاج الاتفاق إلى معلّقَين على الأقل؛ ويوجد { $count } معلّقين
    [many] يحتاج الاتفاق إلى معلّقَين على الأقل؛ ويوجد { $count } معلّقًا
   *[other] يحتاج الاتفاق إلى معلّقَين على الأقل؛ ويوجد { $count } معلّق
}
agreement-listed-twice = المعلّق «{ $name }» مذكور مرتين
agreement-bad-threshold = يجب أن تقع عتبة IoU بين 0 و1، لا { $value }
attribute-kind = { $kind ->
    [number] عدد
    [text] نص
    [choice] اختيار
   *[flag] نعم/لا
}
import-summary-annotations = تعليقات
import-summary = { $format }: المستندات المقروءة { $records }، أُضيف منها { $added }، وكان في المشروع من قبل { $matched }؛ المقاطع المضافة { $spans }، والموجودة من قبل { $duplicates }
import-summary-relations = الروابط المضافة { $added }، والموجودة من قبل { $duplicates }
import-summary-relation-types = أنواع روابط جديدة أُضيفت: { $names }
import-summary-attributes = سمات جديدة عُرّفت: { $names }
import-summary-labels = تصنيفات جديدة أُضيفت: { $names }
import-summary-utf16 = { $count ->
    [zero] لا مقاطع بمواضع UTF-16
    [one] مقطع واحد كانت مواضعه بوحدات UTF-16، فحُوّلت إلى محارف
    [two] مقطعان كانت مواضعهما بوحدات UTF-16، فحُوّلت إلى محارف
    [few] { $count } مقاطع كانت مواضعها بوحدات UTF-16، فحُوّلت إلى محارف
    [many] { $count } مقطعًا كانت مواضعها بوحدات UTF-16، فحُوّلت إلى محارف
   *[other] { $count } مقطع كانت مواضعها بوحدات UTF-16، فحُوّلت إلى محارف
}
import-summary-ignored = { $count ->
    [zero] لم يُترك شيء
    [one] تُرك حدث واحد أو مدخل آخر ليس مقطعًا
    [two] تُرك حدثان أو مدخلان آخران ليسا مقطعين
    [few] تُركت { $count } أحداث أو مدخلات أخرى ليست مقاطع
    [many] تُرك { $count } حدثًا أو مدخلًا آخر ليست مقاطع
   *[other] تُرك { $count } حدث أو مدخل آخر ليست مقاطع
}
import-summary-problem = تُخطّي: { $problem }
learn-error-no-annotator = لا يوجد في المشروع معلّق «{ $name }» (المعلّقون: { $known })
learn-error-ambiguous = طبقة المراجعة فارغة ولعدة معلّقين مقاطع ({ $names })؛ تعلّم من مقاطع معلّق واحد
learn-error-no-spans = لا مقاطع يُتعلّم منها (لا مقاطع مراجَعة ولا مقاطع للمعلّق نفسه)
learn-error-unknown-label = لا يوجد في المشروع تصنيف «{ $label }»
learn-error-too-many-labels = { $count ->
    [zero] لا تصنيفات
    [one] تصنيف واحد
    [two] تصنيفان
    [few] { $count } تصنيفات أكثر مما يتعامل معه المتعلّم (64)
    [many] { $count } تصنيفًا أكثر مما يتعامل معه المتعلّم (64)
   *[other] { $count } تصنيف أكثر مما يتعامل معه المتعلّم (64)
}
format-project = ملف المشروع { $path }: { $message }
format-unknown-label = لا يوجد في المشروع تصنيف «{ $label }» (التصنيفات: { $known })
