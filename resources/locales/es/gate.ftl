# La pantalla del control de acceso: su página de configuración, los resultados, el paso por excepción, los escaneos recientes, el registro del equipo, la exportación del paquete y el traslado de los escaneos.
gate-title = Control de acceso
gate-cannot-start = No se puede iniciar el control de acceso
gate-opening = Abriendo el control de acceso…
gate-no-checkpoint = El evento aún no tiene puntos de control: añádalos en la configuración del evento
gate-package-line = Paquete de control sin conexión { $path } — { $holders } titulares de credencial, creado el { $made } por { $by }
gate-sign-in-to-scan = Inicie sesión para escanear
gate-operator = Operador
gate-password = Contraseña
gate-sign-in = Iniciar sesión
gate-checkpoint = Punto de control
gate-checkpoint-choice = { $checkpoint } (zona { $zone })
gate-direction = Sentido
gate-entry = Entrada
gate-exit = Salida
gate-station = Puesto
gate-station-placeholder = Nombre de este puesto
gate-second-language = Resultados también en
gate-second-language-none = ninguno
gate-start-scanning = Empezar a escanear
gate-signed-in-as = Sesión iniciada: { $name } ({ $role })
gate-role-administrator = administrador
gate-role-supervisor = supervisor
gate-role-clerk = agente de acreditación
gate-role-gate = agente de control
gate-role-viewer = observador

# El control.
gate-place-entry = { $checkpoint } · ENTRADA
gate-place-exit = { $checkpoint } · SALIDA
gate-scan-placeholder = Escanee una credencial
gate-change-checkpoint = Cambiar punto de control
gate-not-checked = NO VERIFICADO
gate-not-recorded = No se pudo registrar el escaneo: { $error }
gate-scan-again = Escanee de nuevo la credencial.
gate-ready = Listo
gate-ready-hint = Escanee una credencial: el resultado aparece aquí.
gate-accepted = ACEPTADO
gate-refused = DENEGADO
gate-let-through-headline = PASO POR EXCEPCIÓN
gate-override = Excepción…
gate-override-title = Dejar pasar a esta persona
gate-override-reason = Motivo (obligatorio)
gate-override-supervisor = Supervisor
gate-override-password = Contraseña del supervisor
gate-override-submit = Dejar pasar
gate-override-cancel = Cancelar
gate-recent = Escaneos recientes
gate-recent-none = Ninguno todavía.
gate-recent-let-through = { $name } · paso por excepción
gate-no-photo = Sin foto
gate-holder-unknown = Titular desconocido en este puesto
gate-override-reason-by = Motivo: { $reason } (autorizado por { $supervisor })
gate-zones = Zonas
gate-badge-serial = Credencial n.º { $serial }
gate-warning-revocations-minutes = La lista de revocación tiene { $minutes } min de antigüedad: pida una nueva a los organizadores (accredit gate update-revocations)
gate-warning-revocations-hours = La lista de revocación tiene { $hours } h de antigüedad: pida una nueva a los organizadores (accredit gate update-revocations)
gate-warning-revocations-days = La lista de revocación tiene { $days } días de antigüedad: pida una nueva a los organizadores (accredit gate update-revocations)

