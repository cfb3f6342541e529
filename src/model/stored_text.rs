//! The text an enum is kept as in files and the database, and the way back: one list of (value, text) pairs
//! per enum gives its `ALL`, `as_str` and `parse`, so that the two directions cannot drift apart.

/// `ALL` (every value, in the order given), `as_str` (the stored text) and `parse` (the value of a stored
/// text, `None` for any other) for an enum of plain values.
macro_rules! stored_text {
    ($enum:ident { $($value:ident => $text:literal),+ $(,)? }) => {
        impl $enum {
            pub const ALL: [$enum; [$($text),+].len()] = [$($enum::$value),+];

            /// The text kept in files and the database.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($enum::$value => $text,)+
                }
            }

            /// The value kept as `text`.
            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => Some($enum::$value),)+
                    _ => None,
                }
            }
        }
    };
}
pub(crate) use stored_text;

#[cfg(test)]
mod tests {
    use crate::model::{Category, Executor, PlanLevel, Status};

    /// Each value's stored text is the name the exchange file gives it (serde), and reads back as it.
    fn round_trips<T>(all: &[T], as_str: fn(T) -> &'static str, parse: fn(&str) -> Option<T>)
    where
        T: Copy + PartialEq + std::fmt::Debug + serde::Serialize,
    {
        for &value in all {
            let text = as_str(value);
            assert_eq!(
                serde_json::to_string(&value).unwrap(),
                format!("\"{text}\"")
            );
            assert_eq!(parse(text), Some(value), "{text}");
        }
        assert_eq!(parse("unknown"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn stored_texts_are_the_file_names_and_read_back() {
        round_trips(&Category::ALL, Category::as_str, Category::parse);
        round_trips(&Status::ALL, Status::as_str, Status::parse);
        round_trips(&PlanLevel::ALL, PlanLevel::as_str, PlanLevel::parse);
        round_trips(&Executor::ALL, Executor::as_str, Executor::parse);
        assert_eq!(Category::ALL.len(), 6);
        assert_eq!(Status::ALL.len(), 5);
    }
}
