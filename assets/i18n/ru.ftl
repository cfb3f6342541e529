# Русский — язык интерфейса по умолчанию.

app-title = Дорожные карты
screen-measures = Мероприятия
screen-calendar = Календарь
screen-schools = Школы
screen-exchange = Обмен

action-undo = ↩ Отменить
action-redo = ↪ Повторить
hint-undo = Отменить последнее изменение (Ctrl+Z)
hint-redo = Повторить отменённое (Ctrl+Shift+Z или Ctrl+Y)
hint-plan-selector = Выбор дорожной карты
hint-database = Файл базы данных: все изменения сохраняются сразу

sections-count = { $count ->
    [one] { $count } направление
    [few] { $count } направления
   *[many] { $count } направлений
}
measures-count = { $count ->
    [one] { $count } мероприятие
    [few] { $count } мероприятия
   *[many] { $count } мероприятий
}
status-today = Сегодня { $date }
status-in-memory = база в памяти
status-saved = ✔ Сохранено
status-read-only = только чтение
hint-read-only = Файл базы или его папка доступны только для чтения: данные можно смотреть и выгружать, изменения не сохраняются.

soon-exchange = Скоро: предпросмотр изменений перед импортом, слияние данных разных организаций без потерь, резервные копии, таблицы CSV, Word и Excel.
exchange-intro = Передавайте дорожную карту в школы и получайте от них отчёты обычными файлами. Импорт того же файла повторно ничего не меняет.

action-import-file = Импортировать файл…
action-export-plan = Экспортировать план в файл обмена…
action-open-example = Открыть пример
action-create-plan = Создать план
action-add-measure = ➕ Мероприятие
action-add-section = ➕ Направление
action-delete-measure = 🗑 Удалить мероприятие

welcome-heading = Добро пожаловать в «Дорожные карты»
welcome-intro = Программа помогает управлению образованием и школам составлять дорожные карты поддержки школ с низкими образовательными результатами (ШНОР) и школ в сложных социальных условиях (ШНСУ) и следить за их выполнением. Все данные хранятся на этом компьютере.
welcome-example-title = Посмотреть на примере
welcome-example-text = Дорожная карта Ивантеевского района на 2021–2022 учебный год: 9 направлений, 58 мероприятий.
welcome-import-title = Загрузить файл
welcome-import-text = Дорожная карта в документе Word (.docx) или книге Excel (.xlsx), таблица CSV/TSV или файл обмена (.json), полученный из управления образованием или из школы. Файл можно и перетащить в окно.
welcome-create-title = Создать новый план

field-plan-title = Название
hint-plan-title = Например: Дорожная карта поддержки ШНОР на 2025–2026 учебный год
field-period-from = Период с (дд.мм.гггг)
field-period-to = по (дд.мм.гггг)

field-number = №
field-title = Мероприятие
field-deadline = Сроки
field-responsible = Ответственные
field-result = Результат
field-documents = Документы

details-heading = Мероприятие
details-none = Выберите мероприятие в таблице, чтобы увидеть и изменить его поля.
details-due = Даты исполнения

new-section-title = Новое направление
new-measure-title = Новое мероприятие

toast-example-loaded = Пример загружен: дорожная карта Ивантеевского района
toast-exported = Файл сохранён: { $path }

dialog-import-title = Импорт файла
dialog-export-title = Экспорт плана
filter-exchange = Файл обмена

error-no-plan = Сначала откройте или создайте план
error-no-measure = Мероприятие не найдено — возможно, оно уже удалено
error-no-section = Направление не найдено — возможно, оно уже удалено
error-write-file = Не удалось записать файл
error-plan-title-empty = Введите название плана
error-date-format = Дата должна быть в виде дд.мм.гггг, например 01.09.2025
error-period-reversed = Начало периода позже его конца

# Calendar
calendar-month-1 = Январь
calendar-month-2 = Февраль
calendar-month-3 = Март
calendar-month-4 = Апрель
calendar-month-5 = Май
calendar-month-6 = Июнь
calendar-month-7 = Июль
calendar-month-8 = Август
calendar-month-9 = Сентябрь
calendar-month-10 = Октябрь
calendar-month-11 = Ноябрь
calendar-month-12 = Декабрь
calendar-month-short-1 = янв
calendar-month-short-2 = фев
calendar-month-short-3 = мар
calendar-month-short-4 = апр
calendar-month-short-5 = май
calendar-month-short-6 = июн
calendar-month-short-7 = июл
calendar-month-short-8 = авг
calendar-month-short-9 = сен
calendar-month-short-10 = окт
calendar-month-short-11 = ноя
calendar-month-short-12 = дек
calendar-weekday-1 = Пн
calendar-weekday-2 = Вт
calendar-weekday-3 = Ср
calendar-weekday-4 = Чт
calendar-weekday-5 = Пт
calendar-weekday-6 = Сб
calendar-weekday-7 = Вс
calendar-prev = Предыдущий месяц
calendar-prev-hint = Предыдущий месяц (PageUp)
calendar-next = Следующий месяц
calendar-next-hint = Следующий месяц (PageDown)
calendar-today = Сегодня
calendar-today-hint = К текущему месяцу (Home)
calendar-today-mark = сегодня
calendar-state-done = выполнено
calendar-state-overdue = просрочено
calendar-state-open = в работе
calendar-state-none = нет отметок
calendar-more = +{ $count } ещё
calendar-more-hint = Показать все мероприятия этого дня
calendar-filtered = Действует фильтр экрана «Мероприятия»: показаны не все мероприятия
calendar-filter-reset = Сбросить фильтр
calendar-export-ics = 📅 Экспорт в календарь (ICS)…
calendar-export-ics-hint = Сохранить сроки плана файлом .ics для Outlook, Thunderbird, Google или телефона: по событию на каждую дату. Повторный экспорт обновляет события, а не дублирует их.
calendar-agenda-heading = Ближайшие сроки
calendar-agenda-overdue = Просрочено
calendar-agenda-week = На этой неделе
calendar-agenda-30-days = Ближайшие 30 дней
calendar-agenda-unscheduled = Без срока
calendar-agenda-group = { $name } · { $count }
calendar-agenda-empty = нет
calendar-agenda-more = …и ещё { $count }
calendar-strip-title = Сроки по направлениям и месяцам, { $years }
calendar-strip-filtered = (с учётом фильтра)
calendar-strip-total = Всего
calendar-strip-go = Открыть месяц: { $month }
calendar-popup-title = Мероприятие { $number }
calendar-popup-title-plain = Мероприятие
calendar-popup-progress = Выполнение
calendar-progress-none = отметок о выполнении пока нет
calendar-progress = выполнено { $done } из { $total }{ $overdue ->
    [0] {""}
   *[other] , просрочено { $overdue }
}
calendar-open-in-grid = Открыть в таблице мероприятий
calendar-close = Закрыть
calendar-day-title = Сроки на { $date } · { $count }
calendar-hint = Щелчок открывает мероприятие · PageUp/PageDown — месяцы
due-heading = Даты исполнения
due-manual = ✏ задано вручную
due-manual-hint = Даты заданы вручную: они не пересчитываются, когда меняется текст срока или период плана
due-explanation = Из текста срока: { $text }
due-explanation-manual = Текст срока дал бы: { $text }
due-none = Без срока: дат нет
due-outside-period = вне периода плана
due-remove-hint = Удалить дату { $date }
due-new-label = Добавить дату
due-add = ➕ Добавить
due-reset = ↺ Вернуть даты из текста срока
due-reset-hint = Снова вычислять даты по тексту срока и периоду плана
dialog-export-ics-title = Экспорт в календарь
filter-ics = Календарь iCalendar
toast-exported-ics = Календарь сохранён: { $path } ({ $count ->
    [one] { $count } событие
    [few] { $count } события
   *[many] { $count } событий
})

