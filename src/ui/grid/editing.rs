//! Editing a cell in place: Enter or double-click opens a text field in the cell; Enter commits, Shift+Enter
//! adds a line, Tab / Shift+Tab commit and move to the next / previous cell, Esc cancels, clicking elsewhere
//! commits. Every commit is one command.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::columns::Col;
use super::selection::RowKey;
use crate::app::{Command, SectionField};
use crate::model::Plan;
use crate::ui::actions::{self, ActionId};

/// A cell being edited.
#[derive(Debug, Clone, PartialEq)]
pub struct Editing {
    pub row: RowKey,
    pub col: Col,
    pub buffer: String,
    original: String,
    /// Focus is to be given to the field on its next frame.
    pub focus: bool,
}

/// What the user did in the field this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Continue,
    Commit,
    Cancel,
    /// Commit and edit the next (+1) or previous (-1) cell.
    CommitAndMove(i32),
}

impl Editing {
    /// Starts editing a cell, when it can be edited: a measure's text column, a section's number or title.
    pub fn start(plan: &Plan, row: RowKey, col: Col) -> Option<Self> {
        // A section row has two cells to edit: its number, and its title across the other columns.
        let col = match (row, section_field(col)) {
            (RowKey::Section(_), Some(SectionField::Number)) => Col::NUMBER,
            (RowKey::Section(_), _) => Col::TITLE,
            _ => col,
        };
        let text = match row {
            RowKey::Measure(id) if col.editable() => col.text(plan.measure(id)?).to_owned(),
            RowKey::Section(id) => {
                let section = &plan.sections[plan.section_index(id)?];
                match section_field(col)? {
                    SectionField::Number => section.number.clone(),
                    SectionField::Title => section.title.clone(),
                }
            }
            RowKey::Measure(_) => return None,
        };
        Some(Self {
            row,
            col,
            original: text.clone(),
            buffer: text,
            focus: true,
        })
    }

    /// The command a commit sends (none when nothing changed).
    pub fn command(&self) -> Option<Command> {
        if self.buffer == self.original {
            return None;
        }
        let value = self.buffer.clone();
        Some(match (self.row, self.col) {
            (RowKey::Measure(id), col) => Command::EditMeasure {
                id,
                field: col.field()?,
                value,
            },
            (RowKey::Section(id), col) => Command::EditSection {
                id,
                field: section_field(col)?,
                value,
            },
        })
    }

    /// The text field's id.
    pub fn id(&self) -> egui::Id {
        egui::Id::unique(("grid_cell_editor", self.row, self.col))
    }

    /// Whether the field edits one line (a number).
    pub fn single_line(&self) -> bool {
        self.col == Col::NUMBER
    }
}

/// Which part of a section row a column edits: the number column its number, the others its title.
pub fn section_field(col: Col) -> Option<SectionField> {
    match col {
        Col::NUMBER => Some(SectionField::Number),
        Col::Status => None,
        _ => Some(SectionField::Title),
    }
}

/// Shows the field in `rect` and reads the keys that end editing. `label` names it for screen readers.
pub fn show(ui: &mut egui::Ui, rect: egui::Rect, edit: &mut Editing, label: &str) -> Outcome {
    let id = edit.id();
    let focused = edit.focus || ui.memory(|m| m.has_focus(id));
    let mut outcome = Outcome::Continue;
    if focused {
        // Taken before the field sees them: it would insert a tab or a line break.
        // (`consume_key` with no modifiers would also take Shift+Enter, the new line: hence the check.)
        ui.input_mut(|i| {
            let plain = !i.modifiers.shift && !i.modifiers.alt;
            if actions::consume(i, ActionId::CellCancel) {
                outcome = Outcome::Cancel;
            } else if actions::consume(i, ActionId::CellPrevious) {
                outcome = Outcome::CommitAndMove(-1);
            } else if actions::consume(i, ActionId::CellNext) {
                outcome = Outcome::CommitAndMove(1);
            } else if plain && actions::consume(i, ActionId::CellCommit) {
                outcome = Outcome::Commit;
            }
        });
    }
    let filter = egui::EventFilter {
        tab: true,
        horizontal_arrows: true,
        vertical_arrows: true,
        escape: true,
    };
    let field = egui::TextEdit::multiline(&mut edit.buffer)
        .id(id)
        .desired_width(rect.width())
        .desired_rows(1)
        .event_filter(filter)
        .return_key(KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter))
        .margin(egui::Margin::symmetric(2, 2));
    let response = ui
        .scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| ui.add(field))
        .inner
        .accessible_name(label);
    if edit.focus {
        response.request_focus();
        edit.focus = false;
    } else if outcome == Outcome::Continue && response.lost_focus() {
        outcome = Outcome::Commit;
    }
    if edit.single_line() {
        edit.buffer.retain(|c| c != '\n');
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Measure, MeasureField, Period, Section};

    fn plan() -> Plan {
        let mut plan = Plan::new("П", Period::school_year(2021));
        let mut s = Section::new("1", "Раздел");
        let mut m = Measure::new("1.1", "Совещание");
        m.yearly = vec![crate::model::YearActivity {
            year: 2022,
            text: "итоги".into(),
        }];
        s.measures.push(m);
        plan.sections.push(s);
        plan
    }

    #[test]
    fn a_commit_is_one_command_and_only_when_changed() {
        let p = plan();
        let id = p.sections[0].measures[0].id;
        let mut e = Editing::start(&p, RowKey::Measure(id), Col::TITLE).unwrap();
        assert_eq!(e.buffer, "Совещание");
        assert_eq!(e.command(), None);
        e.buffer = "Семинар".into();
        assert_eq!(
            e.command(),
            Some(Command::EditMeasure {
                id,
                field: MeasureField::Title,
                value: "Семинар".into()
            })
        );
        let mut y = Editing::start(
            &p,
            RowKey::Measure(id),
            Col::Field(MeasureField::Year(2022)),
        )
        .unwrap();
        y.buffer.clear();
        assert!(matches!(
            y.command(),
            Some(Command::EditMeasure {
                field: MeasureField::Year(2022),
                ..
            })
        ));
        assert!(Editing::start(&p, RowKey::Measure(id), Col::Status).is_none());
    }

    #[test]
    fn a_section_row_edits_its_number_or_title() {
        let p = plan();
        let sid = p.sections[0].id;
        let mut e = Editing::start(&p, RowKey::Section(sid), Col::DEADLINE).unwrap();
        assert_eq!(e.buffer, "Раздел");
        assert_eq!(e.col, Col::TITLE, "the title spans the text columns");
        e.buffer = "Новое".into();
        assert!(matches!(
            e.command(),
            Some(Command::EditSection {
                field: SectionField::Title,
                ..
            })
        ));
        let n = Editing::start(&p, RowKey::Section(sid), Col::NUMBER).unwrap();
        assert_eq!(n.buffer, "1");
    }
}
