//! The one registry of a measure's text columns. Every place that shows, searches, writes or reads a
//! measure's texts by column — the grid, the search, CSV, Word and Excel export, paste and the import's
//! column mapping — goes through [`MeasureField`]: its key, its header in both languages, the words an
//! imported table's header names it by, and how to read and write it on a [`Measure`].

use crate::i18n::{Arg, I18n};

use super::{Measure, Plan, YearActivity};

/// A text column of a measure, kept verbatim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeasureField {
    Number,
    Title,
    Deadline,
    Responsible,
    Result,
    /// Documents that confirm the result.
    Documents,
    /// The key activity of one year (plans with a column per year).
    Year(i32),
    /// Примечание: also every imported column the program has no field for.
    Notes,
}

/// The words an imported table's header names a field by, compared with the header lowercased, `ё` as
/// `е`, without spaces and hyphens (see `table_import::columns`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Synonyms {
    /// The whole header, its dots dropped too.
    pub exact: &'static [&'static str],
    /// The header's beginning.
    pub prefixes: &'static [&'static str],
    /// Anywhere in the header.
    pub contains: &'static [&'static str],
}

impl Synonyms {
    const fn exact(words: &'static [&'static str]) -> Synonyms {
        Synonyms {
            exact: words,
            prefixes: &[],
            contains: &[],
        }
    }

    const fn starting(prefixes: &'static [&'static str]) -> Synonyms {
        Synonyms {
            exact: &[],
            prefixes,
            contains: &[],
        }
    }

    const fn or_containing(self, contains: &'static [&'static str]) -> Synonyms {
        Synonyms { contains, ..self }
    }
}

impl MeasureField {
    /// The grid's own columns, in their order (every plan has them).
    pub const FIXED: [MeasureField; 6] = [
        MeasureField::Number,
        MeasureField::Title,
        MeasureField::Deadline,
        MeasureField::Responsible,
        MeasureField::Result,
        MeasureField::Documents,
    ];

    /// The order in which an imported header's words are tried: a documents column «закрепляющие
    /// результат» is documents, not a result. Years are told by their number, before these.
    pub const RECOGNITION_ORDER: [MeasureField; 7] = [
        MeasureField::Number,
        MeasureField::Documents,
        MeasureField::Deadline,
        MeasureField::Responsible,
        MeasureField::Result,
        MeasureField::Title,
        MeasureField::Notes,
    ];

    /// The columns of a grid whose measures have activities for `years`: the fixed ones, then one per year.
    pub fn columns(years: &[i32]) -> Vec<MeasureField> {
        let mut fields = Self::FIXED.to_vec();
        fields.extend(years.iter().map(|y| MeasureField::Year(*y)));
        fields
    }

    /// The columns of a plan as a written table carries them: the fixed ones, one per year any measure has
    /// an activity for, and «Примечание» when any measure has notes.
    pub fn of_plan(plan: &Plan) -> Vec<MeasureField> {
        let mut fields = Self::columns(&years_of(plan));
        if plan.measures().any(|m| !m.notes.trim().is_empty()) {
            fields.push(MeasureField::Notes);
        }
        fields
    }