# Grid
grid-col-status = Статус
grid-progress-done = выполнено { $done } из { $total }
grid-progress-overdue = просрочено { $count }
grid-section-summary = { $count } · выполнено { $percent }%
grid-section-shown = { $shown } из { $total }
grid-shown = показано { $shown } из { $total }
grid-empty-plan = В плане пока нет направлений. Добавьте направление кнопкой «➕ Направление».
grid-nothing-found = Ничего не найдено. Измените условия поиска или сбросьте фильтры.
grid-cell-editor = Ячейка: { $column }
grid-collapse-section = Свернуть направление { $number }
grid-expand-section = Развернуть направление { $number }
grid-action-edit = ✏ Изменить ячейку
grid-action-insert = ➕ Вставить ниже
grid-action-duplicate = 🗐 Дублировать
grid-action-up = ⬆ Выше
grid-action-down = ⬇ Ниже
grid-action-copy = 📋 Копировать
grid-action-renumber = 🔢 Перенумеровать
grid-hint-add = Новое мероприятие в конце текущего направления
grid-hint-edit = Изменить ячейку на месте (Enter или двойной щелчок; Enter — сохранить, Shift+Enter — новая строка, Tab — следующая ячейка, Esc — отмена)
grid-hint-insert = Новое мероприятие под выделенной строкой (Ctrl+N)
grid-hint-duplicate = Копия выделенных мероприятий под ними (Ctrl+D)
grid-hint-up = Переместить выделенные мероприятия выше, при необходимости в предыдущее направление (Alt+стрелка вверх); доступно при порядке «как в документе»
grid-hint-down = Переместить выделенные мероприятия ниже, при необходимости в следующее направление (Alt+стрелка вниз); доступно при порядке «как в документе»
grid-hint-delete = Удалить выделенные мероприятия (Del); отменяется кнопкой «Отменить»
grid-hint-copy = Скопировать выделенные строки в буфер обмена для Excel или Word (Ctrl+C)
grid-hint-renumber = Пронумеровать направления 1, 2, … и мероприятия 1.1, 1.2, … заново
grid-section-menu = Направление ⏷
grid-hint-section-menu = Действия с направлением, в котором стоит курсор
grid-section-rename = ✏ Переименовать направление
grid-section-add-measure = ➕ Мероприятие в начало направления
grid-section-insert = ➕ Вставить направление ниже
grid-section-up = ⬆ Направление выше
grid-section-down = ⬇ Направление ниже
grid-section-add = ➕ Направление в конец плана
grid-section-delete = 🗑 Удалить направление
grid-hint-section-rename = Изменить название направления на месте
grid-hint-section-add-measure = Новое мероприятие первым в этом направлении
grid-hint-section-insert = Новое направление после текущего
grid-hint-section-up = Переместить направление со всеми мероприятиями выше
grid-hint-section-down = Переместить направление со всеми мероприятиями ниже
grid-hint-section-add = Новое направление в конце плана
grid-hint-section-delete = Удалить направление со всеми мероприятиями; отменяется кнопкой «Отменить»
grid-details-toggle = Подробности
grid-hint-details = Показать или скрыть панель выбранного мероприятия
grid-action-reset-widths = Сбросить ширину столбцов
grid-hint-reset-widths = Вернуть столбцам таблицы ширину по умолчанию
toolbar-more = Остальные действия
grid-search = Поиск
grid-search-hint = 🔍 Найти… (Ctrl+F)
grid-hint-search = Поиск по всем полям мероприятий без учёта регистра
grid-filter-responsible = Ответственные
grid-filter-any-responsible = Все ответственные
grid-filter-school = Школа или категория
grid-filter-any-school = Все школы
grid-filter-status = Статус
grid-filter-any-status = Любой статус
grid-filter-month = Месяц срока
grid-filter-any-month = Любой месяц
grid-filter-overdue = Просроченные
grid-hint-overdue = Только мероприятия, срок которых прошёл, а выполнение не отмечено
grid-filter-unscheduled = Без срока
grid-hint-unscheduled = Только мероприятия, в сроках которых нет даты («по плану», «по мере необходимости»)
grid-filter-reset = × Сбросить
grid-hint-reset = Показать все мероприятия
grid-sort = Порядок строк
grid-sort-document = Как в документе
grid-sort-number = По номеру
grid-sort-deadline = По сроку
grid-sort-status = По статусу
grid-category-shnor = ШНОР
grid-category-shnsu = ШНСУ
grid-category-risk_zone = Зона риска
grid-category-leader = Школа-лидер
grid-category-partner = Опорная школа
grid-category-curator = Школа-куратор
grid-status-planned = запланировано
grid-status-in_progress = в работе
grid-status-done = выполнено
grid-status-not_done = не выполнено
grid-status-cancelled = отменено
grid-month-1 = Январь
grid-month-2 = Февраль
grid-month-3 = Март
grid-month-4 = Апрель
grid-month-5 = Май
grid-month-6 = Июнь
grid-month-7 = Июль
grid-month-8 = Август
grid-month-9 = Сентябрь
grid-month-10 = Октябрь
grid-month-11 = Ноябрь
grid-month-12 = Декабрь
grid-details-year = Ключевые мероприятия { $year } года
grid-details-notes = Примечания
grid-details-progress = Выполнение по школам

