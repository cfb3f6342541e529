//! Excel (.xlsx): read the road-map table of a workbook; write the plan and its progress as a workbook.

mod guard;
mod read;
mod write;

pub use read::{read_xlsx, xlsx_first_sheet, xlsx_table};
pub use write::write_xlsx;
