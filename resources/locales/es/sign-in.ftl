### La pantalla de inicio de sesión: el formulario, la elección del idioma, los operadores de la demostración (y los nombres de los roles, que también muestra la pantalla de operadores).

sign-in-title = Iniciar sesión
sign-in-operator = Operador
sign-in-password = Contraseña
sign-in-submit = Iniciar sesión
sign-in-language = Idioma
sign-in-open-another-directory = Abrir otro directorio de datos…
sign-in-demo-intro = Esta es la conferencia de demostración. Inicie sesión como:
sign-in-demo-operator = { $name } ({ $role }) — contraseña { $password }
sign-in-role-administrator = administrador
sign-in-role-supervisor = supervisor
sign-in-role-clerk = acreditador
sign-in-role-gate = control de acceso
sign-in-role-viewer = solo lectura
