# Экран контроля доступа: страница настройки, результаты проверки, пропуск по исключению, последние проверки, регистрация компьютера, выгрузка пакета и передача проверок.
gate-title = Контроль доступа
gate-cannot-start = Не удаётся запустить контроль доступа
gate-opening = Запуск контроля доступа…
gate-no-checkpoint = У мероприятия ещё нет пунктов пропуска: добавьте их в настройках мероприятия
gate-package-line = Офлайн-пакет поста контроля { $path } — владельцев бейджей: { $holders }, создан { $made }, автор: { $by }
gate-sign-in-to-scan = Войдите, чтобы начать проверку
gate-operator = Оператор
gate-password = Пароль
gate-sign-in = Войти
gate-checkpoint = Пункт пропуска
gate-checkpoint-choice = { $checkpoint } (зона { $zone })
gate-direction = Направление
gate-entry = Вход
gate-exit = Выход
gate-station = Станция
gate-station-placeholder = Название этого поста
gate-second-language = Дублировать на
gate-second-language-none = нет
gate-start-scanning = Начать проверку
gate-signed-in-as = Вход выполнен: { $name } ({ $role })
gate-role-administrator = администратор
gate-role-supervisor = старший смены
gate-role-clerk = сотрудник аккредитации
gate-role-gate = сотрудник контроля
gate-role-viewer = наблюдатель

# Проверка.
gate-place-entry = { $checkpoint } · ВХОД
gate-place-exit = { $checkpoint } · ВЫХОД
gate-scan-placeholder = Отсканируйте бейдж
gate-change-checkpoint = Сменить пункт пропуска
gate-not-checked = НЕ ПРОВЕРЕНО
gate-not-recorded = Не удалось записать проверку: { $error }
gate-scan-again = Отсканируйте бейдж ещё раз.
gate-ready = Готов к работе
gate-ready-hint = Отсканируйте бейдж: результат появится здесь.
gate-accepted = ПРОХОД РАЗРЕШЁН
gate-refused = ОТКАЗАНО
gate-let-through-headline = ПРОПУЩЕН ПО ИСКЛЮЧЕНИЮ
gate-override = Пропустить…
gate-override-title = Пропустить этого человека
gate-override-reason = Причина (обязательно)
gate-override-supervisor = Старший смены
gate-override-password = Пароль старшего смены
gate-override-submit = Пропустить
gate-override-cancel = Отмена
gate-recent = Последние проверки
gate-recent-none = Пока нет.
gate-recent-let-through = { $name } · пропущен по исключению
gate-no-photo = Нет фото
gate-holder-unknown = Владелец бейджа неизвестен этому посту
gate-override-reason-by = Причина: { $reason } (разрешил: { $supervisor })
gate-zones = Зоны
gate-badge-serial = Бейдж № { $serial }
gate-warning-revocations-minutes = Списку отзыва уже { $minutes } мин: запросите новый у организаторов (accredit gate update-revocations)
gate-warning-revocations-hours = Списку отзыва уже { $hours } ч: запросите новый у организаторов (accredit gate update-revocations)
gate-warning-revocations-days = Списку отзыва уже { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[other] { $days } дней
}: запросите новый у организаторов (accredit gate update-revocations)

