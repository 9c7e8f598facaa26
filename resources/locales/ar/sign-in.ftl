### شاشة تسجيل الدخول: النموذج، واختيار اللغة، ومستخدمو المؤتمر التجريبي (وأسماء الأدوار التي تظهر أيضًا في شاشة المستخدمين).

sign-in-title = تسجيل الدخول
sign-in-operator = اسم المستخدم
sign-in-password = كلمة المرور
sign-in-submit = تسجيل الدخول
sign-in-language = اللغة
sign-in-open-another-directory = فتح دليل بيانات آخر…
sign-in-demo-intro = هذا هو المؤتمر التجريبي. سجّل الدخول باسم:
sign-in-demo-operator = { $name } ({ $role }) — كلمة المرور { $password }
sign-in-role-administrator = مدير النظام
sign-in-role-supervisor = مشرف
sign-in-role-clerk = موظف الاعتماد
sign-in-role-gate = موظف البوابة
sign-in-role-viewer = اطلاع فقط
