//! A road map from a Word document: the table (or tables) found by their header, the plan header from the
//! paragraphs above it.

use super::xml::{Block, BodyError, parse_body};
use crate::exchange::office::header::HeaderLine;
use crate::exchange::office::{
    OfficeError, OfficeImport, OfficeKind, OfficeTable, Package, drop_repeated_headers,
};
use crate::exchange::table_import::ColumnMapping;

/// Reads a .docx held in memory. The first table with a recognisable header row is the road map; later
/// tables as wide as it continue it when they have no header of their own or the same one (a table split
/// across pages, its header repeated). Paragraphs above that table give the title, period, goal and tasks.
/// `today` gives the school year taken when the document names no period.
pub fn read_docx(
    bytes: &[u8],
    file_stem: &str,
    today: chrono::NaiveDate,
) -> Result<OfficeImport, OfficeError> {
    docx_table(bytes, file_stem)?.read(today)
}

/// The road-map table of a .docx with the paragraphs above it, before its columns are applied (see
/// [`read_docx`]).
pub fn docx_table(bytes: &[u8], file_stem: &str) -> Result<OfficeTable, OfficeError> {
    let blocks = body_blocks(bytes)?;

    let (first, mapping) = tables(&blocks)
        .find_map(|(i, rows)| ColumnMapping::detect(rows).map(|m| (i, m)))
        .ok_or(OfficeError::NoTable)?;
    let Block::Table(first_rows) = &blocks[first] else {
        unreachable!("found as a table");
    };
    let width = width_of(first_rows);
    let header_key = mapping
        .header_first_row()
        .and_then(|h| first_rows.get(h))
        .map(|r| key(r));
    let mut rows = first_rows.clone();
    for block in &blocks[first + 1..] {
        let Block::Table(more) = block else { continue };
        if width_of(more) != width {
            continue;
        }
        let same_header = match ColumnMapping::detect(more) {
            None => true,
            Some(m) => {
                m.header_first_row()
                    .and_then(|h| more.get(h))
                    .map(|r| key(r))
                    == header_key
            }
        };
        if same_header {
            rows.extend(more.iter().cloned());
        }
    }
    drop_repeated_headers(&mut rows);
    Ok(table_under_paragraphs(&blocks, first, rows, file_stem))
}

/// A table of the document with the paragraphs above it (`blocks` before `index`), which hold the header.
fn table_under_paragraphs(
    blocks: &[Block],
    index: usize,
    rows: Vec<Vec<String>>,
    file_stem: &str,
) -> OfficeTable {
    let lines: Vec<HeaderLine> = blocks[..index]
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(line) => Some(line.clone()),
            Block::Table(_) => None,
        })
        .collect();
    OfficeTable {
        rows,
        lines,
        title_rows_emphasized: true,
        stem: file_stem.to_owned(),
    }
}

fn width_of(rows: &[Vec<String>]) -> usize {
    rows.iter().map(Vec::len).max().unwrap_or(0)
}

fn key(row: &[String]) -> Vec<String> {
    row.iter()
        .map(|c| {
            c.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .collect()
}

/// The document's largest table (most rows) with the paragraphs above it, for the column-mapping step
/// when no table has a recognisable header.
pub fn docx_largest_table(bytes: &[u8], file_stem: &str) -> Result<OfficeTable, OfficeError> {
    let blocks = body_blocks(bytes)?;
    let (index, rows) = tables(&blocks)
        .max_by_key(|(i, rows)| (rows.len(), std::cmp::Reverse(*i)))
        .ok_or(OfficeError::NoTable)?;
    let rows = rows.clone();
    Ok(table_under_paragraphs(&blocks, index, rows, file_stem))
}

/// The body of the main document part as paragraphs and tables. Every reading of a document starts here.
fn body_blocks(bytes: &[u8]) -> Result<Vec<Block>, OfficeError> {
    let mut package = Package::open(bytes, OfficeKind::Word)?;
    let part = main_part(&mut package)?;
    let xml = package.required_part(&part)?;
    parse_body(&xml).map_err(|e| match e {
        BodyError::Xml(reason) => OfficeError::Xml { part, reason },
        BodyError::Limit(limit) => OfficeError::Limit(limit),
    })
}

/// The main document part: `word/document.xml`, or where `_rels/.rels` points the office document.
fn main_part(package: &mut Package) -> Result<String, OfficeError> {
    const DEFAULT: &str = "word/document.xml";
    let Some(rels) = package.part("_rels/.rels")? else {
        return Ok(DEFAULT.to_owned());
    };
    let rels = String::from_utf8_lossy(&rels);
    // <Relationship Type="…/officeDocument" Target="word/document.xml"/> — attributes in any order.
    for rel in rels.split("<Relationship ").skip(1) {
        let rel = rel.split('>').next().unwrap_or_default();
        if !rel.contains("/officeDocument\"") {
            continue;
        }
        if let Some(start) = rel.find("Target=\"") {
            let target = &rel[start + 8..];
            if let Some(end) = target.find('"') {
                return Ok(target[..end].trim_start_matches('/').to_owned());
            }
        }
    }
    Ok(DEFAULT.to_owned())
}

/// The document's tables with their places among its blocks.
fn tables(blocks: &[Block]) -> impl Iterator<Item = (usize, &Vec<Vec<String>>)> {
    blocks.iter().enumerate().filter_map(|(i, b)| match b {
        Block::Table(rows) => Some((i, rows)),
        Block::Paragraph(_) => None,
    })
}
