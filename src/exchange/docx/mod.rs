//! Word (.docx): read the road-map table of a document; write the plan as the appendix to an order.

pub(crate) mod markup;
mod read;
mod write;
mod xml;

pub use read::{docx_largest_table, docx_table, read_docx};
pub use write::{write_docx, write_docx_to};
