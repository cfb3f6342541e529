//! A scan of an Excel package's XML before calamine reads it: calamine allocates a sheet as one dense
//! block from its first to its last cell, and reserves room for as many shared strings as the file
//! declares, so one cell at XFD1048576 or a `uniqueCount="4294967295"` would ask for gigabytes.
//!
//! Every XML part is streamed once (linear in its size) and refused past the limits of
//! [`crate::exchange::limits`]: cell positions (from `r="…"`, or counted like Excel for cells and rows
//! without one), shared strings declared and found, merged regions (how many, well-formed, and not
//! overlapping — checked on a bitmap of the sheet, so the work is bounded by the sheet's size). The
//! `<dimension>` a sheet declares is not trusted and not needed: positions are taken from the cells.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::exchange::limits::{
    LimitError, MAX_CELLS, MAX_COLUMNS, MAX_MERGES, MAX_ROWS, MAX_SHARED_STRINGS, check_grid,
};
use crate::exchange::office::{OfficeError, Package};

/// How many sheets' worth of cells a workbook may hold in all: each sheet is read into a grid of its size
/// in turn, so many sheets at the limit would take long.
const MAX_SHEETS_OF_CELLS: usize = 4;

/// Scans every XML part of the package (see the module docs).
pub(super) fn check_package(package: &mut Package) -> Result<(), OfficeError> {
    let mut cells = 0usize;
    for name in package.part_names() {
        if !name.to_lowercase().ends_with(".xml") {
            continue;
        }
        let Some(xml) = package.part(&name)? else {
            continue;
        };
        cells += scan_part(&xml).map_err(|e| match e {
            Scan::Limit(limit) => OfficeError::Limit(limit),
            Scan::Xml(reason) => OfficeError::Xml {
                part: name.clone(),
                reason,
            },
        })?;
        if cells > MAX_SHEETS_OF_CELLS * MAX_CELLS {
            return Err(OfficeError::Limit(LimitError::Cells));
        }
    }
    Ok(())
}

/// Why a part was refused.
#[derive(Debug, PartialEq)]
pub(super) enum Scan {
    Limit(LimitError),
    Xml(String),
}

impl From<LimitError> for Scan {
    fn from(e: LimitError) -> Self {
        Scan::Limit(e)
    }
}

/// A merged region, 0-based and inclusive: (top, left, bottom, right).
type Region = (usize, usize, usize, usize);

/// Streams one part and checks it (see the module docs). Returns the size of the grid its cells span
/// (rows × columns from A1; 0 for a part without cells).
pub(super) fn scan_part(xml: &[u8]) -> Result<usize, Scan> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    // The row being read and the last cell's column in it (Excel numbers rows and cells without `r`
    // as one after the previous).
    let (mut row, mut col): (Option<usize>, Option<usize>) = (None, None);
    let (mut height, mut width) = (0usize, 0usize);
    let mut merges: Vec<Region> = Vec::new();
    let mut strings = 0usize;
    loop {
        buf.clear();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| Scan::Xml(e.to_string()))?;
        let (e, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::Eof => break,
            _ => continue,
        };
        match e.local_name().as_ref() {
            "row" => {
                row = Some(match raw_attr(e, "r") {
                    // Read as calamine reads it (letters before the number are ignored); one that is
                    // no number is numbered like a row without one (calamine refuses the sheet).
                    // (A row far out holds nothing by itself: its cells are checked.)
                    Some(r) => match row_position(&r) {
                        Some(n) => n,
                        None => row.map_or(0, |r| r.saturating_add(1)),
                    },
                    None => row.map_or(0, |r| r.saturating_add(1)),
                });
                col = None;
            }
            "c" => {
                // A reference that is no reference is numbered like a cell without one (calamine
                // refuses the sheet); a well-formed one past the limits is refused below.
                let next = (row.unwrap_or(0), col.map_or(0, |c| c.saturating_add(1)));
                let (r, c) = raw_attr(e, "r")
                    .and_then(|reference| cell_position(&reference))
                    .unwrap_or(next);
                col = Some(c);
                // An empty `<c …/>` holds no value: calamine keeps no cell for it.
                if !empty {
                    if r >= MAX_ROWS {
                        return Err(LimitError::Rows.into());
                    }
                    if c >= MAX_COLUMNS {
                        return Err(LimitError::Columns.into());
                    }
                    height = height.max(r + 1);
                    width = width.max(c + 1);
                    check_grid(height, width)?;
                }
            }
            // The declared size is not trusted, but a reversed one (`C3:A1`) would underflow calamine's
            // arithmetic: refused as malformed.
            "dimension" => {
                if let Some(reference) = raw_attr(e, "ref")
                    && let Some((start, end)) = reference.split_once(':')
                    && let (Some(a), Some(b)) = (cell_position(start), cell_position(end))
                    && (a.0 > b.0 || a.1 > b.1)
                {
                    return Err(bad(&reference));
                }
            }
            "mergeCell" => {
                if merges.len() >= MAX_MERGES {
                    return Err(LimitError::Merges.into());
                }
                if let Some(reference) = raw_attr(e, "ref") {
                    merges.push(region(&reference).ok_or_else(|| bad(&reference))?);
                }
            }
            "sst" => {
                for key in ["uniqueCount", "count"] {
                    if let Some(n) = raw_attr(e, key) {
                        // A count too long to be a number is over the limit too.
                        if parse_number(&n).is_none_or(|n| n > MAX_SHARED_STRINGS) {
                            return Err(LimitError::SharedStrings.into());
                        }
                    }
                }
            }
            "si" => {
                strings += 1;
                if strings > MAX_SHARED_STRINGS {
                    return Err(LimitError::SharedStrings.into());
                }
            }
            _ => {}
        }
    }
    check_merges(&merges, height, width)?;
    Ok(height * width)
}

