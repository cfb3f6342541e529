//! `--today` fixes the day the program stamps on what it changes («Обновлено» in the overview, the exchange
//! file's times), not only the day it shows. Its own test binary: the fixed day is process-wide.

use chrono::NaiveDate;
use roadmap_planner::model;

#[test]
fn a_fixed_today_dates_every_change_on_that_day() {
    let day = NaiveDate::from_ymd_opt(2022, 3, 15).unwrap();
    model::fix_today(day);
    let stamped = model::now();
    assert_eq!(stamped.date_naive(), day);
    // Still a clock: later stamps are not earlier (merging by "newer wins" keeps working that day).
    let later = model::now();
    assert!(later >= stamped);
}
