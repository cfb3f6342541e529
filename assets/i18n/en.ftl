# English — the second interface language.

app-title = Road Maps
screen-measures = Measures
screen-calendar = Calendar
screen-schools = Schools
screen-exchange = Exchange

action-undo = ↩ Undo
action-redo = ↪ Redo
hint-undo = Undo the last change (Ctrl+Z)
hint-redo = Redo (Ctrl+Shift+Z or Ctrl+Y)
hint-plan-selector = Choose a road map
hint-database = Database file: every change is saved at once

sections-count = { $count ->
    [one] { $count } section
   *[other] { $count } sections
}
measures-count = { $count ->
    [one] { $count } measure
   *[other] { $count } measures
}
status-today = Today { $date }
status-in-memory = in-memory database
status-saved = ✔ Saved

soon-heading = This screen comes in a later version
soon-calendar = The deadline calendar will be here: a month with measures by day, an agenda (overdue · this week · next 30 days · unscheduled), a school-year strip and calendar export (ICS).
soon-schools = The school registry will be here, with categories (low results, difficult social conditions, risk zone), progress marks with evidence, a dashboard per school and for the district, and a summary report.
soon-exchange = Coming: a preview of changes before an import, merging several offices' data without loss, backups, CSV, Word and Excel tables.
exchange-intro = Send the road map to schools and collect their reports as plain files. Importing the same file again changes nothing.

action-import-file = Import a file…
action-export-plan = Export the plan to an exchange file…
action-open-example = Open the example
action-create-plan = Create the plan
action-add-measure = ➕ Measure
action-add-section = ➕ Section
action-delete-measure = 🗑 Delete measure

welcome-heading = Welcome to Road Maps
welcome-intro = Plan and track road maps that support schools with low results and schools in difficult social conditions. All data stays on this computer.
welcome-example-title = Try the example
welcome-example-text = The Ivanteevka district road map for the 2021–2022 school year: 9 sections, 58 measures.
welcome-import-title = Load a file
welcome-import-text = An exchange file (.json) from the education office or from a school.
welcome-create-title = Create a new plan

field-plan-title = Title
hint-plan-title = E.g. Road map for low-result schools, 2025–2026 school year
field-period-from = Period from (dd.mm.yyyy)
field-period-to = to (dd.mm.yyyy)

field-number = No.
field-title = Measure
field-deadline = Deadline
field-responsible = Responsible
field-result = Result
field-documents = Documents

details-heading = Measure
details-none = Select a measure in the table to see and edit its fields.
details-due = Due dates

new-section-title = New section
new-measure-title = New measure

toast-example-loaded = Example loaded: the Ivanteevka district road map
toast-exported = File saved: { $path }

dialog-import-title = Import a file
dialog-export-title = Export the plan
filter-exchange = Exchange file

error-no-plan = Open or create a plan first
error-no-measure = The measure was not found; it may have been deleted
error-no-section = The section was not found; it may have been deleted
error-write-file = Could not write the file
error-plan-title-empty = Enter the plan's title
error-date-format = Write the date as dd.mm.yyyy, e.g. 01.09.2025
error-period-reversed = The period starts after it ends