    /// Every field `m` has: the fixed ones, its years, its notes.
    pub fn of_measure(m: &Measure) -> impl Iterator<Item = MeasureField> + '_ {
        Self::FIXED
            .into_iter()
            .chain(m.yearly.iter().map(|y| MeasureField::Year(y.year)))
            .chain([MeasureField::Notes])
    }

    /// The key the field is remembered by (saved column widths): `number`, `title`, …, `year-2022`.
    pub fn key(self) -> String {
        match self {
            MeasureField::Number => "number".into(),
            MeasureField::Title => "title".into(),
            MeasureField::Deadline => "deadline".into(),
            MeasureField::Responsible => "responsible".into(),
            MeasureField::Result => "result".into(),
            MeasureField::Documents => "documents".into(),
            MeasureField::Year(year) => format!("year-{year}"),
            MeasureField::Notes => "notes".into(),
        }
    }

    /// The message key of the field's name (also its column header); a year's takes the year as `$year`.
    pub fn label_key(self) -> &'static str {
        match self {
            MeasureField::Number => "field-number",
            MeasureField::Title => "field-title",
            MeasureField::Deadline => "field-deadline",
            MeasureField::Responsible => "field-responsible",
            MeasureField::Result => "field-result",
            MeasureField::Documents => "field-documents",
            MeasureField::Year(_) => "field-year",
            MeasureField::Notes => "field-notes",
        }
    }

    /// The field's name in the language of `i18n`: «Сроки», «2022 год».
    pub fn label(self, i18n: &I18n) -> String {
        match self {
            MeasureField::Year(year) => {
                i18n.tr_args(self.label_key(), &[("year", Arg::Str(&year.to_string()))])
            }
            other => i18n.tr(other.label_key()),
        }
    }

    /// The field's Russian name: the header of the CSV file and of the column-mapping step.
    pub fn russian_label(self) -> String {
        crate::i18n::in_russian(|ru| self.label(ru))
    }

    /// The header of a written Word or Excel table, as road maps print it: «№ п/п», «Документы,
    /// закрепляющие результат», else the Russian name.
    pub fn document_header(self) -> String {
        match self {
            MeasureField::Number => "№ п/п".into(),
            MeasureField::Documents => "Документы, закрепляющие результат".into(),
            other => other.russian_label(),
        }
    }

    /// The words an imported header names the field by (a year is told by its number instead).
    pub fn synonyms(self) -> Synonyms {
        match self {
            MeasureField::Number => Synonyms::exact(&[
                "№",
                "№п/п",
                "№пп",
                "п/п",
                "пп",
                "n",
                "no",
                "nп/п",
                "номер",
                "#",
            ]),
            MeasureField::Title => Synonyms::starting(&[
                "мероприяти",
                "наименование",
                "названиемероприяти",
                "содержание",
                "переченьмероприятий",
                "ключевыемероприяти",
            ]),
            MeasureField::Deadline => Synonyms::starting(&[
                "срок",
                "датапроведения",
                "периодисполнения",
                "периодпроведения",
                "времяпроведения",
                "датаисполнения",
                "периодреализации",
            ]),
            MeasureField::Responsible => Synonyms::starting(&["ответствен", "исполнител"]),
            MeasureField::Result => {
                Synonyms::starting(&["ожидаемыйэффект", "эффект"]).or_containing(&["результат"])
            }
            MeasureField::Documents => {
                Synonyms::starting(&["документ", "отчетн", "формаотчетност"])
                    .or_containing(&["закрепляющ", "подтверждающ"])
            }
            MeasureField::Year(_) => Synonyms::default(),
            MeasureField::Notes => Synonyms::starting(&[
                "примечани",
                "целеваягрупп",
                "участник",
                "формапроведени",
                "формареализации",
                "индикатор",
                "комментари",
                "источникфинансировани",
                "финансировани",
            ])
            .or_containing(&["показател"]),
        }
    }

    /// The field's text in `m` (empty for a year it has no activity for).
    pub fn get(self, m: &Measure) -> &str {
        match self {
            MeasureField::Number => &m.number,
            MeasureField::Title => &m.title,
            MeasureField::Deadline => &m.deadline,
            MeasureField::Responsible => &m.responsible,
            MeasureField::Result => &m.result,
            MeasureField::Documents => &m.documents,
            MeasureField::Notes => &m.notes,
            MeasureField::Year(year) => m
                .yearly
                .iter()
                .find(|y| y.year == year)
                .map_or("", |y| y.text.as_str()),
        }
    }

    /// Replaces the field's text in `m`. A year's activity set to blank text is removed; a new one goes
    /// in its year's place.
    pub fn set(self, m: &mut Measure, value: String) {
        if let MeasureField::Year(year) = self
            && value.trim().is_empty()
        {
            m.yearly.retain(|y| y.year != year);
            return;
        }
        *self.slot(m) = value;
    }

    /// Adds `text` to the field in `m` as a new line (two imported columns of one field, or a row Word
    /// split in two).
    pub fn append(self, m: &mut Measure, text: &str) {
        let slot = self.slot(m);
        if !slot.is_empty() {
            slot.push('\n');
        }
        slot.push_str(text);
    }

    /// The field's string in `m`; a year without an activity gets an empty one, in its year's place.
    fn slot(self, m: &mut Measure) -> &mut String {
        match self {
            MeasureField::Number => &mut m.number,
            MeasureField::Title => &mut m.title,
            MeasureField::Deadline => &mut m.deadline,
            MeasureField::Responsible => &mut m.responsible,
            MeasureField::Result => &mut m.result,
            MeasureField::Documents => &mut m.documents,
            MeasureField::Notes => &mut m.notes,
            MeasureField::Year(year) => {
                let i = match m.yearly.iter().position(|y| y.year == year) {
                    Some(i) => i,
                    None => {
                        let at = m.yearly.iter().position(|y| y.year > year);
                        let at = at.unwrap_or(m.yearly.len());
                        let text = String::new();
                        m.yearly.insert(at, YearActivity { year, text });
                        at
                    }
                };
                &mut m.yearly[i].text
            }
        }
    }

    /// Whether the field usually holds several lines.
    pub fn multiline(self) -> bool {
        !matches!(self, MeasureField::Number)
    }

    /// Whether the measure's due dates are derived from the field (its deadline, its years' activities).
    pub fn shapes_due(self) -> bool {
        matches!(self, MeasureField::Deadline | MeasureField::Year(_))
    }
}

