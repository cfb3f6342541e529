//! Delimited text (TSV or CSV) to rows of cells, as Excel and Word write it and put on the clipboard.
//!
//! A cell that starts with `"` is quoted: it runs to the next lone `"`, may hold delimiters, tabs and line
//! breaks, and writes a quote inside as `""`. Any other cell runs to the next delimiter or line break and
//! keeps its quotes as they are. Lines end with `\n`, `\r\n` or `\r`; line breaks inside a quoted cell come
//! out as `\n`. A byte-order mark at the start is dropped. Cells are returned as written (not trimmed).

/// The delimiters tried when none is given, in order of preference.
const CANDIDATES: [char; 3] = ['\t', ';', ','];

/// How many records the delimiter detection looks at.
const SNIFF_RECORDS: usize = 50;

/// Splits delimited text into rows of cells. `delimiter` = `None` detects tab, `;` or `,` (see [`detect`]).
pub fn parse_delimited(text: &str, delimiter: Option<char>) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = delimiter.unwrap_or_else(|| detect(text));
    Parser::new(text, delimiter).collect()
}

/// The delimiter of a text: the first of tab, `;`, `,` that splits its first records into two or more
/// columns most of the time (a tab wins whenever it splits at all: tabs do not occur in cell text, while
/// commas do in `;`-separated Russian CSV). A text no candidate splits is one column: tab.
pub fn detect(text: &str) -> char {
    for candidate in CANDIDATES {
        let widths: Vec<usize> = Parser::new(text, candidate)
            .take(SNIFF_RECORDS)
            .filter(|row| row.iter().any(|c| !c.trim().is_empty()))
            .map(|row| row.len())
            .collect();
        let split = widths.iter().filter(|&&w| w >= 2).count();
        if split > 0 && (candidate == '\t' || split * 2 >= widths.len()) {
            return candidate;
        }
    }
    '\t'
}

/// Reads records one by one. A record keeps at most [`MAX_COLUMNS`](crate::exchange::limits::MAX_COLUMNS)
/// cells: empty cells beyond them are dropped, text beyond them is dropped and noted ([`Parser::overflowed`]),
/// so a line of a million delimiters takes no memory.
pub(crate) struct Parser<'a> {
    rest: &'a str,
    delimiter: char,
    overflowed: bool,
}

impl<'a> Parser<'a> {
    pub(crate) fn new(text: &'a str, delimiter: char) -> Self {
        Self {
            rest: text,
            delimiter,
            overflowed: false,
        }
    }

    /// Whether a record so far had text beyond the most cells kept.
    pub(crate) fn overflowed(&self) -> bool {
        self.overflowed
    }

    /// Reads one cell from the start of `rest`; returns it and what ended it.
    fn cell(&mut self) -> (String, End) {
        if let Some(quoted) = self.rest.strip_prefix('"') {
            self.rest = quoted;
            self.quoted_cell()
        } else {
            self.plain_cell(String::new())
        }
    }

    /// A cell without quotes (or the tail of a malformed quoted one), appended to `cell`.
    fn plain_cell(&mut self, mut cell: String) -> (String, End) {
        let end = self
            .rest
            .find([self.delimiter, '\n', '\r'])
            .unwrap_or(self.rest.len());
        cell.push_str(&self.rest[..end]);
        self.rest = &self.rest[end..];
        (cell, self.take_end())
    }

    /// The body of a quoted cell, after its opening quote.
    fn quoted_cell(&mut self) -> (String, End) {
        let mut cell = String::new();
        loop {
            let Some(quote) = self.rest.find('"') else {
                // An unterminated quote: the rest of the text is the cell.
                cell.push_str(&normalize_breaks(self.rest));
                self.rest = "";
                return (cell, End::Text);
            };
            cell.push_str(&normalize_breaks(&self.rest[..quote]));
            self.rest = &self.rest[quote + 1..];
            if let Some(after) = self.rest.strip_prefix('"') {
                cell.push('"');
                self.rest = after;
                continue;
            }
            // A closing quote: what follows up to the delimiter (normally nothing) is kept as written.
            return self.plain_cell(cell);
        }
    }

