//! WordprocessingML `word/document.xml` → the body as blocks: paragraphs (with whether they look like a
//! heading) and top-level tables as grids of cell texts, merged cells filled in.
//!
//! What the walk knows of the format:
//! - text is in `w:t` (also inside `w:ins` insertions, `w:hyperlink`, `w:smartTag`, `w:sdt` content
//!   controls, `w:fldSimple`, `w:customXml` — all walked through); `w:tab` is a space, `w:br`/`w:cr` a new
//!   line, `w:noBreakHyphen` a hyphen; deleted text (`w:delText`, `w:moveFrom`), field codes (`w:instrText`),
//!   drawings, text boxes and the `mc:Fallback` copy of `mc:AlternateContent` are left out;
//! - a cell's paragraphs are joined with "\n"; a table nested in a cell adds its text to that cell;
//! - `w:gridSpan` spans columns (`w:gridBefore` skips some at a row's start); `w:vMerge` without
//!   `w:val="restart"` continues the cell above, whose text then applies to this row too;
//! - a paragraph is heading-like when its style is a heading or title, it is centred, or all its text is
//!   bold. Numbering (`w:numPr`) is not in the text and is not invented.
//!
//! Elements are matched by local name, so any namespace prefix works.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::exchange::limits::{
    LimitError, MAX_CELLS, MAX_COLUMNS, MAX_PARAGRAPHS, TextBudget, check_grid,
};
use crate::exchange::office::header::HeaderLine;
use crate::exchange::office::spread_heading;

/// Why the body could not be read: bad XML, or a table past the limits of [`crate::exchange::limits`].
#[derive(Debug)]
pub(super) enum BodyError {
    Xml(String),
    Limit(LimitError),
}

/// A part of the document body, in document order.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Block {
    Paragraph(HeaderLine),
    /// A top-level table: rows of cell texts, every row as wide as the table.
    Table(Vec<Vec<String>>),
}

/// Elements whose whole content is not document text.
const SKIPPED: [&str; 11] = [
    "delText",
    "moveFrom",
    "instrText",
    "drawing",
    "pict",
    "object",
    "Fallback",
    "txbxContent",
    "footnoteReference",
    "commentReference",
    "del",
];

/// How a cell takes part in a vertical merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VMerge {
    None,
    Restart,
    Continue,
}

#[derive(Debug)]
struct Cell {
    paragraphs: Vec<String>,
    span: usize,
    vmerge: VMerge,
}

#[derive(Debug, Default)]
struct Row {
    before: usize,
    cells: Vec<Cell>,
}

#[derive(Debug, Default)]
struct Paragraph {
    text: String,
    heading_style: bool,
    centered: bool,
    bold_chars: usize,
    plain_chars: usize,
}

/// The walk's state.
#[derive(Default)]
struct Walk {
    blocks: Vec<Block>,
    /// Rows of the top-level table being read.
    rows: Vec<Row>,
    /// How deep in tables we are: 1 in a top-level table, 2+ in a nested one.
    table_depth: usize,
    /// A top-level cell being read (nested tables' text goes here too).
    cell: Option<Cell>,
    paragraph: Option<Paragraph>,
    /// Inside `w:rPr` of a run (not of a paragraph mark).
    in_run_props: bool,
    run_bold: bool,
    in_text: bool,
    in_paragraph_props: bool,
    /// Top-level table cells read so far, over all tables.
    cells: usize,
    /// Paragraphs read so far, in and out of tables.
    paragraphs: usize,
    /// The text filled into table grids so far.
    budget: TextBudget,
    /// The first limit the document went over: reading stops there.
    refused: Option<LimitError>,
}

