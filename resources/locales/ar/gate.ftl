# شاشة البوابة: صفحة الإعداد، ونتائج التحقق، والسماح الاستثنائي بالمرور، وآخر عمليات المسح، وتسجيل الحاسوب، وتصدير الحزمة، ونقل عمليات المسح.
gate-title = البوابة
gate-cannot-start = تعذّر تشغيل البوابة
gate-opening = جارٍ فتح البوابة…
gate-no-checkpoint = لا توجد أي نقطة تفتيش للفعالية بعد: أضف نقاط التفتيش في إعدادات الفعالية
gate-package-line = حزمة البوابة غير المتصلة { $path } — حاملو الشارات: { $holders }، أُنشئت في { $made } بواسطة { $by }
gate-sign-in-to-scan = سجّل الدخول لبدء المسح
gate-operator = اسم المستخدم
gate-password = كلمة المرور
gate-sign-in = تسجيل الدخول
gate-checkpoint = نقطة التفتيش
gate-checkpoint-choice = { $checkpoint } (المنطقة { $zone })
gate-direction = الاتجاه
gate-entry = دخول
gate-exit = خروج
gate-station = المحطة
gate-station-placeholder = اسم هذه البوابة
gate-second-language = النتيجة أيضًا بـ
gate-second-language-none = بدون
gate-start-scanning = بدء المسح
gate-signed-in-as = مسجّل الدخول: { $name } ({ $role })
gate-role-administrator = مسؤول النظام
gate-role-supervisor = مشرف
gate-role-clerk = موظف الاعتماد
gate-role-gate = ضابط البوابة
gate-role-viewer = مُطّلع

# المسح.
gate-place-entry = { $checkpoint } · دخول
gate-place-exit = { $checkpoint } · خروج
gate-scan-placeholder = امسح الشارة
gate-change-checkpoint = تغيير نقطة التفتيش
gate-not-checked = لم يتم التحقق
gate-not-recorded = تعذّر تسجيل عملية المسح: { $error }
gate-scan-again = امسح الشارة مرة أخرى.
gate-ready = جاهز
gate-ready-hint = امسح الشارة: تظهر النتيجة هنا.
gate-accepted = مسموح بالدخول
gate-refused = مرفوض
gate-let-through-headline = مرور استثنائي
gate-override = سماح استثنائي…
gate-override-title = السماح بمرور هذا الشخص
gate-override-reason = السبب (إلزامي)
gate-override-supervisor = المشرف
gate-override-password = كلمة مرور المشرف
gate-override-submit = السماح بالمرور
gate-override-cancel = إلغاء
gate-recent = آخر عمليات المسح
gate-recent-none = لا شيء بعد.
gate-recent-let-through = { $name } · مرور استثنائي
gate-no-photo = لا توجد صورة
gate-holder-unknown = حامل الشارة غير معروف لدى هذه البوابة
gate-override-reason-by = السبب: { $reason } (بتفويض من { $supervisor })
gate-zones = المناطق
gate-badge-serial = الشارة رقم { $serial }
gate-warning-revocations-minutes = مضى على قائمة الإلغاء { $minutes ->
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $minutes } دقائق
   *[other] { $minutes } دقيقة
}: اطلب من المنظمين قائمة جديدة (accredit gate update-revocations)
gate-warning-revocations-hours = مضى على قائمة الإلغاء { $hours ->
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $hours } ساعات
   *[other] { $hours } ساعة
}: اطلب من المنظمين قائمة جديدة (accredit gate update-revocations)
gate-warning-revocations-days = مضى على قائمة الإلغاء { $days ->
    [one] يوم واحد
    [two] يومان
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
}: اطلب من المنظمين قائمة جديدة (accredit gate update-revocations)

