#!/usr/bin/env python3
"""Builds the road-map documents of tests/fixtures/layouts/ in the layouts offices really use.

The text of every table comes from the hand-written `*.expected.json` beside the documents (written from
public district road maps); this script only lays it out as Word, Excel, CSV and TSV would:

  years.docx   two-row header: «Ключевые мероприятия, сроки реализации» merged over 2020 · 2021 · 2022, the
               other header cells merged down over both rows (vMerge), both rows repeated on every page
               (tblHeader); «Направление № N …» rows merged across all 7 columns; multi-paragraph cells; an
               empty row; a year cell holding only «.»
  years.xlsx   the same table on a sheet whose title is merged across row 1, the header on rows 3–4
               (merged ranges), section rows merged across
  years.csv    the same table as Excel saves it («;», UTF-8 with BOM): the umbrella in its first column, the
  years.tsv    years on the second header row (and the same with tabs)
  start-end.docx  «Сроки» split into «начало» / «окончание», a row of column numbers, header words broken by
               line wraps and hyphens, columns with no field of their own (their text goes to the notes)
  unknown-header.docx  a table whose column names the program does not know («Пункт», «Что сделать»,
               «Когда», «Кто»): it goes through the column-mapping step
  split.docx   a table continued in a second table with its header (and column numbers) repeated, the header
               repeated once more inside it, a row shorter than the grid (gridAfter)

    pip install python-docx openpyxl
    python3 tools/make_layouts.py            # from the project root
"""

import copy
import csv
import json
import os

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl import Workbook
from openpyxl.styles import Alignment

OUT = "tests/fixtures/layouts"


def load(name):
    with open(os.path.join(OUT, name), encoding="utf-8") as f:
        return json.load(f)


def set_text(cell, text):
    """A cell's text, one paragraph per line."""
    lines = text.split("\n")
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def repeat_header(row):
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    tr_pr.append(el)


def grid_after(row, n):
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:gridAfter")
    el.set(qn("w:val"), str(n))
    tr_pr.insert(0, el)


def heading(doc, text):
    p = doc.add_paragraph()
    p.alignment = 1
    p.add_run(text).bold = True


def section_row(table, text):
    row = table.add_row()
    merged = row.cells[0].merge(row.cells[-1])
    set_text(merged, text)


def years_docx(data):
    doc = Document()
    doc.add_paragraph("Приложение к приказу управления образованием от 20.01.2020 № 12")
    heading(doc, data["title"])
    years = data["years"]
    table = doc.add_table(rows=2, cols=7)
    table.style = "Table Grid"
    top, sub = table.rows
    for col, text in [(0, "№ п/п"), (1, "Мероприятия"), (5, "Ответственный исполнитель"),
                      (6, "Документы, закрепляющие результат")]:
        merged = top.cells[col].merge(sub.cells[col])
        set_text(merged, text)
    umbrella = top.cells[2].merge(top.cells[4])
    set_text(umbrella, "Ключевые мероприятия, сроки реализации")
    for i, year in enumerate(years):
        set_text(table.cell(1, 2 + i), str(year))
    repeat_header(top)
    repeat_header(sub)
    for s, section in enumerate(data["sections"]):
        section_row(table, f"Направление № {section['number']}. {section['title']}")
        for m in section["measures"]:
            cells = table.add_row().cells
            values = [m["number"], m["title"]] + [m["yearly"].get(str(y), "") for y in years] + [
                m["responsible"], m["documents"]]
            for cell, value in zip(cells, values):
                set_text(cell, value)
        if s == 0:
            table.add_row()  # an empty row, as offices leave them
    doc.save(os.path.join(OUT, "years.docx"))


def years_rows(data):
    """The table as rows of texts, the umbrella in its first column (as Excel saves merged cells)."""
    years = data["years"]
    rows = [
        ["№ п/п", "Мероприятия", "Ключевые мероприятия, сроки реализации", "", "",
         "Ответственный исполнитель", "Документы, закрепляющие результат"],
        ["", "", *[str(y) for y in years], "", ""],
    ]
    for s, section in enumerate(data["sections"]):
        rows.append([f"Направление № {section['number']}. {section['title']}"] + [""] * 6)
        for m in section["measures"]:
            rows.append([m["number"], m["title"]] + [m["yearly"].get(str(y), "") for y in years]
                        + [m["responsible"], m["documents"]])
        if s == 0:
            rows.append([""] * 7)
    return rows