/// Reads the body of `word/document.xml`. Errors name what is wrong with the XML.
pub(super) fn parse_body(xml: &[u8]) -> Result<Vec<Block>, BodyError> {
    let mut reader = Reader::from_reader(xml);
    let mut walk = Walk::default();
    let bad = |e: quick_xml::Error| BodyError::Xml(e.to_string());
    loop {
        if let Some(limit) = walk.refused.take() {
            return Err(BodyError::Limit(limit));
        }
        let event = reader.read_event().map_err(bad)?;
        match event {
            Event::Start(e) => {
                let local = e.local_name();
                let name = local.as_ref();
                if SKIPPED.contains(&name) {
                    reader.read_to_end(e.name()).map_err(bad)?;
                    continue;
                }
                walk.start(name, &e, false);
            }
            Event::Empty(e) => {
                let local = e.local_name();
                walk.start(local.as_ref(), &e, true);
                walk.end(local.as_ref());
            }
            Event::End(e) => walk.end(e.local_name().as_ref()),
            Event::Text(t) if walk.in_text => {
                let text = t.xml10_content();
                walk.push_text(&text);
            }
            Event::CData(t) if walk.in_text => {
                let text = t.to_string();
                walk.push_text(&text);
            }
            Event::GeneralRef(r) if walk.in_text => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &*r {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    walk.push_text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(walk.blocks)
}

/// The value of an attribute by local name (`w:val` → "val").
fn attr(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// An on/off property (`<w:b/>`, `<w:b w:val="0"/>`) is on.
fn is_on(e: &BytesStart) -> bool {
    !matches!(
        attr(e, "val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

impl Walk {
    fn start(&mut self, name: &str, e: &BytesStart, _empty: bool) {
        match name {
            "tbl" => {
                self.table_depth += 1;
                if self.table_depth == 1 {
                    self.rows.clear();
                }
            }
            "tr" if self.table_depth == 1 => self.rows.push(Row::default()),
            "gridBefore" if self.table_depth == 1 => {
                if let Some(row) = self.rows.last_mut() {
                    row.before = grid_columns(e, 0);
                }
            }
            "tc" if self.table_depth == 1 => {
                self.cells += 1;
                let in_row = self.rows.last().map_or(0, |r| r.before + r.cells.len());
                if in_row >= MAX_COLUMNS {
                    self.refused = Some(LimitError::Columns);
                } else if self.cells > MAX_CELLS {
                    self.refused = Some(LimitError::Cells);
                }
                self.cell = Some(Cell {
                    paragraphs: Vec::new(),
                    span: 1,
                    vmerge: VMerge::None,
                });
            }
            "gridSpan" if self.table_depth == 1 => {
                if let Some(cell) = &mut self.cell {
                    cell.span = grid_columns(e, 1).max(1);
                }
            }
            "vMerge" if self.table_depth == 1 => {
                if let Some(cell) = &mut self.cell {
                    cell.vmerge = match attr(e, "val").as_deref() {
                        Some("restart") => VMerge::Restart,
                        _ => VMerge::Continue,
                    };
                }
            }
            "p" => self.paragraph = Some(Paragraph::default()),
            "pPr" => self.in_paragraph_props = true,
            "pStyle" if self.in_paragraph_props => {
                let style = attr(e, "val").unwrap_or_default().to_lowercase();
                if let Some(p) = &mut self.paragraph {
                    p.heading_style = style.starts_with("heading")
                        || style.starts_with("title")
                        || style.starts_with("заголовок")
                        || style.starts_with("название");
                }
            }
            "jc" if self.in_paragraph_props && !self.in_run_props => {
                if let Some(p) = &mut self.paragraph {
                    p.centered = attr(e, "val").as_deref() == Some("center");
                }
            }
            "r" => self.run_bold = false,
            "rPr" if !self.in_paragraph_props => self.in_run_props = true,
            "b" if self.in_run_props => self.run_bold = is_on(e),
            "t" => self.in_text = true,
            "tab" if !self.in_paragraph_props => self.push_text(" "),
            "br" | "cr" => self.push_text("\n"),
            "noBreakHyphen" => self.push_text("-"),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "t" => self.in_text = false,
            "rPr" => self.in_run_props = false,
            "pPr" => self.in_paragraph_props = false,
            "p" => self.end_paragraph(),
            "tc" if self.table_depth == 1 => {
                if let (Some(cell), Some(row)) = (self.cell.take(), self.rows.last_mut()) {
                    row.cells.push(cell);
                }
            }
            "tbl" => {
                self.table_depth = self.table_depth.saturating_sub(1);
                if self.table_depth == 0 {
                    let rows = std::mem::take(&mut self.rows);
                    match grid(rows, &mut self.budget) {
                        Ok(table) => self.blocks.push(Block::Table(table)),
                        Err(limit) => self.refused = Some(limit),
                    }
                }
            }
            _ => {}
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some(p) = &mut self.paragraph {
            p.text.push_str(text);
            let n = text.chars().filter(|c| !c.is_whitespace()).count();
            if self.run_bold {
                p.bold_chars += n;
            } else {
                p.plain_chars += n;
            }
        }
    }

    fn end_paragraph(&mut self) {
        let Some(p) = self.paragraph.take() else {
            return;
        };
        self.paragraphs += 1;
        if self.paragraphs > MAX_PARAGRAPHS {
            self.refused = Some(LimitError::Paragraphs);
            return;
        }
        if let Some(cell) = &mut self.cell {
            cell.paragraphs.push(p.text);
        } else if self.table_depth == 0 {
            let emphasized =
                p.heading_style || p.centered || (p.bold_chars > 0 && p.plain_chars == 0);
            self.blocks.push(Block::Paragraph(HeaderLine {
                text: p.text,
                emphasized,
            }));
        }
    }
}

/// How many grid columns a `w:gridSpan` or `w:gridBefore` says, at most the table's column limit (a
/// larger value cannot be a real table and would only ask for memory); `default` when absent or unreadable.
fn grid_columns(e: &BytesStart, default: usize) -> usize {
    attr(e, "val")
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(default)
        .min(MAX_COLUMNS + 1)
}

/// Rows of cells → a rectangular grid of texts: spans placed by grid column, vertical merges filled with
/// the text above, a lone text merged across most of a row repeated over its span (a section heading).
/// Refused past the table limits; the text filled in is counted against `budget`.
fn grid(rows: Vec<Row>, budget: &mut TextBudget) -> Result<Vec<Vec<String>>, LimitError> {
    let width = rows
        .iter()
        .map(|r| r.before + r.cells.iter().map(|c| c.span).sum::<usize>())
        .max()
        .unwrap_or(0);
    check_grid(rows.len(), width)?;
    let mut out: Vec<Vec<String>> = Vec::with_capacity(rows.len());
    for row in rows {
        let mut texts = vec![String::new(); width];
        let mut spans = Vec::new();
        let mut col = row.before;
        for cell in row.cells {
            if col >= width {
                break;
            }
            let text = match cell.vmerge {
                VMerge::Continue => out
                    .last()
                    .and_then(|above| above.get(col))
                    .cloned()
                    .unwrap_or_default(),
                _ => join_paragraphs(&cell.paragraphs),
            };
            budget.cell(text.len())?;
            texts[col] = text;
            spans.push((col, cell.span));
            col += cell.span;
        }
        if let [(col, span)] = spans
            .iter()
            .copied()
            .filter(|&(c, _)| !texts[c].trim().is_empty())
            .collect::<Vec<_>>()[..]
        {
            budget.spend(texts[col].len().saturating_mul(span))?;
            spread_heading(&mut texts, col, span);
        }
        out.push(texts);
    }
    Ok(out)
}

/// A cell's paragraphs joined with "\n", empty ones at the ends left out, each line's ends trimmed.
fn join_paragraphs(paragraphs: &[String]) -> String {
    let lines: Vec<&str> = paragraphs.iter().map(|p| p.trim()).collect();
    let start = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(start, |e| e + 1);
    lines[start..end].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(inner: &str) -> String {
        format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="w" xmlns:mc="mc"><w:body>{inner}</w:body></w:document>"#
        )
    }

    fn cell(attrs: &str, text: &str) -> String {
        format!(r#"<w:tc><w:tcPr>{attrs}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"#)
    }

    #[test]
    fn merges_runs_and_wrappers_are_read() {
        let xml = body(&format!(
            r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>ДОРОЖНАЯ КАРТА</w:t></w:r></w:p>
            <w:tbl>
              <w:tr>{a}{b}{c}</w:tr>
              <w:tr>{span}</w:tr>
              <w:tr>{d}<w:tc><w:tcPr/><w:sdt><w:sdtContent><w:p><w:hyperlink><w:r><w:t xml:space="preserve">Один </w:t></w:r></w:hyperlink><w:ins><w:r><w:t>&amp; два</w:t></w:r></w:ins><w:del><w:r><w:delText>нет</w:delText></w:r></w:del></w:p><w:p><w:smartTag><w:r><w:t>ещё</w:t><w:tab/><w:t>строка</w:t><w:br/><w:t>третья</w:t></w:r></w:smartTag></w:p></w:sdtContent></w:sdt></w:tc>{m}</w:tr>
              <w:tr>{e}{f}{cont}</w:tr>
            </w:tbl>"#,
            a = cell("", "№"),
            b = cell("", "Мероприятие"),
            c = cell("", "Ответственные"),
            span = cell(r#"<w:gridSpan w:val="3"/>"#, "1. Раздел"),
            d = cell("", "1.1"),
            m = cell(r#"<w:vMerge w:val="restart"/>"#, "УО"),
            e = cell("", "1.2"),
            f = cell("", "Другое"),
            cont = cell("<w:vMerge/>", ""),
        ));
        let blocks = parse_body(xml.as_bytes()).unwrap();
        assert_eq!(
            blocks[0],
            Block::Paragraph(HeaderLine {
                text: "ДОРОЖНАЯ КАРТА".into(),
                emphasized: true
            })
        );
        let Block::Table(rows) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(rows[1], ["1. Раздел", "1. Раздел", "1. Раздел"]);
        assert_eq!(rows[2][1], "Один & два\nещё строка\nтретья");
        assert_eq!(rows[3], ["1.2", "Другое", "УО"]);
    }

    fn refusal(xml: &str) -> LimitError {
        match parse_body(xml.as_bytes()) {
            Err(BodyError::Limit(limit)) => limit,
            other => panic!("not refused by a limit: {other:?}"),
        }
    }

    #[test]
    fn a_huge_grid_before_is_refused_without_allocating_it() {
        let xml = body(&format!(
            r#"<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1000000000"/></w:trPr>{}</w:tr></w:tbl>"#,
            cell("", "x")
        ));
        assert_eq!(refusal(&xml), LimitError::Columns);
    }

    #[test]
    fn many_wide_spans_are_refused_by_the_column_limit() {
        let row = cell(r#"<w:gridSpan w:val="64"/>"#, "x").repeat(4);
        let xml = body(&format!(
            "<w:tbl>{}</w:tbl>",
            format!("<w:tr>{row}</w:tr>").repeat(500)
        ));
        assert_eq!(refusal(&xml), LimitError::Columns);
        let many = "<w:tc/>".repeat(MAX_COLUMNS + 1);
        let xml = body(&format!("<w:tbl><w:tr>{many}</w:tr></w:tbl>"));
        assert_eq!(refusal(&xml), LimitError::Columns);
    }

    #[test]
    fn a_text_continued_down_many_rows_is_bounded() {
        // 800 KB a cell (within the cell limit), continued down 100 rows: 80 MB in all.
        let big = "я".repeat(400 * 1024);
        let first = format!(
            r#"<w:tr>{}</w:tr>"#,
            cell(r#"<w:vMerge w:val="restart"/>"#, &big)
        );
        let rest = format!("<w:tr>{}</w:tr>", cell("<w:vMerge/>", "")).repeat(100);
        let xml = body(&format!("<w:tbl>{first}{rest}</w:tbl>"));
        assert_eq!(refusal(&xml), LimitError::Text);
    }

    #[test]
    fn millions_of_empty_paragraphs_are_refused() {
        let xml = body(&"<w:p/>".repeat(MAX_PARAGRAPHS + 1));
        assert_eq!(refusal(&xml), LimitError::Paragraphs);
    }
}