# نتائج التحقق.
gate-verdict-entry = دخول إلى المنطقة { $zone } — { $zone_name }
gate-verdict-leaving = خروج من المنطقة { $zone } — { $zone_name }
gate-verdict-malformed = ليس رمز شارة — امسح مرة أخرى
gate-verdict-unsupported-version = صيغة الشارة غير مدعومة في هذه البوابة
gate-verdict-unknown-key = شارة غير موقّعة من هذه الفعالية — احتمال تزوير
gate-verdict-bad-signature = توقيع غير صالح — شارة مزوّرة أو معدّلة
gate-verdict-wrong-event-code = شارة فعالية أخرى ({ $event })
gate-verdict-wrong-event = شارة فعالية أخرى
gate-verdict-not-yet-valid-from = الشارة غير سارية بعد — سارية اعتبارًا من { $from }
gate-verdict-not-yet-valid = الشارة غير سارية بعد
gate-verdict-expired-on = انتهت صلاحية الشارة في { $expired }
gate-verdict-expired = انتهت صلاحية الشارة
gate-verdict-revoked = الشارة ملغاة
gate-verdict-zone-denied = غير مسموح بدخول المنطقة { $zone } — { $zone_name }
gate-verdict-already-inside-since = موجود في الداخل منذ { $since }
gate-verdict-already-inside = موجود في الداخل
gate-verdict-unknown-badge = شارة غير معروفة لدى هذه البوابة — تحقّق من الهوية واستدعِ المشرف
gate-verdict-not-a-badge = خطاب وليس شارة — لا يُسمح بالدخول به
gate-verdict-entry-only = نقطة التفتيش هذه للدخول فقط
gate-verdict-exit-only = نقطة التفتيش هذه للخروج فقط
gate-verdict-no-way-through = ليست ممرًا عبر المنطقة { $zone } — { $zone_name }
gate-verdict-let-through-by = سُمح بالمرور بتفويض من { $supervisor }
gate-zone-number = المنطقة { $zone }
gate-month-short = { $month ->
    [1] يناير
    [2] فبراير
    [3] مارس
    [4] أبريل
    [5] مايو
    [6] يونيو
    [7] يوليو
    [8] أغسطس
    [9] سبتمبر
    [10] أكتوبر
    [11] نوفمبر
   *[12] ديسمبر
}
gate-date-time = { $day } { $month } { $year }، { $time }
gate-day-time = { $day } { $month }، { $time }

# تسجيل حاسوب البوابة.
gate-enrol-title = تسجيل هذا الحاسوب بوابةً
gate-enrol-about = لا تفتح البوابة إلا الحزم الموقّعة بالمفتاح الجذر لفعاليتها. اكتب بصمة المفتاح الجذر كما يعرضها مكتب الاعتماد (accredit keys root) لأخذ المفتاح الجذر من هذه الحزمة، أو الصق المفتاح العام الجذر.
gate-enrol-fingerprint = البصمة، مثل 3F2A 9C01 77B4 E0D2 5A6C 1188 C0DE 42F7
gate-enrol-root = …أو المفتاح العام الجذر (64 رقمًا ست عشريًا)
gate-enrol-station = اسم المحطة
gate-enrol-submit = تسجيل هذا الحاسوب

# حزمة البوابة غير المتصلة.
gate-export-dialog = حفظ حزمة البوابة
gate-export-title = حزمة البوابة غير المتصلة
gate-export-about = لحاسوب بوابة بلا شبكة: نقاط التفتيش التي يخدمها، وحامل كل شارة سارية مع صورة صغيرة، وقائمتا الثقة والإلغاء.
gate-export-fingerprint = سجّل كل حاسوب بوابة ببصمة المفتاح الجذر لهذه الفعالية:
gate-export-writing = جارٍ كتابة الحزمة…
gate-export-save = حفظ حزمة البوابة…
gate-export-done = تمت كتابة { $file }: حاملو الشارات { $holders }، الصور { $photos }، قائمة الإلغاء رقم { $revocations }.

# نقل عمليات المسح إلى مكتب الاعتماد.
gate-scans-filter = عمليات مسح البوابة
gate-scans-save-dialog = حفظ عمليات مسح هذه البوابة لمكتب الاعتماد
gate-scans-import-dialog = استيراد عمليات مسح بوابة غير متصلة
gate-scans-save-title = عمليات المسح لمكتب الاعتماد
gate-scans-save-about = احفظ عمليات المسح التي أجرتها هذه البوابة، موقّعةً من هذه المحطة، لنقلها إلى مكتب الاعتماد على ذاكرة USB.
gate-scans-save = حفظ عمليات المسح…
gate-scans-import-title = عمليات المسح من البوابات غير المتصلة
gate-scans-import-about = استورد الملف الذي حفظته بوابة غير متصلة. لا يُقبل إلا ملف موقّع من محطة سجّلتها الفعالية ولم يُعدَّل.
gate-scans-import = استيراد عمليات المسح…
gate-scans-working = جارٍ العمل…
gate-scans-saved = حُفظت عمليات المسح ({ $count }) في { $file }.
gate-scans-imported = استُوردت عمليات مسح جديدة: { $count } (الموجودة مسبقًا: { $already }) من المحطة { $station }.
gate-scans-refused = رُفضت عمليات المسح: { $error }