# Help, settings, about
action-help = Справка
hint-help = Справка по работе с программой (F1)
action-settings = Настройки
hint-settings = Язык, оформление, размер шрифта, папки данных и резервных копий (Ctrl+,)
action-about = О программе
hint-about = Версия, лицензия и папка данных
window-close = Закрыть
help-title = Справка
help-intro = Короткие инструкции для двух ролей. F1 открывает и закрывает это окно, Esc закрывает его.
help-tab-methodist = Методисту управления образованием
help-tab-school = Заместителю директора школы
help-tab-keys = Клавиатура
help-m1-title = 1. Загрузите свою дорожную карту из Word
help-m1-body = Откройте экран «Обмен» и нажмите «Импортировать файл…». Выберите документ Word (.docx) с таблицей мероприятий, таблицу Excel или файл обмена (.json). Программа сохранит номера, тексты и сроки так, как они написаны в документе, и рядом покажет даты исполнения. Проверьте мероприятия на экране «Мероприятия»: текст можно исправить прямо в таблице или в панели справа.
help-m2-title = 2. Добавьте школы
help-m2-body = На экране «Школы» добавьте школы по одной или загрузите список из таблицы. Отметьте категории: ШНОР, ШНСУ, зона риска, школа-лидер, опорная школа или школа-куратор. У каждого мероприятия можно указать, каких школ оно касается: всех, списка или категории.
help-m3-title = 3. Отправьте план школам
help-m3-body = На экране «Обмен» нажмите «Экспортировать план в файл обмена…» и отправьте полученный файл школам по электронной почте или на флешке. Файл обычный: его можно открыть в этой программе на любом компьютере.
help-m4-title = 4. Соберите отчёты школ
help-m4-body = Файлы отчётов, присланные школами, загружайте на экране «Обмен» кнопкой «Импортировать файл…». Повторная загрузка того же файла ничего не дублирует; при расхождении остаётся более новая запись. Перед каждым импортом программа делает резервную копию базы.
help-m5-title = 5. Посмотрите, кто отстаёт
help-m5-body = Экран «Школы» показывает обзор по району: сколько мероприятий выполнено и просрочено в каждой школе. «Календарь» показывает ближайшие и просроченные сроки. На экране «Мероприятия» фильтр «просрочено» оставляет только то, что требует внимания.
help-s1-title = 1. Загрузите план района
help-s1-body = Получите от управления образованием файл дорожной карты (.json). На первом экране или на экране «Обмен» нажмите «Импортировать файл…» и выберите его.
help-s2-title = 2. Составьте план своей школы
help-s2-body = На экране «Школы» выберите свою школу: программа соберёт мероприятия района, которые её касаются. Добавьте собственные мероприятия школы, укажите ответственных и сроки — даты исполнения программа вычислит сама.
help-s3-title = 3. Отмечайте выполнение с подтверждающими документами
help-s3-body = Выберите мероприятие и отметьте статус: в работе, выполнено, не выполнено. Укажите дату и подтверждающий документ — название и номер приказа, протокола или ссылку на файл. В настройках в поле «Кто отмечает выполнение» впишите своё имя: оно сохраняется с каждой отметкой.
help-s4-title = 4. Отправьте отчёт
help-s4-body = На экране «Обмен» выгрузите файл обмена и отправьте его в управление образованием. В файл попадают все отметки о выполнении вашей школы с документами и комментариями.
help-keys-body = Tab и Shift+Tab — переход между кнопками и полями.
    Enter или Пробел — нажать выбранную кнопку.
    F1 — справка; Ctrl+, — настройки; Esc — закрыть окно.
    Ctrl+Z — отменить; Ctrl+Shift+Z или Ctrl+Y — повторить.
    Размер шрифта (100, 125 или 150 %) меняется в настройках.
settings-title = Настройки
settings-language = Язык интерфейса
settings-theme = Оформление
settings-theme-light = Светлое
settings-theme-dark = Тёмное
settings-font-scale = Размер шрифта
settings-data-heading = Данные
settings-database = Файл базы данных
settings-open-folder = Открыть папку
settings-choose-database = Выбрать другой файл базы…
settings-database-next = Со следующего запуска будет открыт файл: { $path }
settings-database-default = Вернуть файл по умолчанию
settings-user-name = Кто отмечает выполнение
settings-backups-heading = Резервные копии
settings-backups-dir = Папка копий
settings-backups-choose = Выбрать папку…
settings-backups-default = Папка по умолчанию
settings-backups-keep = Хранить копий
settings-config-file = Файл настроек: { $path }
settings-save-error = Не удалось сохранить настройки: { $error }
about-title = О программе
about-name = Дорожные карты (Roadmap Planner)
about-version = Версия { $version }
about-what = Программа для управлений образованием и школ: составлять дорожные карты поддержки школ с низкими образовательными результатами и школ, работающих в сложных социальных условиях, и следить за их выполнением. Работает без интернета; данные хранятся на этом компьютере.
about-license = Лицензия: MIT. Программу можно свободно использовать, изменять и распространять.
about-data-folder = Папка данных: { $path }
about-in-memory = База данных в памяти: на диск ничего не сохраняется

