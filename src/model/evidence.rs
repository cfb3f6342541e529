//! The evidence of a progress record (подтверждающий документ) as its parts.
//!
//! A record keeps its evidence as one verbatim text (`Progress::evidence`, one field of the exchange file),
//! readable as it is: `Приказ «О назначении координатора» № 12 от 01.10.2021` on the first line and a link or
//! file path on the next. [`Evidence`] splits such a text into document, number, date and link for the editor,
//! and writes them back the same way. Free text that does not follow the pattern stays in `document`.

/// The parts of an evidence text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    /// The document's name ("Приказ «О назначении координатора»").
    pub document: String,
    /// Its number, without "№".
    pub number: String,
    /// Its date as written ("01.10.2021").
    pub date: String,
    /// A web link or a file path to open.
    pub link: String,
}

impl Evidence {
    /// Splits an evidence text into its parts.
    pub fn parse(text: &str) -> Self {
        let mut link = String::new();
        let mut head = Vec::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if link.is_empty() && is_link(line) {
                link = line.to_owned();
            } else {
                head.push(line);
            }
        }
        let mut rest = head.join(" ");
        let mut date = String::new();
        if let Some(at) = rest.rfind(" от ") {
            let tail = rest[at + " от ".len()..].trim();
            if looks_like_date(tail) {
                date = tail.to_owned();
                rest.truncate(at);
            }
        }
        let mut number = String::new();
        if let Some(at) = rest.rfind('№') {
            number = rest[at + '№'.len_utf8()..].trim().to_owned();
            rest.truncate(at);
        }
        Self {
            document: rest.trim().to_owned(),
            number,
            date,
            link,
        }
    }

    /// The text stored for these parts (see the module documentation).
    pub fn to_text(&self) -> String {
        let mut first = self.document.trim().to_owned();
        let number = self.number.trim();
        if !number.is_empty() {
            if !first.is_empty() {
                first.push(' ');
            }
            first.push_str("№ ");
            first.push_str(number);
        }
        let date = self.date.trim();
        if !date.is_empty() {
            if !first.is_empty() {
                first.push(' ');
            }
            first.push_str("от ");
            first.push_str(date);
        }
        let link = self.link.trim();
        match (first.is_empty(), link.is_empty()) {
            (_, true) => first,
            (true, false) => link.to_owned(),
            (false, false) => format!("{first}\n{link}"),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.to_text().is_empty()
    }
}

/// The link or file path an evidence text names, if any.
pub fn evidence_link(text: &str) -> Option<&str> {
    text.lines().map(str::trim).find(|l| is_link(l))
}

/// Whether a line is a web link or a file path rather than words.
fn is_link(line: &str) -> bool {
    let lower = line.to_lowercase();
    if ["http://", "https://", "file://", "ftp://"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return true;
    }
    let bytes = line.as_bytes();
    let windows_drive = bytes.len() > 2
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && (bytes[2] == b'\\' || bytes[2] == b'/');
    windows_drive || line.starts_with('/') || line.starts_with("\\\\") || line.starts_with("~/")
}

/// Whether a text reads as a date: digits and dots, or a day and a month name ("1 октября 2021 г.").
fn looks_like_date(text: &str) -> bool {
    let first = text.chars().next();
    first.is_some_and(|c| c.is_ascii_digit()) && text.chars().count() <= 24
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_survive_a_round_trip() {
        let e = Evidence {
            document: "Приказ «О назначении координатора»".into(),
            number: "12-од".into(),
            date: "01.10.2021".into(),
            link: "https://school.example/docs/12.pdf".into(),
        };
        let text = e.to_text();
        assert_eq!(
            text,
            "Приказ «О назначении координатора» № 12-од от 01.10.2021\nhttps://school.example/docs/12.pdf"
        );
        assert_eq!(Evidence::parse(&text), e);
    }

    #[test]
    fn free_text_stays_a_document() {
        let e = Evidence::parse("Аналитическая справка по итогам мониторинга");
        assert_eq!(e.document, "Аналитическая справка по итогам мониторинга");
        assert!(e.number.is_empty() && e.date.is_empty() && e.link.is_empty());
        assert_eq!(Evidence::parse("Приказ № 12").number, "12");
        assert_eq!(Evidence::parse("").to_text(), "");
    }

    #[test]
    fn links_and_paths_are_found() {
        assert_eq!(
            evidence_link("Протокол № 3\nC:\\Документы\\протокол.docx"),
            Some("C:\\Документы\\протокол.docx")
        );
        assert_eq!(
            evidence_link("/home/user/протокол.pdf"),
            Some("/home/user/протокол.pdf")
        );
        assert_eq!(evidence_link("Протокол № 3"), None);
        let only_link = Evidence::parse("https://example.org/a");
        assert_eq!(only_link.link, "https://example.org/a");
        assert_eq!(only_link.to_text(), "https://example.org/a");
    }
}
