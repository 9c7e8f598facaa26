# إطار كل شاشة (شريط التنقل وعنوان النافذة وشريط الحالة) والعناصر المشتركة بين الشاشات.

common-all-delegations = جميع الوفود
common-all-categories = جميع الفئات

## شريط التنقل وعنوان النافذة
common-tab-participants = المشاركون
common-tab-import = الاستيراد
common-tab-delegations = الوفود
common-tab-print-queue = قائمة الطباعة
common-tab-vetting = التدقيق الأمني
common-tab-gate = نقطة التفتيش
common-tab-dashboard = لوحة المتابعة
common-tab-operators = المستخدمون
common-tab-settings = الإعدادات
common-window-title-event = Accredit — { $event }
common-window-title-gate = Accredit — نقطة التفتيش
common-opening = جارٍ الفتح…
common-opening-gate = جارٍ فتح نقطة التفتيش…
common-signed-in-as = { $name } ({ $role })
common-sign-out = تسجيل الخروج
common-role-administrator = مسؤول النظام
common-role-supervisor = مشرف
common-role-clerk = موظف الاعتماد
common-role-gate = موظف نقطة التفتيش
common-role-viewer = اطلاع فقط

## تواريخ الفعالية في رأس الصفحة
common-dates-same-month = { $start_day }–{ $end_day } { $month } { $year }
common-dates-same-year = { $start_day } { $start_month } – { $end_day } { $end_month } { $year }
common-dates-range = { $start } – { $end }

## شريط الحالة
common-event-server = خادم الفعالية: { $url }
common-data-directory = البيانات: { $path }
common-participants-count =
    { $count ->
        [zero] { $count } مشارك
        [one] مشارك واحد
        [two] مشاركان
        [few] { $count } مشاركين
        [many] { $count } مشاركًا
       *[other] { $count } مشارك
    }
common-status-participants = { $participants }: { $counts }
common-status-count = { $status } { $count }
common-status-nominated = مرشَّحون
common-status-approved = معتمدون
common-status-rejected = مرفوضون
common-status-cancelled = ملغون
common-backed-up = آخر نسخة احتياطية: { $time }
common-backup-failed = فشل النسخ الاحتياطي التلقائي: { $error }
common-counts-failed = تعذّرت قراءة أعداد المشاركين: { $error }
common-session-refresh-failed = تعذّرت إعادة قراءة الفعالية بعد تغيير الإعدادات: { $error }

## المهام في الخلفية وعارض PDF والطابعة
common-error-internal = خطأ داخلي: توقفت العملية على نحو غير متوقع (التفاصيل في stderr)
common-error-not-started = تعذّر بدء العملية: { $error }
common-error-interrupted = انقطعت العملية
common-viewer-missing = تعذّر فتح ملف PDF: البرنامج { $program } غير مثبّت؛ الملف موجود في { $path }
common-viewer-not-started = تعذّر فتح ملف PDF: تعذّر تشغيل { $program } ({ $error })؛ الملف موجود في { $path }
common-viewer-refused = تعذّر على { $program } فتح { $path } ({ $status })
common-viewer-refused-said = تعذّر على { $program } فتح { $path } ({ $status }): { $output }
common-printer-not-started = تعذّر تشغيل lp ({ $error })؛ الملف موجود في { $path }
common-printer-refused = رفضت الطابعة { $path } ({ $status })
common-printer-refused-said = رفضت الطابعة { $path } ({ $status }): { $output }

## قوائم الاختيار
common-gender-female = أنثى
common-gender-male = ذكر
common-gender-other = آخر
common-gender-not-given = غير مذكور
common-document-passport = جواز سفر
common-document-diplomatic-passport = جواز سفر دبلوماسي
common-document-official-passport = جواز سفر رسمي/جواز خدمة
common-document-national-id = بطاقة هوية وطنية
common-document-laissez-passer = وثيقة مرور الأمم المتحدة
common-document-other = أخرى
common-layout-a6 = بطاقة A6
common-layout-card = بطاقة ID-1
common-layout-a4x4 = ورقة A4 من 4 بطاقات
common-reprint-lost = مفقودة
common-reprint-damaged = تالفة
common-reprint-data-changed = تغيّرت البيانات

## النماذج ومعاينة البطاقة
common-confirm-title = قبل تطبيق هذا التغيير
common-apply-anyway = التطبيق على أي حال
common-cancel = إلغاء
common-colour-black-text = النص فوق هذا اللون: أسود (التباين { $contrast }:1)
common-colour-white-text = النص فوق هذا اللون: أبيض (التباين { $contrast }:1)
common-preview-a6 = A6 (كل بطاقة من ورقة A4 × 4)
common-preview-card = بطاقة (ID-1)
common-preview-drawing = جارٍ رسم البطاقة…
