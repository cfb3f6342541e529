//! Pasting rows copied from Word, Excel or the grid into the open plan, as one undoable step.

use crate::exchange::decode::Encoding;
use crate::exchange::table_import::file::TableText;
use crate::exchange::table_import::stage::{StageOrigin, TableStage};
use crate::exchange::table_import::{self, ColumnMapping, TableColumn, TableError};
use crate::i18n::{Arg, I18n, Language, Localize};
use crate::model::{Change, Id, Measure, Period, Plan, Section};

use super::{PendingPaste, RoadmapApp};

/// The most reader warnings a toast lists.
const SHOWN_WARNINGS: usize = 5;

impl RoadmapApp {
    /// Pastes clipboard text. Word, Excel and our grid put tables on the clipboard as tab-separated text.
    ///
    /// - With a header row (a whole table copied from Word) the table's sections go after the plan's. A plan
    ///   holding nothing but the empty section "Создать план" starts with gives that section up to them.
    /// - Without one (rows copied from Excel or from the grid, in the grid's column order) the rows are
    ///   measures put after the selected measure, or at the end of the last section; section rows among them
    ///   become new sections after that section.
    ///
    /// Due dates are derived from the deadlines within the plan's period. The first pasted measure is
    /// selected; a toast says what was added.
    ///
    /// A table with its header is not pasted at once: like any table import it first shows its columns
    /// (what each is read as, its first cells, what would be left out), and goes in on «Вставить»
    /// ([`RoadmapApp::apply_paste`]).
    pub(super) fn paste_rows(&mut self, text: String) -> Result<(), String> {
        // Within the table limits: a row wider than the limit is refused with a message, never cut.
        let rows = crate::exchange::limits::parse_delimited_bounded(&text, Some('\t'))
            .map_err(|e| e.message(&self.i18n))?;
        let years = crate::model::years_of(self.plan()?);
        if let Some(mapping) = ColumnMapping::detect(&rows) {
            let stage = TableStage {
                origin: StageOrigin::Text(TableText {
                    rows,
                    encoding: Encoding::Utf8,
                    stem: String::new(),
                }),
                mapping,
            };
            return self.set_pending_paste(stage);
        }
        // Rows copied from the grid carry its columns, the plan's years among them.
        let mapping = ColumnMapping::headerless(&rows, &years);
        let import = match table_import::read_table_with_columns(&rows, &mapping) {
            Ok(import) => import,
            Err(TableError::Empty) => return Err(self.i18n.tr("paste-error-empty")),
            Err(e) => return Err(e.message(&self.i18n)),
        };
        self.paste_import(import, false)
    }

    /// Says `done` — as a warning listing what the plan does not hold when `left_out` names anything,
    /// not as a plain «done».
    pub(super) fn toast_with_left_out(&mut self, done: String, left_out: &[String]) {
        if left_out.is_empty() {
            self.toasts.info(done);
        } else {
            self.toasts.warn(format!(
                "{done}\n{}\n{}",
                self.i18n.tr("exchange-left-out"),
                left_out.join("\n")
            ));
        }
    }

    /// Keeps a pasted table with its header for the column step, with what it would add and leave out.
    fn set_pending_paste(&mut self, stage: TableStage) -> Result<(), String> {
        let import = table_import::read_table_with_columns(stage.rows(), &stage.mapping)
            .map_err(|e| e.to_string())?;
        self.data.exchange.paste = Some(PendingPaste {
            sections: import.sections.len(),
            measures: import.measure_count(),
            left_out: import.left_out,
            stage,
        });
        Ok(())
    }

    /// Reads the pending pasted table again with other meanings of its columns.
    pub(super) fn remap_paste(&mut self, columns: Vec<Option<TableColumn>>) -> Result<(), String> {
        let Some(pending) = self.data.exchange.paste.as_ref() else {
            return Ok(());
        };
        let stage = pending.stage.with_columns(columns);
        self.set_pending_paste(stage)
    }

    /// Puts the pending pasted table into the plan.
    pub(super) fn apply_paste(&mut self) -> Result<(), String> {
        let Some(pending) = self.data.exchange.paste.take() else {
            return Ok(());
        };
        let import =
            table_import::read_table_with_columns(pending.stage.rows(), &pending.stage.mapping)
                .map_err(|e| e.to_string())?;
        self.paste_import(import, true)
    }

