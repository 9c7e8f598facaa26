### Экран входа: форма, выбор языка, операторы демонстрационной конференции (и названия ролей, которые показывает также экран операторов).

sign-in-title = Вход
sign-in-operator = Оператор
sign-in-password = Пароль
sign-in-submit = Войти
sign-in-language = Язык
sign-in-open-another-directory = Открыть другой каталог данных…
sign-in-demo-intro = Это демонстрационная конференция. Войти как:
sign-in-demo-operator = { $name } ({ $role }) — пароль { $password }
sign-in-role-administrator = администратор
sign-in-role-supervisor = супервайзер
sign-in-role-clerk = регистратор
sign-in-role-gate = контролёр
sign-in-role-viewer = только просмотр