def years_xlsx(data):
    wb = Workbook()
    ws = wb.active
    ws.title = "Дорожная карта"
    ws["A1"] = data["title"]
    ws.merge_cells("A1:G1")
    rows = years_rows(data)
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row, start=1):
            if value:
                cell = ws.cell(row=r, column=c, value=value)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for col in "ABFG":
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("C3:E3")
    for r, row in enumerate(rows, start=3):
        if r > 4 and row[0] and not any(row[1:]):
            ws.merge_cells(f"A{r}:G{r}")
    wb.save(os.path.join(OUT, "years.xlsx"))


def years_delimited(data):
    rows = years_rows(data)
    with open(os.path.join(OUT, "years.csv"), "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(rows)
    with open(os.path.join(OUT, "years.tsv"), "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter="\t", lineterminator="\n").writerows(rows)


def start_end_docx(data):
    doc = Document()
    heading(doc, data["title"])
    names = ["№ п/п", "Наименование мероприятия", None, None,
             "Ответственн\nый исполни-\nтель", "Целевая группа", "Ожидаемый эффект",
             "Форма проведения", "Примечание"]
    table = doc.add_table(rows=3, cols=9)
    table.style = "Table Grid"
    top, sub, numbers = table.rows
    for col, text in enumerate(names):
        if text is not None:
            set_text(top.cells[col].merge(sub.cells[col]), text)
    set_text(top.cells[2].merge(top.cells[3]), "Сроки")
    set_text(sub.cells[2], "начало")
    set_text(sub.cells[3], "окончание")
    for col in range(9):
        set_text(numbers.cells[col], str(col + 1))
    # The text of the extra columns, as the document has it (the expected notes put labels before it).
    extra = {
        "1.1": ("сентябрь 2021", "октябрь 2021", "Руководители ОО", "", ""),
        "1.2": ("ноябрь 2021", "", "Заместители директоров по УВР", "Очно", ""),
        "1.3": ("январь 2022", "май 2022", "", "", ""),
        "2.1": ("01.02.2022", "30.04.2022", "Обучающиеся 9 классов", "Очно, дистанционно",
                "По отдельному графику"),
    }
    for section in data["sections"]:
        section_row(table, f"{section['number']}. {section['title']}")
        for m in section["measures"]:
            start, end, group, form, note = extra[m["number"]]
            values = [m["number"], m["title"], start, end, m["responsible"], group, m["result"], form, note]
            for cell, value in zip(table.add_row().cells, values):
                set_text(cell, value)
    doc.save(os.path.join(OUT, "start-end.docx"))


def split_docx(data):
    doc = Document()
    heading(doc, data["title"])
    header = ["№ п/п", "Мероприятие", "Сроки", "Ответственные", "Результат"]

    def head(table, first):
        row = table.rows[0] if first else table.add_row()
        for cell, text in zip(row.cells, header):
            set_text(cell, text)
        repeat_header(row)
        for cell, n in zip(table.add_row().cells, range(1, 6)):
            set_text(cell, str(n))

    def measure(table, m):
        values = [m["number"], m["title"], m["deadline"], m["responsible"], m["result"]]
        row = table.add_row()
        if not m["result"]:
            # A row one cell short of the grid: Word writes gridAfter.
            row._tr.remove(row.cells[4]._tc)
            grid_after(row, 1)
        for cell, value in zip(row.cells, values):
            set_text(cell, value)

    first, second = data["sections"]
    t1 = doc.add_table(rows=1, cols=5)
    t1.style = "Table Grid"
    head(t1, True)
    section_row(t1, f"{first['number']}. {first['title']}")
    for m in first["measures"]:
        measure(t1, m)
    doc.add_paragraph("")
    t2 = doc.add_table(rows=1, cols=5)
    t2.style = "Table Grid"
    head(t2, True)
    section_row(t2, f"{second['number']}. {second['title']}")
    measure(t2, second["measures"][0])
    head(t2, False)  # the header once more inside the table, as a page-by-page copy has it
    measure(t2, second["measures"][1])
    doc.save(os.path.join(OUT, "split.docx"))


def unknown_header_docx():
    doc = Document()
    heading(doc, "План работы с педагогами на 2021-2022 учебный год")
    rows = [
        ["Пункт", "Что сделать", "Когда", "Кто"],
        ["1.1", "Провести совещание руководителей", "сентябрь", "Управление образованием"],
        ["1.2", "Подготовить аналитическую справку", "декабрь", "ИМЦ"],
    ]
    table = doc.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    for values in rows:
        for cell, value in zip(table.add_row().cells, values):
            set_text(cell, value)
    doc.save(os.path.join(OUT, "unknown-header.docx"))


def main():
    years = load("years.expected.json")
    years_docx(years)
    years_xlsx(years)
    years_delimited(years)
    start_end_docx(load("start-end.expected.json"))
    split_docx(load("split.expected.json"))
    unknown_header_docx()


if __name__ == "__main__":
    main()