# Paste and plan header
paste-toast = Вставлено: { $what }
paste-more-warnings = { $count ->
    [one] …и ещё { $count } замечание
    [few] …и ещё { $count } замечания
   *[many] …и ещё { $count } замечаний
}
paste-error-empty = В буфере обмена нет строк таблицы
plan-header-open = Паспорт плана
plan-header-open-hint = Название, период, цель, задачи и целевые индикаторы плана
plan-header-title = Паспорт плана
plan-header-field-title = Название
plan-header-issuer = Организация
plan-header-approval = Утверждён
plan-header-level = Уровень
plan-level-region = региональный
plan-level-district = муниципальный
plan-level-school = школьный
plan-header-owner-school = Школа
plan-header-owner-none = — не выбрана —
plan-header-period-from = Начало периода
plan-header-period-to = Конец периода
plan-header-goal = Цель
plan-header-tasks = Задачи
plan-header-add-task = ➕ Задача
plan-header-task-up = Переместить выше
plan-header-task-down = Переместить ниже
plan-header-task-remove = Удалить задачу
plan-header-indicators = Целевые индикаторы
indicator-field-name = Наименование
indicator-field-unit = Ед. изм.
indicator-field-baseline = Базовое значение
indicator-unit-percent = %
indicator-unit-count = количество
indicator-unit-yes-no = да/нет
indicator-value-yes = да
indicator-value-no = нет
plan-header-add-indicator = ➕ Индикатор
plan-header-indicator-remove = Удалить индикатор
plan-header-indicator-values = Целевые значения — по годам плана; для «да/нет» пишите «да» или «нет».
plan-header-save = Сохранить
plan-header-cancel = Отмена
plan-header-error-indicator-value = Индикатор «{ $name }»: «{ $value }» — не число
plan-header-error-indicator-name = У индикатора нет наименования
date-field-hint = дд.мм.гггг
date-field-pick = Выбрать дату в календаре
date-field-prev-month = Предыдущий месяц
date-field-next-month = Следующий месяц
date-field-month-1 = Январь
date-field-month-2 = Февраль
date-field-month-3 = Март
date-field-month-4 = Апрель
date-field-month-5 = Май
date-field-month-6 = Июнь
date-field-month-7 = Июль
date-field-month-8 = Август
date-field-month-9 = Сентябрь
date-field-month-10 = Октябрь
date-field-month-11 = Ноябрь
date-field-month-12 = Декабрь
date-field-weekday-1 = Пн
date-field-weekday-2 = Вт
date-field-weekday-3 = Ср
date-field-weekday-4 = Чт
date-field-weekday-5 = Пт
date-field-weekday-6 = Сб
date-field-weekday-7 = Вс

