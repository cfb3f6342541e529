#!/usr/bin/env python3
"""Builds assets/example/ivanteevka-2021-22.json, the example road map the app offers on first run.

Sources (run from the project root, or pass other paths):
  - the fixture roadmap-001.expected.json: 9 sections and 58 measures, copied verbatim
    (number, title, deadline, responsible, result; multi-paragraph cells keep their "\n");
  - the reference text ivanteevka-2021-22.txt: the goal, the 5 tasks and the 4 target indicators.

The output is an exchange file (docs/exchange-format.md) with fixed ids (uuid5 from names) and a fixed
updated_at, so loading the example twice changes nothing. Keys are written in the order the program writes
them, so the file reads like one of its own exports.

    python3 tools/make_example.py [FIXTURE] [REFERENCE] [OUTPUT]
"""

import json
import re
import sys
import uuid

FIXTURE = "../shared/fixtures/roadmap-001.expected.json"
REFERENCE = "../shared/reference/ivanteevka-2021-22.txt"
OUTPUT = "assets/example/ivanteevka-2021-22.json"

UPDATED_AT = "2022-01-24T00:00:00.000Z"
NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://roadmap-planner.local/example/ivanteevka-2021-22")
ISSUER = "Управление образованием администрации Ивантеевского муниципального района"
APPROVAL = "приказ № 14 от 24.01.2022"
DISTRICT = "Ивантеевский муниципальный район"

# The schools the order names (items 2 and 3) and measure 9.2 lists: the district's schools with low results.
SCHOOLS = [
    ("МОУ «СОШ с. Бартеневка им. П.Е. Толстова»", "СОШ с. Бартеневка"),
    ("МОУ «СОШ п. Знаменский»", "СОШ п. Знаменский"),
    ("МОУ «СОШ с. Ивановка»", "СОШ с. Ивановка"),
]
MEASURE_FOR_LISTED_SCHOOLS = "9.2"

# Unit and targets of the four indicators, in the order the text lists them. Only the "100% в этих школах"
# ones state a number (for the end of 2022); the others have none.
INDICATOR_SHAPES = [
    ("yes_no", []),
    ("percent", [{"year": 2022, "value": 100.0}]),
    ("percent", [{"year": 2022, "value": 100.0}]),
    ("count", []),
]


# Who executes a measure, proposed from its responsible text by the rule of `model::propose_executor`
# (src/model/executor.rs; a test checks the example agrees with it).
OFFICE_WORDS = {"уо", "моуо", "руо", "имц", "рмо", "мо", "ммо", "ммс"}
OFFICE_PARTS = ["методист", "координатор", "районн", "методическ"]
OFFICE_BODIES = ["управлени", "отдел", "комитет"]
SCHOOL_WORDS = {"оо", "оу", "моу", "мбоу", "мкоу", "сош", "оош", "нош"}
SCHOOL_PARTS = ["образовательн", "школ", "педагог", "учител", "директор", "заместител", "классн"]


def propose_executor(responsible):
    text = responsible.lower()
    words = [w for w in re.split(r"[^\w]|_", text) if w]
    office = (any(w in OFFICE_WORDS for w in words)
              or any(p in text for p in OFFICE_PARTS)
              or (any(p in text for p in OFFICE_BODIES) and any(w.startswith("образован") for w in words)))
    schools = any(w in SCHOOL_WORDS for w in words) or any(p in text for p in SCHOOL_PARTS)
    if office and schools:
        return "both"
    if office:
        return "office"
    return "schools"


def uid(name):
    return str(uuid.uuid5(NS, name))


def reference_header(text):
    """The goal, tasks and indicators above the table of the reference text."""
    goal = re.search(r"\*\*Цель\*\*\s*[–-]\s*(.+)", text).group(1).strip()
    tasks_block = text.split("**Задачи:**", 1)[1].split("**Важнейшие целевые индикаторы**", 1)[0]
    tasks = [m.group(1).strip() for m in re.finditer(r"^- \d+\)\s*(.+)$", tasks_block, re.M)]
    indicators_block = text.split("**Важнейшие целевые индикаторы**", 1)[1].split("№п/п", 1)[0]
    indicators = [m.group(1).strip() for m in re.finditer(r"^- (.+)$", indicators_block, re.M)]
    assert len(tasks) == 5, tasks
    assert len(indicators) == 4, indicators
    return goal, tasks, indicators


def main():
    defaults = [FIXTURE, REFERENCE, OUTPUT]
    args = sys.argv[1:4]
    fixture_path, reference_path, output_path = args + defaults[len(args):]
    with open(fixture_path, encoding="utf-8") as f:
        fixture = json.load(f)
    with open(reference_path, encoding="utf-8") as f:
        goal, tasks, indicator_names = reference_header(f.read())

    schools = [
        {
            "id": uid(f"school/{short}"),
            "name": name,
            "short_name": short,
            "district": DISTRICT,
            "kind": "СОШ",
            "director": "",
            "contacts": "",
            "categories": ["shnor"],
            "curator": "",
            "updated_at": UPDATED_AT,
        }
        for name, short in SCHOOLS
    ]
    schools.sort(key=lambda s: (s["name"].encode("utf-8"), s["id"]))
    listed = [uid(f"school/{short}") for _, short in SCHOOLS]

    sections = []
    for si, section in enumerate(fixture["sections"]):
        measures = []
        for mi, m in enumerate(section["measures"]):
            scope = {"kind": "all"}
            if m["number"] == MEASURE_FOR_LISTED_SCHOOLS:
                scope = {"kind": "list", "ids": listed}
            measures.append(
                {
                    "id": uid(f"measure/{si}/{mi}"),
                    "number": m["number"],
                    "title": m["title"],
                    "deadline": m["deadline"],
                    "due": [],
                    "responsible": m["responsible"],
                    "result": m["result"],
                    "documents": "",
                    "schools": scope,
                    "executor": propose_executor(m["responsible"]),
                    "updated_at": UPDATED_AT,
                }
            )
        sections.append(
            {
                "id": uid(f"section/{si}"),
                "number": section["number"],
                "title": section["title"],
                "measures": measures,
                "updated_at": UPDATED_AT,
            }
        )

    indicators = [
        {"id": uid(f"indicator/{i}"), "name": name, "unit": unit, "targets": targets}
        for i, (name, (unit, targets)) in enumerate(zip(indicator_names, INDICATOR_SHAPES))
    ]

    plan = {
        "id": uid("plan"),
        "title": fixture["title"],
        "level": "district",
        "issuer": ISSUER,
        "approval": APPROVAL,
        "period": {"from": fixture["period"]["from"], "to": fixture["period"]["to"]},
        "goal": goal,
        "tasks": tasks,
        "indicators": indicators,
        "sections": sections,
        "updated_at": UPDATED_AT,
    }
    assert len(sections) == fixture["counts"]["sections"] == 9
    assert sum(len(s["measures"]) for s in sections) == fixture["counts"]["measures"] == 58

    exchange = {
        "format": "roadmap-planner",
        "version": 2,
        "exported_at": UPDATED_AT,
        "origin": {"office": ISSUER, "id": uid("office")},
        "plans": [plan],
        "schools": schools,
        "progress": [],
    }
    with open(output_path, "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(exchange, ensure_ascii=False, indent=2))
        f.write("\n")
    print(f"{output_path}: 1 план, {len(sections)} направлений, "
          f"{sum(len(s['measures']) for s in sections)} мероприятий, {len(schools)} школы")


if __name__ == "__main__":
    main()
