//! Writing WordprocessingML: a body built from paragraphs and tables, every text escaped, packed into the
//! smallest valid .docx (content types, relationships, document, styles). Times New Roman 12 throughout.

use std::fmt::Write as _;
use std::io::{Seek, Write};

use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

/// A4 in twentieths of a point, and the margins (2 cm; 1.5 cm at the right).
const A4_LONG: u32 = 16838;
const A4_SHORT: u32 = 11906;
const MARGIN: u32 = 1134;
const MARGIN_RIGHT: u32 = 850;

/// Paragraph alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
    Both,
}

impl Align {
    fn val(self) -> &'static str {
        match self {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
            Align::Both => "both",
        }
    }
}

/// One table cell: its lines (each a paragraph), bold or not, how many grid columns it spans.
#[derive(Debug, Clone)]
pub(crate) struct CellSpec<'a> {
    pub text: &'a str,
    pub bold: bool,
    pub span: usize,
    /// Background fill as "RRGGBB".
    pub fill: Option<&'a str>,
    pub align: Align,
}

impl<'a> CellSpec<'a> {
    pub fn plain(text: &'a str) -> Self {
        Self {
            text,
            bold: false,
            span: 1,
            fill: None,
            align: Align::Left,
        }
    }
}

/// A document body being written.
pub(crate) struct Body {
    xml: String,
    landscape: bool,
}

impl Body {
    pub fn new(landscape: bool) -> Self {
        Self {
            xml: String::with_capacity(64 * 1024),
            landscape,
        }
    }

    /// The text width between the margins, in twentieths of a point.
    pub fn text_width(&self) -> u32 {
        let page = if self.landscape { A4_LONG } else { A4_SHORT };
        page - MARGIN - MARGIN_RIGHT
    }

    /// A paragraph; "\n" in `text` breaks the line.
    pub fn paragraph(&mut self, text: &str, bold: bool, align: Align) {
        self.paragraph_sized(text, bold, align, None);
    }

    /// A paragraph in another size (points).
    pub fn paragraph_sized(&mut self, text: &str, bold: bool, align: Align, size: Option<u32>) {
        let _ = write!(
            self.xml,
            r#"<w:p><w:pPr><w:spacing w:after="60"/><w:jc w:val="{}"/></w:pPr>"#,
            align.val()
        );
        self.run(text, bold, size);
        self.xml.push_str("</w:p>");
    }

    /// A paragraph of a bold label and plain text after it ("Цель – …").
    pub fn labelled(&mut self, label: &str, text: &str) {
        self.xml
            .push_str(r#"<w:p><w:pPr><w:spacing w:after="60"/><w:jc w:val="both"/></w:pPr>"#);
        self.run(label, true, None);
        self.run(text, false, None);
        self.xml.push_str("</w:p>");
    }

    fn run(&mut self, text: &str, bold: bool, size: Option<u32>) {
        self.xml.push_str("<w:r>");
        if bold || size.is_some() {
            self.xml.push_str("<w:rPr>");
            if bold {
                self.xml.push_str("<w:b/>");
            }
            if let Some(pt) = size {
                let _ = write!(self.xml, r#"<w:sz w:val="{}"/>"#, pt * 2);
            }
            self.xml.push_str("</w:rPr>");
        }
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.xml.push_str("<w:br/>");
            }
            let _ = write!(
                self.xml,
                r#"<w:t xml:space="preserve">{}</w:t>"#,
                escape(line)
            );
        }
        self.xml.push_str("</w:r>");
    }

    /// Starts a bordered table with these column widths (twentieths of a point).
    pub fn table_start(&mut self, widths: &[u32]) {
        let total: u32 = widths.iter().sum();
        let _ = write!(
            self.xml,
            r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>"#
        );
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            let _ = write!(
                self.xml,
                r#"<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#
            );
        }
        self.xml.push_str(
            r#"</w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#,
        );
        for w in widths {
            let _ = write!(self.xml, r#"<w:gridCol w:w="{w}"/>"#);
        }
        self.xml.push_str("</w:tblGrid>");
    }

    /// A table row. A header row repeats at the top of every page; no row breaks across pages when it fits.
    pub fn row(&mut self, widths: &[u32], cells: &[CellSpec], header: bool) {
        self.row_merged(widths, cells, header, &[]);
    }

    /// A table row whose cells take part in vertical merges: `vmerge[i]` is `Some(true)` for the cell that
    /// starts a merge down, `Some(false)` for one that continues the merge above (its text is not written).
    pub fn row_merged(
        &mut self,
        widths: &[u32],
        cells: &[CellSpec],
        header: bool,
        vmerge: &[Option<bool>],
    ) {
        self.xml.push_str("<w:tr><w:trPr>");
        if header {
            self.xml.push_str("<w:tblHeader/>");
        }
        self.xml.push_str("<w:cantSplit/></w:trPr>");
        let mut col = 0;
        for (i, cell) in cells.iter().enumerate() {
            let span = cell.span.max(1);
            let width: u32 = widths.iter().skip(col).take(span).sum();
            col += span;
            let _ = write!(
                self.xml,
                r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#
            );
            if span > 1 {
                let _ = write!(self.xml, r#"<w:gridSpan w:val="{span}"/>"#);
            }
            let merge = vmerge.get(i).copied().flatten();
            match merge {
                Some(true) => self.xml.push_str(r#"<w:vMerge w:val="restart"/>"#),
                Some(false) => self.xml.push_str("<w:vMerge/>"),
                None => {}
            }
            if let Some(fill) = cell.fill {
                let _ = write!(
                    self.xml,
                    r#"<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>"#
                );
            }
            self.xml.push_str("</w:tcPr>");
            // Each line its own paragraph: Word's way, and what the reader joins back with "\n".
            let text = if merge == Some(false) { "" } else { cell.text };
            for line in text.split('\n') {
                let _ = write!(
                    self.xml,
                    r#"<w:p><w:pPr><w:spacing w:after="0"/><w:jc w:val="{}"/></w:pPr>"#,
                    cell.align.val()
                );
                if !line.is_empty() {
                    self.run(line, cell.bold, None);
                }
                self.xml.push_str("</w:p>");
            }
            self.xml.push_str("</w:tc>");
        }
        self.xml.push_str("</w:tr>");
    }

    pub fn table_end(&mut self) {
        // A paragraph must follow a table at the end of a cell or body.
        self.xml.push_str("</w:tbl><w:p/>");
    }

    /// The whole package.
    pub fn finish<W: Write + Seek>(self, out: W) -> zip::result::ZipResult<W> {
        let (w, h, orient) = if self.landscape {
            (A4_LONG, A4_SHORT, r#" w:orient="landscape""#)
        } else {
            (A4_SHORT, A4_LONG, "")
        };
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{}<w:sectPr><w:pgSz w:w="{w}" w:h="{h}"{orient}/><w:pgMar w:top="{MARGIN}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN}" w:left="{MARGIN}" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
            self.xml
        );
        let mut zip = zip::ZipWriter::new(out);
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        for (name, content) in [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", ROOT_RELS),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS),
            ("word/styles.xml", STYLES),
            ("word/document.xml", document.as_str()),
        ] {
            zip.start_file(name, options)?;
            zip.write_all(content.as_bytes())?;
        }
        zip.finish()
    }
}

/// Text with the characters XML gives meaning to escaped, and characters XML 1.0 forbids left out.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push(' '),
            c if (c as u32) < 0x20 => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#;
