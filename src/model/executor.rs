//! Who carries out a measure: the office itself, the schools, or both — and the proposal read from the
//! responsible text of a road map («Управление образованием» → the office, «ОО» → schools).

use serde::{Deserialize, Serialize};

/// Who executes a measure. Schools execute it by its `SchoolScope`; the office marks its own execution
/// as progress without a school.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Executor {
    /// The office (управление, ИМЦ, РМО, a municipal coordinator) only: no school is concerned.
    Office,
    /// The schools of the measure's scope (the only kind before executors existed).
    #[default]
    Schools,
    /// The office and the schools of the scope.
    Both,
}

super::stored_text!(Executor {
    Office => "office",
    Schools => "schools",
    Both => "both",
});

impl Executor {
    /// Whether the office marks its own execution of the measure.
    pub fn includes_office(self) -> bool {
        matches!(self, Executor::Office | Executor::Both)
    }

    /// Whether schools carry the measure out.
    pub fn includes_schools(self) -> bool {
        matches!(self, Executor::Schools | Executor::Both)
    }
}

/// Words (whole) that name the office: управление образования, its methodical centre and district bodies.
const OFFICE_WORDS: &[&str] = &["уо", "моуо", "руо", "имц", "рмо", "мо", "ммо", "ммс"];
/// Parts of words that name the office.
const OFFICE_PARTS: &[&str] = &["методист", "координатор", "районн", "методическ"];
/// Bodies that name the office together with «образован…»: управление / отдел / комитет образования.
const OFFICE_BODIES: &[&str] = &["управлени", "отдел", "комитет"];
/// Words (whole) that name schools.
const SCHOOL_WORDS: &[&str] = &["оо", "оу", "моу", "мбоу", "мкоу", "сош", "оош", "нош"];
/// Parts of words that name schools and their staff.
const SCHOOL_PARTS: &[&str] = &[
    "образовательн",
    "школ",
    "педагог",
    "учител",
    "директор",
    "заместител",
    "классн",
];

/// The executor the responsible text suggests: the office when it names only office bodies, schools when
/// it names only schools or their staff, both when it names both, and schools when it names neither (the
/// meaning of a measure before executors existed). The user decides; this is only the proposal.
pub fn propose_executor(responsible: &str) -> Executor {
    let text = responsible.to_lowercase();
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has_word = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let has_part = |list: &[&str]| list.iter().any(|p| text.contains(p));
    let office = has_word(OFFICE_WORDS)
        || has_part(OFFICE_PARTS)
        || (has_part(OFFICE_BODIES) && words.iter().any(|w| w.starts_with("образован")));
    let schools = has_word(SCHOOL_WORDS) || has_part(SCHOOL_PARTS);
    match (office, schools) {
        (true, true) => Executor::Both,
        (true, false) => Executor::Office,
        _ => Executor::Schools,
    }
}

/// Proposes every measure's executor from its responsible text: what a table import (Word, Excel, CSV,
/// paste) does once its measures are built.
pub fn propose_executors(sections: &mut [super::Section]) {
    for m in sections.iter_mut().flat_map(|s| &mut s.measures) {
        m.executor = propose_executor(&m.responsible);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_of_the_issue_give_their_executor() {
        for office in [
            "Управление образованием",
            "МКУ ИМЦ",
            "РМО",
            "муниципальный координатор",
            "УО",
            "МОУО",
            "отдел образования",
            "методист ИМЦ",
        ] {
            assert_eq!(propose_executor(office), Executor::Office, "{office}");
        }
        for school in [
            "ОО",
            "руководители ОО",
            "школы",
            "администрация ОО",
            "педагоги",
            "учителя-предметники",
            "директор",
            "заместитель директора по УВР",
        ] {
            assert_eq!(propose_executor(school), Executor::Schools, "{school}");
        }
        assert_eq!(propose_executor("УО, ОО"), Executor::Both);
        assert_eq!(propose_executor(""), Executor::Schools);
        assert_eq!(propose_executor("по согласованию"), Executor::Schools);
    }

    /// The responsible column of the Ivanteevka road map (tests/fixtures/roadmap-001.expected.json),
    /// each executor written from reading the text.
    #[test]
    fn the_ivanteevka_responsible_texts() {
        use Executor::{Both, Office, Schools};
        let cases: &[(&str, &str, Executor)] = &[
            ("1.1", "Управление образованием", Office),
            ("1.3", "Общеобразовательные организации", Schools),
            (
                "2.1",
                "Управление образованием, общеобразовательные организации",
                Both,
            ),
            ("2.5", "общеобразовательные организации", Schools),
            ("5.1", "Управление образования, ОО", Both),
            ("5.3", "Управление образования", Office),
            ("5.4", "ОО", Schools),
            ("5.5", "Управление образования, РМО", Office),
            ("5.9", "РМО, ОО", Both),
            ("6.4", "Управление образования, РМО, ОО", Both),
            ("6.6", "Руководители РМО", Office),
            ("6.7", "Руководители районных МО", Office),
            ("7.2", "ОО\nУправление образования, ОО", Both),
            ("7.10", "управление образования, РМО, ОО", Both),
            ("8.3", "РМО", Office),
            ("8.5", "Управление образования  ОО", Both),
            ("9.5", "Управление образования,ОО", Both),
            ("9.7", "Руководители РМО", Office),
        ];
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/roadmap-001.expected.json"
        ))
        .unwrap();
        for (number, responsible, expected) in cases {
            assert!(
                text.contains(&serde_json::to_string(responsible).unwrap()),
                "{number}: the fixture has «{responsible}»"
            );
            assert_eq!(propose_executor(responsible), *expected, "{number}");
        }
    }
}
