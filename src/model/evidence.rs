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
        for (label, part) in [("№ ", &self.number), ("от ", &self.date)] {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            if !first.is_empty() {
                first.push(' ');
            }
            first.push_str(label);
            first.push_str(part);
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
    is_windows_drive(line)
        || line.starts_with('/')
        || line.starts_with("\\\\")
        || line.starts_with("~/")
}

/// What clicking «Открыть» on an evidence link may do. Evidence arrives in files from schools, so the
/// program never hands it blindly to the system: only a web page opens at once; a local file opens after
/// the user confirms its full path; a program or script, a network (UNC/SMB) path and any other kind of
/// link are never opened — the text is shown for the user to judge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvidenceTarget {
    /// An `http://` or `https://` address: opened in the browser.
    Web(String),
    /// A local file or folder: opened only after a confirmation naming this full path.
    LocalFile(std::path::PathBuf),
    /// Never opened; the reason is said to the user.
    Refused(Refusal),
    /// No link at all: nothing to open.
    None,
}

/// Why a link is not opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A program, script or shortcut (`.exe`, `.bat`, `.lnk`, `.desktop`…).
    Executable,
    /// A network path (`\\host\share`, `smb://`): opening it would send the user's credentials there.
    Network,
    /// Another kind of address (`ftp:`, `javascript:`…).
    Unsupported,
}

/// Extensions of files that run something when opened (Windows, Linux, macOS), lower case.
const EXECUTABLE_EXTENSIONS: &[&str] = &[
    "exe",
    "com",
    "bat",
    "cmd",
    "ps1",
    "psm1",
    "psd1",
    "vbs",
    "vbe",
    "js",
    "jse",
    "wsf",
    "wsh",
    "ws",
    "hta",
    "msi",
    "msp",
    "mst",
    "lnk",
    "scr",
    "cpl",
    "jar",
    "desktop",
    "sh",
    "bash",
    "zsh",
    "csh",
    "ksh",
    "run",
    "appimage",
    "pif",
    "reg",
    "inf",
    "scf",
    "url",
    "application",
    "gadget",
    "msc",
    "vb",
    "py",
    "pyw",
    "pl",
    "rb",
    "command",
    "app",
    "dll",
    "sys",
    "drv",
    "ocx",
    "bin",
    "elf",
    "out",
    "deb",
    "rpm",
    "apk",
    "pkg",
    "dmg",
    "iso",
    "img",
    "vhd",
    "vhdx",
    "settingcontent-ms",
    "library-ms",
    "searchconnector-ms",
    "xbap",
    "appref-ms",
    "mht",
    "mhtml",
    "chm",
    "hlp",
    "ins",
    "isp",
    "job",
    "lnk",
    "msh",
    "msh1",
    "msh2",
    "mshxml",
    "ps2",
    "ps2xml",
    "psc1",
    "psc2",
    "xll",
    "xlam",
    "docm",
    "xlsm",
    "pptm",
    "dotm",
    "xltm",
    "potm",
    "ppam",
    "ppsm",
    "sldm",
    "ade",
    "adp",
    "mde",
    "mdb",
    "accde",
    "crt",
    "cer",
    "der",
    "diagcab",
    "website",
    "theme",
    "themepack",
];

/// What an evidence text's link may do when clicked (see [`EvidenceTarget`]).
pub fn evidence_target(text: &str) -> EvidenceTarget {
    let Some(link) = evidence_link(text).or_else(|| {
        let t = text.trim();
        (!t.is_empty() && !t.contains('\n')).then_some(t)
    }) else {
        return EvidenceTarget::None;
    };
    let lower = link.to_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        if link.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return EvidenceTarget::Refused(Refusal::Unsupported);
        }
        return EvidenceTarget::Web(link.to_owned());
    }
    if lower.starts_with("smb:") || lower.starts_with("cifs:") || lower.starts_with("nfs:") {
        return EvidenceTarget::Refused(Refusal::Network);
    }
    let path = if let Some(rest) = lower.strip_prefix("file:") {
        let rest = &link[link.len() - rest.len()..];
        // file:///C:/a, file:///home/a; file://host/share is a network path.
        match rest.strip_prefix("///") {
            Some(local) if is_windows_drive(local) => local.to_owned(),
            Some(local) => format!("/{local}"),
            None if rest.starts_with("//") => return EvidenceTarget::Refused(Refusal::Network),
            None => rest.to_owned(),
        }
    } else if has_scheme(link) && !is_windows_drive(link) {
        return EvidenceTarget::Refused(Refusal::Unsupported);
    } else if is_link(link) {
        link.to_owned()
    } else {
        return EvidenceTarget::None;
    };
    local_target(&path)
}