# Результаты проверки.
gate-verdict-entry = Вход в зону { $zone } — { $zone_name }
gate-verdict-leaving = Выход из зоны { $zone } — { $zone_name }
gate-verdict-malformed = Это не код бейджа — отсканируйте снова
gate-verdict-unsupported-version = Формат бейджа не поддерживается этим постом
gate-verdict-unknown-key = Бейдж не подписан этим мероприятием — возможна подделка
gate-verdict-bad-signature = Недействительная подпись — бейдж поддельный или изменён
gate-verdict-wrong-event-code = Бейдж другого мероприятия ({ $event })
gate-verdict-wrong-event = Бейдж другого мероприятия
gate-verdict-not-yet-valid-from = Бейдж ещё не действует — действует с { $from }
gate-verdict-not-yet-valid = Бейдж ещё не действует
gate-verdict-expired-on = Срок действия бейджа истёк { $expired }
gate-verdict-expired = Срок действия бейджа истёк
gate-verdict-revoked = Бейдж отозван
gate-verdict-zone-denied = Нет доступа в зону { $zone } — { $zone_name }
gate-verdict-already-inside-since = Уже внутри с { $since }
gate-verdict-already-inside = Уже внутри
gate-verdict-unknown-badge = Бейдж неизвестен этому посту — проверьте личность, вызовите старшего смены
gate-verdict-not-a-badge = Это письмо, а не бейдж — прохода по нему нет
gate-verdict-entry-only = Этот пункт пропуска только для входа
gate-verdict-exit-only = Этот пункт пропуска только для выхода
gate-verdict-no-way-through = Здесь нет прохода через зону { $zone } — { $zone_name }
gate-verdict-let-through-by = Пропущен с разрешения: { $supervisor }
gate-zone-number = Зона { $zone }
gate-month-short = { $month ->
    [1] янв.
    [2] февр.
    [3] мар.
    [4] апр.
    [5] мая
    [6] июн.
    [7] июл.
    [8] авг.
    [9] сент.
    [10] окт.
    [11] нояб.
   *[12] дек.
}
gate-date-time = { $day } { $month } { $year } г., { $time }
gate-day-time = { $day } { $month }, { $time }

# Регистрация компьютера поста.
gate-enrol-title = Зарегистрировать этот компьютер как пост контроля
gate-enrol-about = Пост контроля открывает только пакеты, подписанные корневым ключом своего мероприятия. Введите отпечаток корневого ключа так, как его показывает стойка аккредитации (accredit keys root), чтобы взять корневой ключ из этого пакета, или вставьте открытый корневой ключ.
gate-enrol-fingerprint = Отпечаток, например 3F2A 9C01 77B4 E0D2 5A6C 1188 C0DE 42F7
gate-enrol-root = …или открытый корневой ключ (64 шестнадцатеричные цифры)
gate-enrol-station = Название станции
gate-enrol-submit = Зарегистрировать компьютер

# Офлайн-пакет поста контроля.
gate-export-dialog = Сохранить пакет поста контроля
gate-export-title = Офлайн-пакет поста контроля
gate-export-about = Для компьютера поста без сети: обслуживаемые пункты пропуска, владелец каждого действующего бейджа с небольшим фото, списки доверия и отзыва.
gate-export-fingerprint = Зарегистрируйте каждый компьютер поста по отпечатку корневого ключа этого мероприятия:
gate-export-writing = Запись пакета…
gate-export-save = Сохранить пакет…
gate-export-done = Записан { $file }: владельцев бейджей — { $holders }, фото — { $photos }, список отзыва № { $revocations }.

# Передача проверок на стойку аккредитации.
gate-scans-filter = Проверки поста
gate-scans-save-dialog = Сохранить проверки этого поста для стойки аккредитации
gate-scans-import-dialog = Загрузить проверки офлайн-поста
gate-scans-save-title = Проверки для стойки аккредитации
gate-scans-save-about = Сохраните проверки этого поста, подписанные этой станцией, чтобы доставить их на стойку аккредитации на USB-накопителе.
gate-scans-save = Сохранить проверки…
gate-scans-import-title = Проверки офлайн-постов
gate-scans-import-about = Загрузите файл, сохранённый офлайн-постом. Принимается только неизменённый файл, подписанный станцией, которую зарегистрировало мероприятие.
gate-scans-import = Загрузить проверки…
gate-scans-working = Выполняется…
gate-scans-saved = Сохранено проверок: { $count }, файл { $file }.
gate-scans-imported = Загружено новых проверок: { $count } (уже были: { $already }), станция { $station }.
gate-scans-refused = Проверки отклонены: { $error }
