//! The grid's columns: the measure's text fields from the registry ([`MeasureField`]), then the derived
//! Статус.
//!
//! The fields are № · Мероприятие · Сроки · Ответственные · Результат · Документы · one per year.

use crate::model::{Measure, MeasureField};

/// One column of the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Col {
    /// A text field of the measure, edited in place.
    Field(MeasureField),
    /// Aggregated progress (read-only).
    Status,
}

impl Col {
    pub const NUMBER: Col = Col::Field(MeasureField::Number);
    pub const TITLE: Col = Col::Field(MeasureField::Title);
    pub const DEADLINE: Col = Col::Field(MeasureField::Deadline);

    /// The columns of a plan whose measures have activities for `years`.
    pub fn all(years: &[i32]) -> Vec<Col> {
        let mut cols: Vec<Col> = MeasureField::columns(years)
            .into_iter()
            .map(Col::Field)
            .collect();
        cols.push(Col::Status);
        cols
    }

    /// The key under which the column's width is remembered (`UiState::column_shares`).
    pub fn key(self) -> String {
        match self {
            Col::Field(field) => field.key(),
            Col::Status => "status".to_owned(),
        }
    }

    /// The share of the table's width a column starts with before the user resizes it (the title takes
    /// what is left).
    pub fn default_share(self) -> f32 {
        match self {
            Col::Field(field) => match field {
                MeasureField::Number => 0.05,
                MeasureField::Title => 0.0,
                MeasureField::Deadline => 0.12,
                MeasureField::Responsible => 0.13,
                MeasureField::Result => 0.16,
                MeasureField::Documents => 0.12,
                MeasureField::Year(_) | MeasureField::Notes => 0.11,
            },
            Col::Status => 0.1,
        }
    }

    pub fn min_width(self) -> f32 {
        match self {
            Col::NUMBER => 40.0,
            Col::TITLE => 160.0,
            _ => 64.0,
        }
    }

    /// The measure field behind a text column.
    pub fn field(self) -> Option<MeasureField> {
        match self {
            Col::Field(field) => Some(field),
            Col::Status => None,
        }
    }

    /// Whether a cell of this column can be edited in place.
    pub fn editable(self) -> bool {
        !matches!(self, Col::Status)
    }

    /// The cell's verbatim text (empty for the status column, which is derived).
    pub fn text(self, m: &Measure) -> &str {
        self.field().map_or("", |f| f.get(m))
    }
}