# Schools
schools-count = { $count ->
    [one] { $count } школа
    [few] { $count } школы
   *[many] { $count } школ
}
schools-empty = В реестре пока нет школ. Добавьте школу или загрузите список из таблицы CSV.
schools-pick-school = Выберите школу в списке слева.
schools-new-school-name = Новая школа
schools-action-add = ➕ Школа
schools-action-import = Загрузить список (CSV)…
schools-hint-import-schools = Таблица CSV или TSV в кодировке UTF-8 со столбцами «Наименование», «Краткое наименование», «Район», «Вид», «Директор», «Контакты»
schools-hint-search = Поиск по названию или району
schools-tab-overview = Обзор района
schools-tab-dashboard = Сводка по школе
schools-tab-card = Карточка
schools-tab-criteria = Критерии
schools-tab-school-plan = План школы
schools-tab-criteria-set = Набор критериев
schools-action-report-school = Справка по школе (HTML)…
schools-action-report-district = Справка по району (HTML)…
schools-hint-report = Аналитическая справка для печати: выполнено из наступивших сроков, просроченные мероприятия, ход по направлениям
schools-dialog-report-title = Сохранить аналитическую справку
schools-report-district-file = район
schools-dialog-import-title = Список школ (CSV или TSV)
schools-filter-table = Таблица CSV/TSV
schools-category-shnor = ШНОР
schools-category-shnsu = ШНСУ
schools-category-risk-zone = зона риска
schools-category-leader = школа-лидер
schools-category-partner = опорная школа
schools-category-curator = школа-куратор
schools-field-name = Полное наименование
schools-field-short-name = Краткое наименование
schools-field-district = Район
schools-field-kind = Вид
schools-field-director = Директор
schools-field-contacts = Контакты
schools-field-curator = Куратор
schools-field-categories = Категории
schools-action-choose = Выбрать
schools-action-choose-curator = Школа-куратор
schools-action-show-dashboard = Открыть сводку
schools-action-delete = 🗑 Удалить школу
schools-hint-delete = Удаляет школу вместе с её отметками о выполнении и значениями критериев; Ctrl+Z вернёт всё
schools-hint-categories-by-criteria = Категории ШНОР, ШНСУ и «зона риска» можно рассчитать по критериям на вкладке «Критерии».
schools-status-planned = запланировано
schools-status-in-progress = в работе
schools-status-done = выполнено
schools-status-not-done = не выполнено
schools-status-cancelled = отменено
schools-status-overdue = просрочено
schools-due-none = без срока
schools-progress-who = Отмечает:
schools-hint-progress-who = ваши фамилия и должность
schools-progress-filter-all = Все
schools-progress-filter-overdue = Просрочено
schools-progress-filter-upcoming = 30 дней
schools-progress-filter-open = Не выполнено
schools-progress-filter-done = Выполнено
schools-action-select-shown = Выбрать показанные
schools-progress-selected = Выбрано: { $count }
schools-action-mark-selected-done = ✔ Отметить выполненными
schools-action-apply-status = Установить статус
schools-action-clear-selection = Снять выбор
schools-hint-quick-done = Отметить выполненным сегодняшним числом
schools-progress-pick = Выберите строку, чтобы изменить отметку: статус, дату, подтверждающий документ, комментарий.
schools-progress-loading = Загрузка отметок о выполнении…
schools-progress-no-schools = Мероприятие не касается ни одной школы реестра.
schools-office = Управление
schools-progress-due = Срок
schools-progress-status = Статус
schools-progress-done-on = Дата выполнения
schools-hint-date = дд.мм.гггг
schools-evidence-document = Документ
schools-evidence-number = Номер
schools-evidence-date = Дата документа
schools-evidence-link = Ссылка или файл
schools-hint-evidence-link = https://… или путь к файлу
schools-action-open-evidence = Открыть
schools-progress-comment = Комментарий
schools-progress-changed = Изменено
schools-progress-by-unknown = пользователь не указан
schools-action-save-progress = Сохранить отметку
schools-action-mark-done = ✔ Отметить выполненным
schools-dashboard-progress-heading = Отметки о выполнении
schools-dashboard-done-of-due = Выполнено { $done } из { $due } { $due ->
    [one] мероприятия
   *[other] мероприятий
} со сроком по { $date }
schools-dashboard-totals = Всего на период (с повторами): { $total }; выполнено { $done } ({ $percent }); просрочено { $overdue }.
schools-dashboard-sections = По направлениям
schools-dashboard-not-concerned = Мероприятия этого плана не касаются школы.
schools-dashboard-section-overdue = просрочено: { $count }
schools-dashboard-overdue = Просрочено: { $count }
schools-dashboard-overdue-none = Просроченных мероприятий нет.
schools-dashboard-upcoming = Ближайшие { $days } дней
schools-dashboard-upcoming-none = В ближайшие дни сроков нет.
schools-dashboard-more = и ещё { $count } — весь список справа
schools-dashboard-indicators = Целевые индикаторы
schools-dashboard-months = Выполнено по месяцам
schools-indicators-none = В плане нет целевых индикаторов.
schools-indicator-unit-percent = в процентах
schools-indicator-unit-count = количество
schools-indicator-unit-yes-no = да/нет (1 — да, 0 — нет)
schools-indicator-baseline = базовое значение
schools-indicator-actual = Факт:
schools-chart-target = Цель
schools-chart-actual = Факт
schools-chart-done = Выполнено
schools-months-short = янв, фев, мар, апр, май, июн, июл, авг, сен, окт, ноя, дек
schools-error-number = Введите число, например 3,5
schools-overview-heading = Обзор района
schools-overview-totals = Просрочено по району: { $overdue }; школ с просрочками: { $late }.
schools-overview-indicators = Целевые индикаторы района
schools-overview-table = Таблица
schools-overview-heat-map = Тепловая карта
schools-overview-col-school = Школа
schools-overview-col-categories = Категории
schools-overview-col-done = Выполнено из наступивших
schools-overview-col-overdue = Просрочено
schools-overview-col-updated = Обновлено
schools-hint-sort = Сортировать; повторный щелчок — в обратном порядке
schools-heat-legend = Выполнено из наступивших:
schools-heat-done = выполнено из наступивших
schools-heat-total = всего на период
schools-heat-nothing-due = сроки не наступили
schools-heat-overdue = просрочено
schools-criteria-heading = Критерии: { $school }
schools-criteria-intro = Введите значения школы — программа подсчитает баллы по каждой группе критериев и предложит категории. Пороги и списки меняются на вкладке «Набор критериев».
schools-criteria-group-score = { $title }: { $points } из { $max } (категория — от { $min })
schools-criteria-proposal = Предлагаемые категории
schools-criteria-proposal-empty = Введите значения критериев, чтобы получить предложение.
schools-criteria-proposal-same = Категории школы соответствуют критериям.
schools-criteria-propose-add = Добавить «{ $category }»: { $points ->
    [one] { $points } балл
    [few] { $points } балла
   *[many] { $points } баллов
} при пороге { $min }. Причины:
schools-criteria-propose-remove = Снять «{ $category }»: { $points ->
    [one] { $points } балл
    [few] { $points } балла
   *[many] { $points } баллов
} — меньше порога { $min }.
schools-action-confirm-categories = Подтвердить категории
schools-criteria-unknown = не указано
schools-criteria-yes = да
schools-criteria-no = нет
schools-criteria-regional = регион: { $value }
schools-criteria-no-regional = нет регионального значения
schools-criteria-holds = соблюдается
schools-criteria-not-holds = нет
schools-criteria-not-scored = не оценено
schools-criteria-set-heading = Набор критериев
schools-criteria-set-intro = Списки критериев и пороги — данные, а не правила программы: меняйте их под свою программу поддержки. Ключи критериев сохраняются, поэтому введённые значения школ не теряются.
schools-action-save-criteria = Сохранить набор
schools-action-discard-criteria = Отменить правки
schools-action-reset-criteria = Вернуть исходные критерии
schools-hint-reset-criteria = Критерии, поставляемые с программой (Ctrl+Z — вернуть свои)
schools-criteria-group-title = Группа
schools-criteria-min-points = категория от (баллов):
schools-criteria-threshold = Порог
schools-criteria-regional-short = регион
schools-criteria-points = Баллы за критерий
schools-action-delete-criterion = Удалить критерий
schools-action-add-criterion = ➕ Критерий
schools-new-criterion-text = Новый критерий
schools-criterion-kind-percent-below = доля ниже порога, %
schools-criterion-kind-percent-above = доля выше порога, %
schools-criterion-kind-value-below = значение ниже порога
schools-criterion-kind-value-above = значение выше порога
schools-criterion-kind-below-regional = ниже регионального более чем на
schools-criterion-kind-present = есть / нет
schools-scope-label = Касается:
schools-scope-all = всех школ
schools-scope-category = категории
schools-scope-list = списка школ
schools-scope-all-count = Школ в реестре: { $count }
schools-scope-category-count = Школ в категории: { $count }
schools-scope-list-count = Выбрано школ: { $count }
schools-plan-heading = План школы
schools-plan-open-district = Открыт план школы. Чтобы составить новый план школы, откройте районный план.
schools-plan-intro = Отметьте мероприятия плана «{ $plan }», которые войдут в план школы «{ $school }», и добавьте собственные. Связь с мероприятиями районного плана сохранится.
schools-plan-title = Название
schools-plan-default-title = Дорожная карта: { $school }
schools-action-pick-all = Выбрать все
schools-action-pick-none = Снять все
schools-plan-own = Собственные мероприятия школы
schools-hint-school-plan-own = по одному в строке
schools-plan-own-section = Собственные мероприятия школы
schools-action-create-plan = Создать план школы ({ $count ->
    [one] { $count } мероприятие
    [few] { $count } мероприятия
   *[many] { $count } мероприятий
})
schools-error-no-school = Школа не найдена — возможно, она уже удалена
schools-error-school-plan-empty = Отметьте хотя бы одно мероприятие или добавьте собственное
schools-error-read-file = Не удалось прочитать файл
schools-error-csv-too-large = Файл слишком большой для списка школ (больше 20 МБ)
schools-error-open-evidence = Не удалось открыть «{ $path }»: { $reason }
evidence-confirm-title = Открыть файл?
evidence-confirm-text = Подтверждающий документ — файл на этом компьютере. Он откроется программой, которая назначена для него в системе. Открывайте только знакомые файлы.
evidence-confirm-open = Открыть файл
evidence-confirm-cancel = Не открывать
evidence-refused-executable = Ссылка не открыта: «{ $link }» — программа, сценарий или ярлык. Такие файлы из отметок о выполнении не открываются.
evidence-refused-network = Ссылка не открыта: «{ $link }» — сетевой путь. Открыть его значило бы отправить ваши учётные данные на чужой компьютер.
evidence-refused-unsupported = Ссылка не открыта: «{ $link }» — открываются только адреса http:// и https:// и файлы на этом компьютере.
schools-toast-imported = Список школ загружен: добавлено { $added }, обновлено { $updated }.
schools-toast-report-saved = Справка сохранена: { $path }
schools-toast-school-deleted = Школа «{ $name }» удалена. Ctrl+Z — вернуть.
schools-toast-school-plan-created = План школы создан: { $count ->
    [one] { $count } мероприятие
    [few] { $count } мероприятия
   *[many] { $count } мероприятий
}.