# Los resultados.
gate-verdict-entry = Entrada a la zona { $zone } — { $zone_name }
gate-verdict-leaving = Salida de la zona { $zone } — { $zone_name }
gate-verdict-malformed = No es un código de credencial — escanee de nuevo
gate-verdict-unsupported-version = Formato de credencial no admitido en este puesto
gate-verdict-unknown-key = Credencial no firmada por este evento — posible falsificación
gate-verdict-bad-signature = Firma no válida — credencial falsificada o alterada
gate-verdict-wrong-event-code = Credencial de otro evento ({ $event })
gate-verdict-wrong-event = Credencial de otro evento
gate-verdict-not-yet-valid-from = Credencial aún no válida — válida desde el { $from }
gate-verdict-not-yet-valid = Credencial aún no válida
gate-verdict-expired-on = Credencial vencida el { $expired }
gate-verdict-expired = Credencial vencida
gate-verdict-revoked = Credencial revocada
gate-verdict-zone-denied = Sin acceso a la zona { $zone } — { $zone_name }
gate-verdict-already-inside-since = Ya está dentro desde { $since }
gate-verdict-already-inside = Ya está dentro
gate-verdict-unknown-badge = Credencial desconocida en este puesto — verifique la identidad, llame a un supervisor
gate-verdict-not-a-badge = Es una carta, no una credencial — no da acceso
gate-verdict-entry-only = Este punto de control es solo de entrada
gate-verdict-exit-only = Este punto de control es solo de salida
gate-verdict-no-way-through = No es un paso por la zona { $zone } — { $zone_name }
gate-verdict-let-through-by = Paso autorizado por { $supervisor }
gate-zone-number = Zona { $zone }
gate-month-short = { $month ->
    [1] ene
    [2] feb
    [3] mar
    [4] abr
    [5] may
    [6] jun
    [7] jul
    [8] ago
    [9] sept
    [10] oct
    [11] nov
   *[12] dic
}
gate-date-time = { $day } { $month } { $year }, { $time }
gate-day-time = { $day } { $month }, { $time }

# El registro de un equipo de control.
gate-enrol-title = Registrar este equipo como puesto de control
gate-enrol-about = Un puesto de control solo abre paquetes firmados por la raíz de su evento. Escriba la huella de la raíz tal como la muestra el mostrador de acreditación (accredit keys root) para tomar la raíz de este paquete, o pegue la clave pública raíz.
gate-enrol-fingerprint = Huella, p. ej. 3F2A 9C01 77B4 E0D2 5A6C 1188 C0DE 42F7
gate-enrol-root = …o la clave pública raíz (64 dígitos hexadecimales)
gate-enrol-station = Nombre del puesto
gate-enrol-submit = Registrar este equipo

# El paquete de control sin conexión.
gate-export-dialog = Guardar el paquete de control
gate-export-title = Paquete de control sin conexión
gate-export-about = Para un equipo de control sin red: los puntos de control que atiende, el titular de cada credencial activa con una foto pequeña, y las listas de confianza y de revocación.
gate-export-fingerprint = Registre cada equipo de control con la huella de la raíz de este evento:
gate-export-writing = Escribiendo el paquete…
gate-export-save = Guardar paquete de control…
gate-export-done = Escrito { $file }: { $holders } titulares, { $photos } fotos, lista de revocación n.º { $revocations }.

# El traslado de los escaneos al mostrador.
gate-scans-filter = Escaneos del control
gate-scans-save-dialog = Guardar los escaneos de este puesto para el mostrador
gate-scans-import-dialog = Traer los escaneos de un puesto sin conexión
gate-scans-save-title = Escaneos para el mostrador
gate-scans-save-about = Guarde los escaneos de este puesto, firmados por él, para llevarlos al mostrador de acreditación en una memoria USB.
gate-scans-save = Guardar los escaneos…
gate-scans-import-title = Escaneos de puestos sin conexión
gate-scans-import-about = Traiga el archivo que guardó un puesto sin conexión. Solo se acepta un archivo firmado por un puesto que el evento registró, y sin modificar.
gate-scans-import = Traer escaneos…
gate-scans-working = Procesando…
gate-scans-saved = { $count ->
    [one] { $count } escaneo guardado en { $file }.
   *[other] { $count } escaneos guardados en { $file }.
}
gate-scans-imported = { $count ->
    [one] { $count } escaneo nuevo importado ({ $already } ya presentes) desde el puesto { $station }.
   *[other] { $count } escaneos nuevos importados ({ $already } ya presentes) desde el puesto { $station }.
}
gate-scans-refused = Escaneos rechazados: { $error }