/// The years any measure of `plan` has an activity for, ascending.
pub fn years_of(plan: &Plan) -> Vec<i32> {
    let mut years: Vec<i32> = plan
        .measures()
        .flat_map(|m| m.yearly.iter().map(|y| y.year))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    fn every_field() -> Vec<MeasureField> {
        let mut fields = MeasureField::columns(&[2022, 2023]);
        fields.push(MeasureField::Notes);
        fields
    }

    #[test]
    fn every_field_gives_back_the_text_it_was_set_to() {
        let mut m = Measure::new("", "");
        for (i, field) in every_field().into_iter().enumerate() {
            let text = format!("текст {i}\nвторая строка");
            field.set(&mut m, text.clone());
            assert_eq!(field.get(&m), text, "{field:?}");
        }
        // Each field has its own place: setting one left the others as they were.
        for (i, field) in every_field().into_iter().enumerate() {
            assert_eq!(field.get(&m), format!("текст {i}\nвторая строка"));
        }
    }

    #[test]
    fn every_field_has_a_distinct_name_in_both_languages() {
        for language in Language::ALL {
            let i18n = I18n::new(language);
            let names: Vec<String> = every_field().iter().map(|f| f.label(&i18n)).collect();
            for (field, name) in every_field().iter().zip(&names) {
                assert!(!name.trim().is_empty(), "{language:?} {field:?}");
                assert_ne!(
                    name,
                    field.label_key(),
                    "{language:?}: no message for {field:?}"
                );
            }
            let mut distinct = names.clone();
            distinct.sort();
            distinct.dedup();
            assert_eq!(distinct.len(), names.len(), "{language:?}: {names:?}");
        }
        let ru = I18n::new(Language::Russian);
        assert_eq!(MeasureField::Year(2022).label(&ru), "2022 год");
        assert_eq!(MeasureField::Documents.label(&ru), "Документы");
    }

    #[test]
    fn keys_are_the_saved_column_names() {
        let keys: Vec<String> = every_field().iter().map(|f| f.key()).collect();
        assert_eq!(
            keys,
            [
                "number",
                "title",
                "deadline",
                "responsible",
                "result",
                "documents",
                "year-2022",
                "year-2023",
                "notes"
            ]
        );
    }

    #[test]
    fn year_activities_stay_in_order_and_blank_text_removes_one() {
        let mut m = Measure::new("1", "м");
        MeasureField::Year(2023).set(&mut m, "б".into());
        MeasureField::Year(2022).set(&mut m, "а".into());
        assert_eq!(
            m.yearly.iter().map(|y| y.year).collect::<Vec<_>>(),
            [2022, 2023]
        );
        MeasureField::Year(2022).set(&mut m, " ".into());
        assert_eq!(m.yearly.len(), 1);
        MeasureField::Year(2024).set(&mut m, String::new());
        assert_eq!(m.yearly.len(), 1, "a blank new year adds nothing");
    }

    #[test]
    fn appending_adds_a_line() {
        let mut m = Measure::new("1", "м");
        MeasureField::Result.append(&mut m, "а");
        MeasureField::Result.append(&mut m, "б");
        MeasureField::Year(2022).append(&mut m, "в");
        MeasureField::Year(2022).append(&mut m, "г");
        assert_eq!(m.result, "а\nб");
        assert_eq!(MeasureField::Year(2022).get(&m), "в\nг");
    }
}
