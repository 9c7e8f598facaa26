# El marco de cada pantalla (barra de navegación, título de la ventana, barra de estado) y los elementos que comparten las pantallas.

common-all-delegations = Todas las delegaciones
common-all-categories = Todas las categorías

## Barra de navegación y título de la ventana
common-tab-participants = Participantes
common-tab-import = Importación
common-tab-delegations = Delegaciones
common-tab-print-queue = Cola de impresión
common-tab-vetting = Control de seguridad
common-tab-gate = Puesto de control
common-tab-dashboard = Panel
common-tab-operators = Operadores
common-tab-settings = Configuración
common-window-title-event = Accredit — { $event }
common-window-title-gate = Accredit — Puesto de control
common-opening = Abriendo…
common-opening-gate = Abriendo el puesto de control…
common-signed-in-as = { $name } ({ $role })
common-sign-out = Cerrar sesión
common-role-administrator = administrador
common-role-supervisor = supervisor
common-role-clerk = agente de acreditación
common-role-gate = agente de control
common-role-viewer = solo lectura

## Las fechas del evento, en la cabecera
common-dates-same-month = { $start_day }–{ $end_day } de { $month } de { $year }
common-dates-same-year = { $start_day } de { $start_month } – { $end_day } de { $end_month } de { $year }
common-dates-range = { $start } – { $end }

## Barra de estado
common-event-server = Servidor del evento: { $url }
common-data-directory = Datos: { $path }
common-participants-count =
    { $count ->
        [one] { $count } participante
       *[other] { $count } participantes
    }
common-status-participants = { $participants }: { $counts }
common-status-count = { $status } { $count }
common-status-nominated = Propuestos
common-status-approved = Aprobados
common-status-rejected = Rechazados
common-status-cancelled = Cancelados
common-backed-up = Última copia de seguridad: { $time }
common-backup-failed = Error en la copia de seguridad automática: { $error }
common-counts-failed = No se pudo leer el recuento de participantes: { $error }
common-session-refresh-failed = No se pudo volver a leer el evento tras el cambio de configuración: { $error }

## Tareas en segundo plano, visor de PDF e impresora
common-error-internal = error interno: la operación se detuvo inesperadamente (detalles en stderr)
common-error-not-started = no se pudo iniciar la operación: { $error }
common-error-interrupted = la operación se interrumpió
common-viewer-missing = no se pudo abrir el PDF: { $program } no está instalado; el archivo está en { $path }
common-viewer-not-started = no se pudo abrir el PDF: { $program } no pudo iniciarse ({ $error }); el archivo está en { $path }
common-viewer-refused = { $program } no pudo abrir { $path } ({ $status })
common-viewer-refused-said = { $program } no pudo abrir { $path } ({ $status }): { $output }
common-printer-not-started = no se pudo iniciar lp ({ $error }); el archivo está en { $path }
common-printer-refused = la impresora rechazó { $path } ({ $status })
common-printer-refused-said = la impresora rechazó { $path } ({ $status }): { $output }

## Listas de selección
common-gender-female = Mujer
common-gender-male = Hombre
common-gender-other = Otro
common-gender-not-given = No indicado
common-document-passport = Pasaporte
common-document-diplomatic-passport = Pasaporte diplomático
common-document-official-passport = Pasaporte oficial/de servicio
common-document-national-id = Documento nacional de identidad
common-document-laissez-passer = Laissez-passer de las Naciones Unidas
common-document-other = Otro
common-layout-a6 = Credencial A6
common-layout-card = Tarjeta ID-1
common-layout-a4x4 = Hoja A4 de 4
common-reprint-lost = Extraviada
common-reprint-damaged = Dañada
common-reprint-data-changed = Datos modificados

## Formularios y vista previa de la credencial
common-confirm-title = Antes de aplicar este cambio
common-apply-anyway = Aplicar de todos modos
common-cancel = Cancelar
common-colour-black-text = Texto encima: negro (contraste { $contrast }:1)
common-colour-white-text = Texto encima: blanco (contraste { $contrast }:1)
common-preview-a6 = A6 (cada credencial de la hoja A4 × 4)
common-preview-card = Tarjeta (ID-1)
common-preview-drawing = Generando la vista previa de la credencial…
