//! Мероприятия: the plan's measures by section, edited like a spreadsheet (see `grid/`), with the
//! details of the selected one.

/// The measures screen.
pub type MeasuresView = super::grid::GridView;