# Word and Excel
filter-importable = Файл обмена, Word или Excel
filter-office = Дорожная карта Word или Excel
schools-criteria-text = Текст критерия
schools-criteria-kind = Как проверяется критерий
schools-criteria-regional-value = Региональное значение
schools-hint-tick = Отметить строку для группового изменения
schools-hint-bulk-status = Статус для отмеченных строк

# Exchange screen
exchange-import-hint = Файл обмена (.json), таблица CSV или TSV, документ Word или Excel. Перед записью будет показано, что изменится.
exchange-preview-title = Предпросмотр импорта: { $file }
exchange-preview-from = Файл из организации: { $office }
exchange-preview-hint = Ничего ещё не записано. Проверьте изменения и нажмите «Применить» или «Отмена».
exchange-preview-nothing = Изменений нет: все записи файла уже есть в базе.
exchange-preview-conflicts = Конфликтов: { $count }. Обе версии сохранятся; выберите нужную в списке конфликтов после применения.
exchange-col-added = Добавится
exchange-col-updated = Изменится
exchange-col-deleted = Удалится
exchange-col-conflicts = Конфликты
exchange-col-kept = Без изменений
exchange-kind-plans = Планы
exchange-kind-sections = Направления
exchange-kind-measures = Мероприятия
exchange-kind-schools = Школы
exchange-kind-progress = Отметки о выполнении
exchange-action-add = добавится
exchange-action-update = изменится
exchange-action-delete = удалится
exchange-action-conflict = конфликт
exchange-action-keep = без изменений
exchange-more = …и ещё { $count }
exchange-apply = Применить
exchange-cancel = Отмена
exchange-mapping-title = Сопоставление столбцов
exchange-mapping-hint = Укажите, что содержит каждый столбец таблицы. Столбцы «—» не загружаются.
exchange-mapping-first-row = Первая строка — заголовки столбцов
exchange-mapping-apply = Применить сопоставление
exchange-mapping-need-title = Укажите столбец «Мероприятие».
exchange-mapping-column = Столбец { $n }
exchange-conflicts-title = Конфликты
exchange-conflicts-none = Конфликтов нет.
exchange-conflicts-hint = Эти записи изменены и у нас, и в другой организации. Выберите, какую версию оставить.
exchange-conflict-other-office = другая организация
exchange-keep-ours = Оставить наше
exchange-take-theirs = Принять их
exchange-backups-title = Восстановить из резервной копии
exchange-backups-none = Резервных копий пока нет: они создаются перед каждым импортом.
exchange-backups-hint = Копия базы создаётся перед каждым импортом; хранятся последние 20.
exchange-backups-list = Резервные копии ({ $count })
exchange-restore = Восстановить
exchange-restore-title = Восстановить базу из резервной копии?
exchange-restore-text = Все данные будут заменены состоянием на { $date }. Изменения, сделанные позже, пропадут.
exchange-restore-confirm = Восстановить базу
exchange-export-title = Экспорт
exchange-pick-school = Выберите школу
exchange-export-school = Экспортировать отчёт школы…
exchange-no-schools = В реестре нет школ: отчёт школы экспортировать нельзя.
exchange-export-csv = Таблица мероприятий в CSV…
exchange-export-csv-filtered = Отобранные фильтром мероприятия в CSV…
exchange-export-csv-no-filter = Фильтр на экране «Мероприятия» не задан.
error-no-conflict = Конфликт уже разрешён.
toast-conflict-resolved = Конфликт разрешён.
toast-backup-restored = База восстановлена из резервной копии.
exchange-school-report = Отчёт школы:
exchange-report-of = Отчёт школы «{ $school }»
exchange-report-marks = отметок о выполнении: новых { $added }, изменённых { $updated }
exchange-not-a-report = это не отчёт школы (в файле должна быть одна школа и только её планы)
exchange-no-reports = В выбранном нет файлов отчётов школ (.json).
exchange-send-no-schools = План не касается ни одной школы реестра: рассылать некому.
exchange-sent = Планы для школ ({ $count }) записаны в папку { $folder }.
exchange-loop-title = Школы и управление
exchange-loop-hint = Разошлите план школам (по файлу на школу) и соберите их отчёты — несколько файлов или целую папку сразу.
exchange-send-plans = Разослать школам…
exchange-collect-reports = Собрать отчёты…
exchange-collect-folder = Собрать отчёты из папки…
exchange-reports-title = Отчёты школ: { $count }
exchange-apply-all = Применить все
exchange-apply-adding-missing = Добавить недостающее и применить
dialog-collect-reports-title = Отчёты школ
dialog-send-plans-title = Папка для планов школ
plan-label-district = Район · { $period } · { $title }
plan-label-region = Регион · { $period } · { $title }
plan-label-school = { $school } · { $period } · План школы
plan-label-unknown-school = Школа не из реестра
grid-progress-office = Управление:
schools-overview-office = Управление: выполнено { $done } из { $total }, просрочено { $overdue }
schools-executor-label = Исполняет:
schools-executor-office = Управление
schools-executor-schools = Школы
schools-executor-both = Управление и школы