/// A local path: refused when it is a network path or names something that runs; its full form
/// otherwise (`~` expanded, links resolved when it exists — a link to a program is a program).
fn local_target(path: &str) -> EvidenceTarget {
    if path.starts_with("\\\\") || path.starts_with("//") || path.starts_with("\\/") {
        return EvidenceTarget::Refused(Refusal::Network);
    }
    let expanded = match path.strip_prefix("~/") {
        Some(rest) => match directories::UserDirs::new() {
            Some(dirs) => dirs.home_dir().join(rest),
            None => return EvidenceTarget::Refused(Refusal::Unsupported),
        },
        None => std::path::PathBuf::from(path),
    };
    if runs_something(&expanded.to_string_lossy()) {
        return EvidenceTarget::Refused(Refusal::Executable);
    }
    match std::fs::canonicalize(&expanded) {
        Ok(resolved) if runs_something(&resolved.to_string_lossy()) => {
            EvidenceTarget::Refused(Refusal::Executable)
        }
        Ok(resolved)
            if resolved.to_string_lossy().starts_with("\\\\")
                && !resolved.to_string_lossy().starts_with("\\\\?\\") =>
        {
            EvidenceTarget::Refused(Refusal::Network)
        }
        _ => EvidenceTarget::LocalFile(expanded),
    }
}

/// Whether a path's file name ends in an extension that runs something. Windows ignores trailing dots
/// and spaces (`x.exe.` runs `x.exe`), and a stream name after `:` (`x.txt:y.exe`) is checked too.
fn runs_something(path: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.split(':').any(|part| {
        let part = part.trim_end_matches(['.', ' ']);
        part.rsplit_once('.')
            .is_some_and(|(_, ext)| EXECUTABLE_EXTENSIONS.contains(&ext.to_lowercase().as_str()))
    })
}

fn is_windows_drive(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() > 2
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && (bytes[2] == b'\\' || bytes[2] == b'/')
}

/// Whether a text starts with a URI scheme (`javascript:`, `mailto:`, `ms-settings:`…) rather than a
/// drive letter.
fn has_scheme(text: &str) -> bool {
    match text.split_once(':') {
        Some((scheme, _)) => {
            scheme.len() > 1
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
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

    #[test]
    fn only_web_pages_open_at_once_local_files_ask_and_the_rest_is_refused() {
        use EvidenceTarget::{LocalFile, Refused, Web};
        use Refusal::{Executable, Network, Unsupported};
        #[rustfmt::skip]
        let targets = [
            // Web pages open at once; text without an address opens nothing.
            ("Приказ № 1\nhttps://school.example/a.pdf", Web("https://school.example/a.pdf".into())),
            ("HTTP://school.example/", Web("HTTP://school.example/".into())),
            ("Протокол № 3", EvidenceTarget::None),
            ("", EvidenceTarget::None),
            // A local document needs a confirmation of its full path.
            ("Протокол\nC:\\Документы\\протокол.docx", LocalFile("C:\\Документы\\протокол.docx".into())),
            ("file:///home/user/протокол.pdf", LocalFile("/home/user/протокол.pdf".into())),
            // Programs, scripts and shortcuts are never opened.
            ("C:\\Windows\\System32\\calc.exe", Refused(Executable)),
            ("file:///C:/Windows/System32/calc.exe", Refused(Executable)),
            ("file:///home/user/run.sh", Refused(Executable)),
            ("/tmp/x.desktop", Refused(Executable)),
            ("C:\\Users\\u\\Desktop\\отчёт.lnk", Refused(Executable)),
            ("D:\\a.hta", Refused(Executable)),
            ("/home/u/app.AppImage", Refused(Executable)),
            ("C:\\a.pdf.exe.", Refused(Executable)),
            ("C:\\a.txt:b.exe", Refused(Executable)),
            ("C:\\install.msi", Refused(Executable)),
            ("C:\\a.bat", Refused(Executable)),
            ("C:\\a.ps1", Refused(Executable)),
            ("C:\\a.jar", Refused(Executable)),
            ("C:\\a.scr", Refused(Executable)),
            // Network paths are never opened.
            ("\\\\host\\share\\x.exe", Refused(Network)),
            ("\\\\host\\share\\протокол.pdf", Refused(Network)),
            ("//host/share/a.pdf", Refused(Network)),
            ("file://host/share/a.pdf", Refused(Network)),
            ("smb://host/share/a.pdf", Refused(Network)),
            // Other addresses are shown as text.
            ("javascript:alert(1)", Refused(Unsupported)),
            ("ftp://host/a.pdf", Refused(Unsupported)),
            ("ms-settings:privacy", Refused(Unsupported)),
        ];
        for (text, target) in targets {
            assert_eq!(evidence_target(text), target, "{text}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_program_is_a_program() {
        let dir = tempfile::tempdir().unwrap();
        let program = dir.path().join("calc.sh");
        std::fs::write(&program, "#!/bin/sh\n").unwrap();
        let innocent = dir.path().join("протокол.pdf");
        std::os::unix::fs::symlink(&program, &innocent).unwrap();
        assert_eq!(
            evidence_target(innocent.to_str().unwrap()),
            EvidenceTarget::Refused(Refusal::Executable)
        );
    }
}
