//! The summary report (аналитическая справка) written out: a printable HTML page and a Word document,
//! both from the data `stats::analytic_note` gathers.

pub mod docx;
pub mod html;
mod text;
