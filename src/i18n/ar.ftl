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
