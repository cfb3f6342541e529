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

soon-heading = Этот раздел появится в следующей версии
soon-calendar = Здесь будет календарь сроков: месяц с мероприятиями по дням, список «Просрочено · На этой неделе · Ближайшие 30 дней · Без срока», полоса учебного года и выгрузка в календарь (ICS).
soon-schools = Здесь будет реестр школ с категориями (ШНОР, ШНСУ, зона риска), отметки о выполнении мероприятий с подтверждающими документами, сводка по каждой школе и по району, аналитическая справка.
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
welcome-import-text = Файл обмена (.json), полученный из управления образованием или из школы.
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
