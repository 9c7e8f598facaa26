# Рамка каждого экрана (панель навигации, заголовок окна, строка состояния) и общие элементы экранов.

common-all-delegations = Все делегации
common-all-categories = Все категории

## Панель навигации и заголовок окна
common-tab-participants = Участники
common-tab-import = Импорт
common-tab-delegations = Делегации
common-tab-print-queue = Очередь печати
common-tab-vetting = Проверка
common-tab-gate = КПП
common-tab-dashboard = Сводка
common-tab-operators = Операторы
common-tab-settings = Настройки
common-window-title-event = Accredit — { $event }
common-window-title-gate = Accredit — КПП
common-opening = Открытие…
common-opening-gate = Открытие КПП…
common-signed-in-as = { $name } ({ $role })
common-sign-out = Выйти
common-role-administrator = администратор
common-role-supervisor = руководитель смены
common-role-clerk = сотрудник аккредитации
common-role-gate = сотрудник КПП
common-role-viewer = только просмотр

## Даты мероприятия в заголовке
common-dates-same-month = { $start_day }–{ $end_day } { $month } { $year } г.
common-dates-same-year = { $start_day } { $start_month } – { $end_day } { $end_month } { $year } г.
common-dates-range = { $start } – { $end }

## Строка состояния
common-event-server = Сервер мероприятия: { $url }
common-data-directory = Данные: { $path }
common-participants-count =
    { $count ->
        [one] { $count } участник
        [few] { $count } участника
        [many] { $count } участников
       *[other] { $count } участника
    }
common-status-participants = { $participants }: { $counts }
common-status-count = { $status } { $count }
common-status-nominated = Заявлено
common-status-approved = Одобрено
common-status-rejected = Отклонено
common-status-cancelled = Отменено
common-backed-up = Последняя резервная копия: { $time }
common-backup-failed = Сбой автоматического резервного копирования: { $error }
common-counts-failed = Не удалось прочитать число участников: { $error }
common-session-refresh-failed = Не удалось заново прочитать мероприятие после изменения настроек: { $error }

## Фоновые задачи, просмотр PDF и принтер
common-error-internal = внутренняя ошибка: операция неожиданно прервалась (подробности в stderr)
common-error-not-started = не удалось запустить операцию: { $error }
common-error-interrupted = операция была прервана
common-viewer-missing = не удалось открыть PDF: программа { $program } не установлена; файл: { $path }
common-viewer-not-started = не удалось открыть PDF: не удалось запустить { $program } ({ $error }); файл: { $path }
common-viewer-refused = не удалось открыть { $path } в { $program } ({ $status })
common-viewer-refused-said = не удалось открыть { $path } в { $program } ({ $status }): { $output }
common-printer-not-started = не удалось запустить lp ({ $error }); файл: { $path }
common-printer-refused = принтер отклонил { $path } ({ $status })
common-printer-refused-said = принтер отклонил { $path } ({ $status }): { $output }

## Списки выбора
common-gender-female = Женский
common-gender-male = Мужской
common-gender-other = Другой
common-gender-not-given = Не указан
common-document-passport = Паспорт
common-document-diplomatic-passport = Дипломатический паспорт
common-document-official-passport = Служебный паспорт
common-document-national-id = Удостоверение личности
common-document-laissez-passer = Лессе-пассе ООН
common-document-other = Другой
common-layout-a6 = Бейдж A6
common-layout-card = Карта ID-1
common-layout-a4x4 = Лист A4 на 4 бейджа
common-reprint-lost = Утерян
common-reprint-damaged = Повреждён
common-reprint-data-changed = Изменились данные

## Формы и предпросмотр бейджа
common-confirm-title = Прежде чем применить изменение
common-apply-anyway = Всё равно применить
common-cancel = Отмена
common-colour-black-text = Текст на этом цвете: чёрный (контраст { $contrast }:1)
common-colour-white-text = Текст на этом цвете: белый (контраст { $contrast }:1)
common-preview-a6 = A6 (каждый бейдж листа A4 × 4)
common-preview-card = Карта (ID-1)
common-preview-drawing = Отрисовка бейджа…