    /// Puts read rows into the open plan as one change: a table with its header after the plan's
    /// sections, rows without one after the selected measure.
    fn paste_import(
        &mut self,
        import: table_import::TableImport,
        with_header: bool,
    ) -> Result<(), String> {
        let plan = self.plan()?;
        let sections = with_due(import.sections, plan.period);
        let pasted = if with_header {
            append_sections(plan, sections)
        } else {
            insert_rows(plan, sections, self.data.selected)
        };
        self.commit(Change::Batch(pasted.changes))?;
        if pasted.first_measure.is_some() {
            self.data.selected = pasted.first_measure;
        }
        let mut parts = Vec::new();
        if pasted.sections > 0 {
            parts.push(self.i18n.count("sections-count", pasted.sections));
        }
        if pasted.measures > 0 || pasted.sections == 0 {
            parts.push(self.i18n.count("measures-count", pasted.measures));
        }
        let what = parts.join(", ");
        let done = self
            .i18n
            .tr_args("paste-toast", &[("what", Arg::Str(&what))]);
        self.toast_with_left_out(done, &import.left_out);
        // What was left out is in the message above already.
        let warnings: Vec<&String> = import
            .warnings
            .iter()
            .filter(|w| !import.left_out.contains(w))
            .collect();
        if !warnings.is_empty() {
            let mut notes: Vec<&str> = warnings
                .iter()
                .copied()
                .take(SHOWN_WARNINGS)
                .map(String::as_str)
                .collect();
            let more = warnings.len().saturating_sub(SHOWN_WARNINGS);
            let tail = self.i18n.count("paste-more-warnings", more);
            if more > 0 {
                notes.push(&tail);
            }
            self.toasts.info(notes.join("\n"));
        }
        Ok(())
    }
}

/// The changes of one paste and what they add.
struct Pasted {
    changes: Vec<Change>,
    sections: usize,
    measures: usize,
    first_measure: Option<Id>,
}

impl Pasted {
    fn new() -> Self {
        Self {
            changes: Vec::new(),
            sections: 0,
            measures: 0,
            first_measure: None,
        }
    }

    fn insert_section(&mut self, index: usize, section: Section) {
        self.sections += 1;
        self.count_measures(&section.measures);
        self.changes.push(Change::InsertSection {
            index,
            section: Box::new(section),
        });
    }

    fn insert_measure(&mut self, section_id: Id, index: usize, measure: Measure) {
        self.count_measures(std::slice::from_ref(&measure));
        self.changes.push(Change::InsertMeasure {
            section_id,
            index,
            measure: Box::new(measure),
        });
    }

    fn count_measures(&mut self, measures: &[Measure]) {
        self.measures += measures.len();
        if self.first_measure.is_none() {
            self.first_measure = measures.first().map(|m| m.id);
        }
    }
}

/// A table with its header: its sections after the plan's (replacing a new plan's placeholder section).
fn append_sections(plan: &Plan, sections: Vec<Section>) -> Pasted {
    let mut pasted = Pasted::new();
    let mut index = plan.sections.len();
    if let [only] = plan.sections.as_slice()
        && is_placeholder(only)
    {
        pasted.changes.push(Change::RemoveSection {
            index: 0,
            section: Box::new(only.clone()),
        });
        index = 0;
    }
    for section in sections {
        pasted.insert_section(index, section);
        index += 1;
    }
    pasted
}

/// Rows without a header: measures after the selected one (or at the end of the last section); sections
/// among them after that section. Into a plan without sections everything goes in as sections.
fn insert_rows(plan: &Plan, sections: Vec<Section>, selected: Option<Id>) -> Pasted {
    let mut pasted = Pasted::new();
    let target = selected
        .and_then(|id| plan.find_measure(id))
        .map(|(si, mi)| (si, mi + 1))
        .or_else(|| {
            let last = plan.sections.len().checked_sub(1)?;
            Some((last, plan.sections[last].measures.len()))
        });
    let Some((si, mut at)) = target else {
        for (index, section) in sections.into_iter().enumerate() {
            pasted.insert_section(index, section);
        }
        return pasted;
    };
    let section_id = plan.sections[si].id;
    let mut next_section = si + 1;
    for (k, section) in sections.into_iter().enumerate() {
        // The reader puts rows above the first section row into an untitled section.
        if k == 0 && section.number.is_empty() && section.title.is_empty() {
            for measure in section.measures {
                pasted.insert_measure(section_id, at, measure);
                at += 1;
            }
        } else {
            pasted.insert_section(next_section, section);
            next_section += 1;
        }
    }
    pasted
}