    /// Consumes the delimiter or line break at the start of `rest`.
    fn take_end(&mut self) -> End {
        let mut chars = self.rest.chars();
        match chars.next() {
            None => End::Text,
            Some(c) if c == self.delimiter => {
                self.rest = chars.as_str();
                End::Cell
            }
            Some('\r') => {
                let after = chars.as_str();
                self.rest = after.strip_prefix('\n').unwrap_or(after);
                End::Row
            }
            Some(_) => {
                self.rest = chars.as_str();
                End::Row
            }
        }
    }
}

/// What ended a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    Cell,
    Row,
    Text,
}

impl Iterator for Parser<'_> {
    type Item = Vec<String>;

    fn next(&mut self) -> Option<Vec<String>> {
        if self.rest.is_empty() {
            return None;
        }
        const KEPT: usize = crate::exchange::limits::MAX_COLUMNS;
        let mut row = Vec::new();
        loop {
            let (cell, end) = self.cell();
            if row.len() < KEPT {
                row.push(cell);
            } else if !cell.trim().is_empty() {
                self.overflowed = true;
            }
            match end {
                End::Cell if self.rest.is_empty() => {
                    // A delimiter at the very end: one more, empty, cell.
                    if row.len() < KEPT {
                        row.push(String::new());
                    }
                    return Some(row);
                }
                End::Cell => {}
                End::Row | End::Text => return Some(row),
            }
        }
    }
}

/// `\r\n` and lone `\r` inside a quoted cell as `\n`.
fn normalize_breaks(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, delimiter: Option<char>) -> Vec<Vec<String>> {
        parse_delimited(text, delimiter)
    }

    fn v(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn tabs_and_lines() {
        assert_eq!(
            rows("a\tb\nc\td\n", None),
            vec![v(&["a", "b"]), v(&["c", "d"])]
        );
        // No trailing newline; empty cells kept.
        assert_eq!(rows("a\t\t\nb", None), vec![v(&["a", "", ""]), v(&["b"])]);
    }

    #[test]
    fn quoted_cells_hold_breaks_tabs_delimiters_and_doubled_quotes() {
        let text = "1\t\"первая\nвторая\"\t\"с \"\"кавычками\"\"\"\n2\t\"a\tb\"\tx\n";
        assert_eq!(
            rows(text, None),
            vec![
                v(&["1", "первая\nвторая", "с \"кавычками\""]),
                v(&["2", "a\tb", "x"]),
            ]
        );
    }

    #[test]
    fn crlf_ends_rows_and_becomes_newline_inside_cells() {
        let text = "a;\"x\r\ny\"\r\nb;c\r\n";
        assert_eq!(rows(text, None), vec![v(&["a", "x\ny"]), v(&["b", "c"])]);
    }

    #[test]
    fn quotes_inside_a_plain_cell_stay() {
        assert_eq!(
            rows("ООО \"Ромашка\"\t2", Some('\t')),
            vec![v(&["ООО \"Ромашка\"", "2"])]
        );
    }

    #[test]
    fn an_unterminated_quote_takes_the_rest() {
        assert_eq!(rows("a\t\"b\nc", None), vec![v(&["a", "b\nc"])]);
    }

    #[test]
    fn delimiter_detection() {
        assert_eq!(detect("№\tМероприятие\n1\tА"), '\t');
        assert_eq!(detect("№;Мероприятие, текст\n1;А, Б"), ';');
        assert_eq!(detect("№,Мероприятие\n1,А"), ',');
        assert_eq!(detect("одна колонка\nещё"), '\t');
        assert_eq!(detect("\u{feff}a;b"), ';');
    }

    #[test]
    fn a_bom_is_dropped() {
        assert_eq!(rows("\u{feff}a;b", None), vec![v(&["a", "b"])]);
    }
}
