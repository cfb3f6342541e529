//! Rows of buttons that fold into a «…» menu instead of wrapping into several rows.

/// How many of the leading items (each `widths[i]` wide, spacing included) fit in `available`; when not all
/// do, room is kept for the «…» button (`more` wide) that holds the rest.
pub fn fitting(widths: &[f32], available: f32, more: f32) -> usize {
    let all: f32 = widths.iter().sum();
    if all <= available {
        return widths.len();
    }
    let mut used = more;
    widths
        .iter()
        .take_while(|w| {
            used += **w;
            used <= available
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::fitting;

    #[test]
    fn everything_fits_without_a_menu() {
        assert_eq!(fitting(&[100.0, 100.0, 100.0], 300.0, 30.0), 3);
    }

    #[test]
    fn what_does_not_fit_leaves_room_for_the_menu() {
        // 300 wide: 100 + 100 + 30 (…) fit, the third item would not fit beside the menu.
        assert_eq!(fitting(&[100.0, 100.0, 100.0, 50.0], 300.0, 30.0), 2);
        assert_eq!(fitting(&[100.0, 100.0], 50.0, 30.0), 0);
    }
}