/// Whether a section is the empty one a new plan starts with (its default title in any language).
fn is_placeholder(section: &Section) -> bool {
    section.measures.is_empty()
        && Language::ALL
            .into_iter()
            .any(|l| I18n::new(l).tr("new-section-title") == section.title)
}

/// The sections with due dates derived from each measure's deadline within `period`.
fn with_due(mut sections: Vec<Section>, period: Period) -> Vec<Section> {
    for section in &mut sections {
        section.measures = section
            .measures
            .iter()
            .map(|m| crate::schedule::with_derived_due(m, period).into_owned())
            .collect();
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let mut plan = Plan::new("План", Period::school_year(2021));
        for n in 1..=2 {
            let mut section = Section::new(n.to_string(), format!("Направление {n}"));
            for m in 1..=2 {
                section
                    .measures
                    .push(Measure::new(format!("{n}.{m}"), "Мероприятие"));
            }
            plan.sections.push(section);
        }
        plan
    }

    fn pasted(text: &str, plan: &Plan, selected: Option<Id>) -> Plan {
        let rows = table_import::parse_delimited(text, Some('\t'));
        let changes = match table_import::read_table(&rows) {
            Ok(import) => append_sections(plan, import.sections),
            Err(_) => {
                let mapping = ColumnMapping::headerless(&rows, &crate::model::years_of(plan));
                let import = table_import::read_table_with_columns(&rows, &mapping).unwrap();
                insert_rows(plan, import.sections, selected)
            }
        };
        let mut after = plan.clone();
        Change::Batch(changes.changes)
            .apply_to_plan(&mut after)
            .unwrap();
        after
    }

    fn numbers(plan: &Plan) -> Vec<Vec<&str>> {
        plan.sections
            .iter()
            .map(|s| {
                std::iter::once(s.number.as_str())
                    .chain(s.measures.iter().map(|m| m.number.as_str()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn rows_go_after_the_selection_and_section_rows_after_its_section() {
        let plan = plan();
        let selected = plan.sections[0].measures[0].id;
        let text = "1.1а\tВставка\n5. Новое направление\t\n5.1\tПервое\n";
        let after = pasted(text, &plan, Some(selected));
        assert_eq!(
            numbers(&after),
            [
                vec!["1", "1.1", "1.1а", "1.2"],
                vec!["5", "5.1"],
                vec!["2", "2.1", "2.2"]
            ]
        );
    }

    #[test]
    fn without_a_selection_rows_go_to_the_end_of_the_last_section() {
        let after = pasted("2.3\tВ конец\n", &plan(), None);
        assert_eq!(numbers(&after)[1], ["2", "2.1", "2.2", "2.3"]);
    }

    #[test]
    fn a_table_with_a_header_goes_after_the_plan_s_sections() {
        let text = "№\tМероприятие\n3. Третье\t\n3.1\tА\n";
        let after = pasted(text, &plan(), None);
        assert_eq!(numbers(&after)[2], ["3", "3.1"]);
        // Into a new plan it replaces the empty placeholder section.
        let mut fresh = Plan::new("План", Period::school_year(2021));
        fresh.sections.push(Section::new("1", "Новое направление"));
        let after = pasted(text, &fresh, None);
        assert_eq!(numbers(&after), [vec!["3", "3.1"]]);
        // A section the user named is kept.
        fresh.sections[0].title = "Организация".into();
        assert_eq!(pasted(text, &fresh, None).sections.len(), 2);
    }

    #[test]
    fn into_a_plan_without_sections_rows_come_as_an_untitled_section() {
        let empty = Plan::new("План", Period::school_year(2021));
        let after = pasted("Совещание\tмарт\n", &empty, None);
        assert_eq!(after.sections.len(), 1);
        assert_eq!(after.sections[0].measures[0].title, "Совещание");
        assert_eq!(after.sections[0].measures[0].deadline, "март");
    }
}