/// Refuses overlapping merged regions. Each region is marked on a bitmap of the sheet's cells (clipped to
/// them), so the work is at most the sheet's size plus the number of regions.
pub(super) fn check_merges(merges: &[Region], height: usize, width: usize) -> Result<(), Scan> {
    if merges.is_empty() || height == 0 || width == 0 {
        return Ok(());
    }
    let mut taken = vec![false; height * width];
    for &(top, left, bottom, right) in merges {
        if top >= height || left >= width {
            continue;
        }
        for r in top..=bottom.min(height - 1) {
            for c in left..=right.min(width - 1) {
                let cell = &mut taken[r * width + c];
                if *cell {
                    return Err(LimitError::OverlappingMerges(reference_text(top, left)).into());
                }
                *cell = true;
            }
        }
    }
    Ok(())
}

fn bad(reference: &str) -> Scan {
    Scan::Limit(LimitError::BadReference(
        reference.chars().take(40).collect(),
    ))
}

/// An attribute's raw value by local name (cell references and counts are plain ASCII).
fn raw_attr(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| a.value.to_string())
}

/// A decimal number of at most 10 digits (anything longer is over every limit).
fn parse_number(text: &str) -> Option<usize> {
    let text = text.trim();
    (!text.is_empty() && text.len() <= 10 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// "B3" or "$B$3" → (row 2, column 1), 0-based; `None` when it is not a cell reference.
/// A well-formed reference past any limit (many letters or digits) gives a huge position, not `None`.
pub(super) fn cell_position(reference: &str) -> Option<(usize, usize)> {
    let text = reference.trim().replace('$', "");
    let split = text.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = text.split_at(split);
    if letters.is_empty()
        || !letters.bytes().all(|b| b.is_ascii_alphabetic())
        || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let col = letters.bytes().fold(0usize, |n, b| {
        n.saturating_mul(26)
            .saturating_add((b.to_ascii_uppercase() - b'A' + 1) as usize)
    });
    let row = match parse_number(digits) {
        Some(0) => return None,
        Some(row) => row,
        None => usize::MAX,
    };
    Some((row - 1, col - 1))
}

/// A row's `r` → its 0-based index, read like a cell reference whose letters do not matter ("5", "A5");
/// `None` when malformed.
fn row_position(reference: &str) -> Option<usize> {
    let text = reference.trim();
    let digits = text.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '$');
    cell_position(&format!("A{digits}")).map(|(row, _)| row)
}

/// "A1:C3" (or one cell) → its region; `None` when malformed or reversed.
fn region(reference: &str) -> Option<Region> {
    let (start, end) = reference.split_once(':').unwrap_or((reference, reference));
    let (top, left) = cell_position(start)?;
    let (bottom, right) = cell_position(end)?;
    (top <= bottom && left <= right).then_some((top, left, bottom, right))
}

/// (2, 1) → "B3".
fn reference_text(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(data: &str, merges: &str) -> String {
        format!(
            r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>{data}</sheetData>{merges}</worksheet>"#
        )
    }

    #[test]
    fn references_are_read_as_excel_writes_them() {
        assert_eq!(cell_position("A1"), Some((0, 0)));
        assert_eq!(cell_position("$B$3"), Some((2, 1)));
        assert_eq!(cell_position("XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(cell_position("1A"), None);
        assert_eq!(cell_position("A0"), None);
        assert_eq!(
            cell_position("ABCDE1").map(|p| p.1 > MAX_COLUMNS),
            Some(true)
        );
        assert_eq!(
            cell_position("A123456789012").map(|p| p.0),
            Some(usize::MAX - 1)
        );
        assert_eq!(reference_text(2, 1), "B3");
        assert_eq!(reference_text(0, 26), "AA1");
    }

    #[test]
    fn an_ordinary_sheet_passes_whatever_its_declared_dimension() {
        let xml = sheet(
            r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2</v></c></row><row><c><v>1</v></c><c r="XFD2" s="1"/></row>"#,
            r#"<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>"#,
        );
        // Two rows of two cells with values (the empty, styled XFD2 holds none).
        assert_eq!(scan_part(xml.as_bytes()), Ok(4));
    }

    #[test]
    fn a_cell_far_out_is_refused_by_the_limit_it_breaks() {
        let far = sheet(
            r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#,
            "",
        );
        assert_eq!(
            scan_part(far.as_bytes()),
            Err(Scan::Limit(LimitError::Rows))
        );
        let wide = sheet(r#"<row r="1"><c r="GS1"><v>1</v></c></row>"#, "");
        assert_eq!(
            scan_part(wide.as_bytes()),
            Err(Scan::Limit(LimitError::Columns))
        );
        // Column GR (200) within the limit, but 100 000 rows of 200 columns are too many cells.
        let big = sheet(r#"<row r="100000"><c r="GR100000"><v>1</v></c></row>"#, "");
        assert_eq!(
            scan_part(big.as_bytes()),
            Err(Scan::Limit(LimitError::Cells))
        );
    }

    #[test]
    fn a_reference_that_is_no_reference_is_not_a_refusal_but_a_long_one_is() {
        let odd = sheet(r#"<row r="x"><c r="foo"><v>1</v></c></row>"#, "");
        assert_eq!(scan_part(odd.as_bytes()), Ok(1));
        // A formatted row far down without cells is no cell.
        let formatted = sheet(
            r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576" ht="20"/>"#,
            "",
        );
        assert_eq!(scan_part(formatted.as_bytes()), Ok(1));
        let long = sheet(r#"<row r="1"><c r="ZZZZ1"><v>1</v></c></row>"#, "");
        assert_eq!(
            scan_part(long.as_bytes()),
            Err(Scan::Limit(LimitError::Columns))
        );
        for r in ["123456789012", "A99999999", "zz1048576"] {
            let rows = sheet(&format!(r#"<row r="{r}"><c><v>1</v></c></row>"#), "");
            assert_eq!(
                scan_part(rows.as_bytes()),
                Err(Scan::Limit(LimitError::Rows)),
                "{r}"
            );
        }
    }

    #[test]
    fn cells_without_a_reference_are_counted() {
        let cells = "<c><v>1</v></c>".repeat(MAX_COLUMNS + 1);
        let xml = sheet(&format!("<row>{cells}</row>"), "");
        assert_eq!(
            scan_part(xml.as_bytes()),
            Err(Scan::Limit(LimitError::Columns))
        );
    }

    #[test]
    fn a_declared_shared_string_count_beyond_the_limit_is_refused() {
        let xml = r#"<sst xmlns="x" count="1" uniqueCount="4294967295"><si><t>a</t></si></sst>"#;
        assert_eq!(
            scan_part(xml.as_bytes()),
            Err(Scan::Limit(LimitError::SharedStrings))
        );
        let honest = r#"<sst xmlns="x" count="1" uniqueCount="1"><si><t>a</t></si></sst>"#;
        assert_eq!(scan_part(honest.as_bytes()), Ok(0));
    }

    #[test]
    fn merges_overlapping_too_many_or_reversed_are_refused() {
        let data = r#"<row r="1"><c r="A1"><v>1</v></c><c r="C3"><v>1</v></c></row>"#;
        let overlap = sheet(
            data,
            r#"<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>"#,
        );
        assert_eq!(
            scan_part(overlap.as_bytes()),
            Err(Scan::Limit(LimitError::OverlappingMerges("B2".into())))
        );
        let many = sheet(
            data,
            &format!(
                "<mergeCells>{}</mergeCells>",
                r#"<mergeCell ref="A1:A1"/>"#.repeat(MAX_MERGES + 1)
            ),
        );
        assert_eq!(
            scan_part(many.as_bytes()),
            Err(Scan::Limit(LimitError::Merges))
        );
        let dimension = format!(
            r#"<worksheet xmlns="x"><dimension ref="C3:A1"/><sheetData>{data}</sheetData></worksheet>"#
        );
        assert_eq!(
            scan_part(dimension.as_bytes()),
            Err(Scan::Limit(LimitError::BadReference("C3:A1".into())))
        );
        let reversed = sheet(data, r#"<mergeCells><mergeCell ref="C3:A1"/></mergeCells>"#);
        assert_eq!(
            scan_part(reversed.as_bytes()),
            Err(Scan::Limit(LimitError::BadReference("C3:A1".into())))
        );
    }

    #[test]
    fn many_sheets_at_the_limit_are_refused_together() {
        use std::io::Write;
        let full = sheet(r#"<row r="10000"><c r="GR10000"><v>1</v></c></row>"#, "");
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for n in 1..=MAX_SHEETS_OF_CELLS + 1 {
            zip.start_file(
                format!("xl/worksheets/sheet{n}.xml"),
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            zip.write_all(full.as_bytes()).unwrap();
        }
        let bytes = zip.finish().unwrap().into_inner();
        let mut package =
            Package::open(&bytes, crate::exchange::office::OfficeKind::Excel).unwrap();
        let err = check_package(&mut package).unwrap_err();
        assert!(
            matches!(err, OfficeError::Limit(LimitError::Cells)),
            "{err}"
        );
    }
}
