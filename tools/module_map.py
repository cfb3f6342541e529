#!/usr/bin/env python3
"""Rewrites the «Every module» section at the end of docs/architecture.md from the code: one line a file under
src/, grouped by its top folder, with the first sentence of the file's own documentation (`//!`).

Run it after adding, moving or removing a file: `python3 tools/module_map.py`. The test
tests/architecture_doc.rs fails when a file under src/ is not named in docs/architecture.md.
"""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
HEADING = "## Every module"
MAX = 170


def first_sentence(path: pathlib.Path) -> str:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("//!"):
            text = line[3:].strip()
            if not text:
                if lines:
                    break
                continue
            lines.append(text)
        elif lines or line.strip():
            break
    text = " ".join(lines)
    if not text:
        return "(no module documentation)"
    cut = re.search(r"(?<=[.!?])\s", text)
    if cut and cut.start() >= 20:
        text = text[: cut.start()]
    if len(text) > MAX:
        text = text[:MAX].rsplit(" ", 1)[0] + " …"
    return text


def main() -> None:
    src = ROOT / "src"
    groups: dict[str, list[str]] = {}
    for path in sorted(src.rglob("*.rs")):
        rel = path.relative_to(src).as_posix()
        group = rel.split("/")[0] + "/" if "/" in rel else "src/ (top level)"
        groups.setdefault(group, []).append(f"  - `{rel}` — {first_sentence(path)}")
    out = [HEADING, "", "One line a file, as its own documentation opens (`//!`); written by `tools/module_map.py`.", ""]
    for group in sorted(groups, key=lambda g: (g.startswith("src/"), g)):
        out.append(f"- **{group}**")
        out.extend(groups[group])
        out.append("")
    doc = DOC.read_text(encoding="utf-8")
    head = doc.split(HEADING)[0].rstrip("\n")
    DOC.write_text(head + "\n\n" + "\n".join(out).rstrip("\n") + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