# The in-app file chooser (systems without a file dialog of their own).
chooser-up = ⬆ Вверх
chooser-hint-up = Открыть папку уровнем выше
chooser-home = 🏠 Домашняя папка
chooser-empty-folder = В этой папке нет подходящих файлов
chooser-path = Файл (имя или полный путь — можно вставить):
chooser-path-folder = Папка (полный путь — можно вставить):
chooser-path-hint = например, /home/user/Документы/план.docx
chooser-open = Открыть
chooser-save = Сохранить
chooser-pick-folder = Выбрать эту папку
chooser-cancel = Отмена
chooser-error-empty = Укажите файл: выберите его в списке или введите путь.
chooser-error-no-file = Файл не найден: { $path }
chooser-error-no-folder = Папка не найдена: { $path }
chooser-error-is-folder = Это папка, а нужно имя файла: { $path }
chooser-system-failed = Системное окно выбора файла недоступно — выберите файл здесь.
drop-overlay = Отпустите файл, чтобы загрузить его (JSON, Word, Excel, CSV)
schools-nothing-due-yet = Пока нет мероприятий со сроком по { $date }
job-import = Чтение файла { $name }
job-export = Запись файла { $name }
job-busy = Дождитесь окончания текущей операции или отмените её.
job-progress = { $done } из { $total }
job-cancel = Отмена
job-hint-cancel = Остановить операцию; данные останутся такими, как были до неё
grid-filters-all = Все фильтры ⏷
grid-filters-fewer = Меньше фильтров ⏶
grid-hint-filters-all = Показать или скрыть фильтры по ответственным, школам, месяцу, срокам и порядок строк

## The columns of a table import (in its preview)
exchange-columns-title = Столбцы таблицы
exchange-columns-hint = Так прочитан каждый столбец. Если столбец понят неверно, выберите, что он содержит, — предпросмотр сразу обновится. Столбцы без своего поля попадают в примечание мероприятия.
exchange-columns-name = Заголовок в файле
exchange-columns-meaning = Что содержит
exchange-columns-samples = Первые ячейки
exchange-columns-year = Год этого столбца
exchange-left-out = Не импортировано:
meaning-number = Номер
meaning-title = Мероприятие
meaning-deadline = Сроки
meaning-start = Сроки: начало
meaning-end = Сроки: окончание
meaning-years = По годам
meaning-responsible = Ответственные
meaning-result = Результат
meaning-documents = Документы
meaning-notes = Примечание
meaning-skip = Не импортировать
paste-columns-title = Вставка таблицы
paste-columns-apply = Вставить
paste-columns-adds = Будет добавлено: направлений — { $sections }, мероприятий — { $measures }.
chooser-confirm-overwrite = Файл уже есть: { $path }. Нажмите «Сохранить» ещё раз, чтобы заменить его.
exchange-executors-title = Исполнители мероприятий
exchange-executors-hint = Предложены по графе «Ответственные». Мероприятия управления школам не предлагаются; их выполнение отмечает само управление.
exchange-executors-all = Для всех новых:
exchange-executors-proposed = Как предложено
exchange-plan-added = План «{ $title }» добавлен: откройте его в списке планов вверху.

