//! The grid's columns: № · Мероприятие · Сроки · Ответственные · Результат · Документы · (one per year) ·
//! Статус.

use crate::app::MeasureField;
use crate::model::Measure;

/// One column of the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Col {
    Number,
    Title,
    Deadline,
    Responsible,
    Result,
    Documents,
    /// The key activity of one year (plans with a column per year).
    Year(i32),
    /// Aggregated progress (read-only).
    Status,
}

impl Col {
    /// The columns of a plan whose measures have activities for `years`.
    pub fn all(years: &[i32]) -> Vec<Col> {
        let mut cols = vec![
            Col::Number,
            Col::Title,
            Col::Deadline,
            Col::Responsible,
            Col::Result,
            Col::Documents,
        ];
        cols.extend(years.iter().map(|y| Col::Year(*y)));
        cols.push(Col::Status);
        cols
    }

    /// The key under which the column's width is remembered (`UiState::column_shares`).
    pub fn key(self) -> String {
        match self {
            Col::Year(y) => format!("year-{y}"),
            other => other.name().to_owned(),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Col::Number => "number",
            Col::Title => "title",
            Col::Deadline => "deadline",
            Col::Responsible => "responsible",
            Col::Result => "result",
            Col::Documents => "documents",
            Col::Year(_) => "year",
            Col::Status => "status",
        }
    }

    /// The share of the table's width a column starts with before the user resizes it (the title takes
    /// what is left).
    pub fn default_share(self) -> f32 {
        match self {
            Col::Number => 0.05,
            Col::Title => 0.0,
            Col::Deadline => 0.12,
            Col::Responsible => 0.13,
            Col::Result => 0.16,
            Col::Documents => 0.12,
            Col::Year(_) => 0.11,
            Col::Status => 0.1,
        }
    }

    pub fn min_width(self) -> f32 {
        match self {
            Col::Number => 40.0,
            Col::Title => 160.0,
            _ => 64.0,
        }
    }

    /// The measure field behind a text column.
    pub fn field(self) -> Option<MeasureField> {
        Some(match self {
            Col::Number => MeasureField::Number,
            Col::Title => MeasureField::Title,
            Col::Deadline => MeasureField::Deadline,
            Col::Responsible => MeasureField::Responsible,
            Col::Result => MeasureField::Result,
            Col::Documents => MeasureField::Documents,
            Col::Year(_) | Col::Status => return None,
        })
    }

    /// Whether a cell of this column can be edited in place.
    pub fn editable(self) -> bool {
        !matches!(self, Col::Status)
    }

    /// The cell's verbatim text (empty for the status column, which is derived).
    pub fn text(self, m: &Measure) -> &str {
        match self {
            Col::Year(year) => m
                .yearly
                .iter()
                .find(|y| y.year == year)
                .map_or("", |y| y.text.as_str()),
            Col::Status => "",
            other => other.field().map_or("", |f| f.get(m)),
        }
    }
}