## Errors of exchange files (a file that cannot be read, exported or imported)
decimal-separator = ,
size-mb = { $size } МБ
size-gb = { $size } ГБ
exchange-error-io = Не удалось прочитать файл { $path }: { $reason }
exchange-error-too-large = Файл слишком большой ({ $size }). Файл обмена может занимать не больше { $max } МБ.
exchange-error-empty = Файл пуст: в нём нет данных для загрузки.
exchange-error-not-text = Файл не является текстовым файлом обмена: в нём двоичные данные или текст не в кодировке UTF-8.
exchange-error-utf16 = Файл записан в кодировке UTF-16. Сохраните его в кодировке UTF-8 и повторите.
exchange-error-syntax = Файл повреждён: ошибка в записи JSON (строка { $line }, столбец { $column }).
exchange-error-truncated = Файл обрезан: данные обрываются на строке { $line }, столбце { $column }. Возможно, он скопирован не полностью.
exchange-error-other-format = Это не файл обмена программы: в поле format указано «{ $found }» вместо «{ $format }». Возможно, файл создан другой программой.
exchange-error-no-format = Это не файл обмена программы: в нём нет поля format со значением «{ $format }». Возможно, файл создан другой программой.
exchange-error-too-new = Файл создан более новой версией программы (версия { $version } формата обмена); эта версия понимает файлы до версии { $supported }. Обновите программу.
exchange-error-bad-version = Неверная версия формата обмена в файле: { $version }.
exchange-error-data = Неверные данные в файле (строка { $line }, столбец { $column }): { $detail }.
exchange-error-invalid-plan = План «{ $plan }»: { $error }.
exchange-error-invalid-school = Школа «{ $school }» ({ $id }): { $error }.
exchange-error-duplicate-id = Идентификатор { $id } встречается в файле дважды ({ $what }).
exchange-error-duplicate-progress = Отметка о выполнении мероприятия { $measure } школой { $school } за срок { $due } встречается в файле дважды.
exchange-error-the-office = «управление»
exchange-error-no-due = «без срока»
exchange-error-unknown-measure = Отметка о выполнении ссылается на мероприятие { $id }, которого нет ни в файле, ни в базе.
exchange-error-unknown-school = Отметка о выполнении ссылается на школу { $id }, которой нет ни в файле, ни в базе.
exchange-error-bad-deletion = Неверная запись об удалении № { $n } в списке deleted: для plan, section, measure и school нужен id, для progress — measure_id и school_id.
exchange-error-duplicate-deletion = Запись об удалении № { $n } в списке deleted повторяет более раннюю.
exchange-error-school-not-found = Школа не найдена: { $school }.
exchange-error-plan-not-found = План не найден: { $plan }.
exchange-record-plan = план
exchange-record-indicator = целевой индикатор
exchange-record-section = направление
exchange-record-measure = мероприятие
exchange-record-school = школа
cli-error = Ошибка: { $message }

## Reasons of failed file and database operations (our words; the system's text follows as a detail)
reason-with-detail = { $reason } (подробности: { $detail })
io-not-found = нет такой папки или файла
io-permission-denied = нет прав доступа
io-is-a-folder = это папка
io-disk-full = на диске нет места
io-read-only-disk = диск доступен только для чтения
io-already-exists = файл уже существует
io-file-too-large = файл слишком большой
io-other = ошибка ввода-вывода
sqlite-read-only = файл доступен только для чтения
sqlite-busy = база занята другой программой
sqlite-corrupt = файл базы повреждён
sqlite-cannot-open = файл базы не открывается
sqlite-io = ошибка чтения или записи на диск
sqlite-other = операция не выполнена

## Errors of the database
store-error-locked = База данных { $path } уже открыта другим окном программы или командой. Закройте его и повторите.
store-error-too-new = База данных создана более новой версией программы (схема { $found }, эта версия понимает до { $supported }). Обновите программу.
store-error-not-a-database = Файл { $path } не является базой данных программы или повреждён
store-error-damaged = Файл { $path } повреждён (проверка целостности базы данных не пройдена); восстановить из него нельзя
store-error-folder = Не удалось создать папку для данных { $path }: { $reason }
store-error-lock = Не удалось занять файл { $path } для работы с базой: { $reason }
store-error-backup-write = Не удалось записать резервную копию { $path }: { $reason }
store-error-plan-not-found = План не найден: { $plan }
store-error-corrupt = Данные в базе повреждены: { $detail }
store-error-read-only = База данных { $path } открыта только для чтения (нет прав на запись в файл или папку): изменения не сохраняются.
store-error-read-only-old = База данных { $path } открыта только для чтения, а её схема (версия { $found }) старше этой программы (версия { $supported }): обновить её без права записи нельзя.
store-error-sqlite = Ошибка базы данных: { $reason }

## Errors of Word and Excel documents
office-kind-word = документ Word (.docx)
office-kind-excel = книга Excel (.xlsx)
office-error-too-large = Файл слишком большой ({ $size } МБ). Документ может занимать не больше { $max } МБ.
office-error-empty = Файл пуст.
office-error-old-word = Это файл старого формата Word 97–2003 (.doc). Сохраните его в Word как .docx и повторите.
office-error-old-excel = Это файл старого формата Excel 97–2003 (.xls). Сохраните его в Excel как .xlsx и повторите.
office-error-encrypted = Документ защищён паролем (зашифрован), прочитать его нельзя. Снимите пароль (Файл → Сведения → Защита документа) и повторите.
office-error-not-package = Файл повреждён или это не { $kind }: { $reason }.
office-error-inflated = Файл отклонён: часть «{ $part }» после распаковки больше { $part_max } МБ (или все части вместе больше { $total_max } МБ). Это не похоже на обычный документ.
office-error-too-many-parts = Файл отклонён: в нём больше { $max } частей. Это не похоже на обычный документ.
office-error-missing-part = Файл повреждён или это не { $kind }: в нём нет части «{ $part }».
office-error-xml = Документ повреждён: ошибка в разметке «{ $part }» ({ $reason }).
office-error-no-table = В документе не найдена таблица мероприятий: нужна таблица со строкой заголовков «Мероприятие» и хотя бы одним из столбцов «№», «Сроки», «Ответственные», «Результат».
office-error-no-sheet-table = Ни на одном листе книги не найдена таблица мероприятий: нужна строка заголовков «Мероприятие» и хотя бы один из столбцов «№», «Сроки», «Ответственные», «Результат».
office-error-spreadsheet = Не удалось прочитать книгу Excel: { $detail }.
office-error-write = Не удалось составить файл: { $detail }

## Rules a plan or school breaks
validation-period-reversed = Начало периода ({ $from }) позже его конца ({ $to })
validation-empty-plan-title = У плана нет названия
validation-empty-section-title = У направления № { $number } нет названия
validation-empty-measure-title = У мероприятия «{ $number }» нет названия
validation-empty-school-name = У школы нет названия
validation-duplicate-id = Идентификатор { $id } встречается дважды
