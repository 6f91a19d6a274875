//! The plan's calendar: due dates, maturity, periods and day counts.
//!
//! Installment k (1-based) is due on the opening date plus k−1 months, and
//! maturity is the opening date plus the term (对年对月对日). A day that does
//! not exist in the target month moves to that month's last day, and every
//! date is computed from the opening date, never from the previous due date,
//! so 2024-01-31 gives 2024-02-29, 2024-03-31, 2024-04-30, … without drift.
//!
//! Installment k's *month* (period) runs from its due date up to, not
//! including, the next due date (maturity for the last one).
//!
//! ```
//! use savings_plan::{add_months, format_date, parse_date};
//! let open = parse_date("2024-01-31").unwrap();
//! assert_eq!(format_date(add_months(open, 1).unwrap()), "2024-02-29");
//! assert_eq!(format_date(add_months(open, 2).unwrap()), "2024-03-31");
//! ```

use chrono::{Datelike, Months, NaiveDate};

/// The latest date the engine computes with; a plan reaching past it is `OVERFLOW`.
const LAST_YEAR: i32 = 9999;

/// Parses `YYYY-MM-DD` of a date that exists (years 1000–9999).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |s: &[u8]| -> Option<u32> {
        s.iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
    };
    let year = digits(&b[0..4])?;
    let month = digits(&b[5..7])?;
    let day = digits(&b[8..10])?;
    if year < 1000 {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// `YYYY-MM-DD`, written by hand to keep chrono's formatting machinery out of the `.wasm`.
pub fn format_date(date: NaiveDate) -> String {
    String::from(DateText::of(date).as_str())
}

/// [`format_date`] on the stack, for writers that copy it into their output.
pub(crate) struct DateText([u8; 10]);

impl DateText {
    pub(crate) fn of(date: NaiveDate) -> DateText {
        let year = date.year().clamp(0, 9999) as u32;
        let (month, day) = (date.month(), date.day());
        let digit = |n: u32| b'0' + (n % 10) as u8;
        DateText([
            digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), b'-',
            digit(month / 10), digit(month), b'-', digit(day / 10), digit(day),
        ])
    }

    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("0000-00-00")
    }
}

/// `date` plus `months` months on `date`'s own day-of-month, clamped to the
/// month's last day (chrono's `checked_add_months`). `None` past year 9999.
pub fn add_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_add_months(Months::new(months)).filter(|d| d.year() <= LAST_YEAR)
}

/// Actual days from `a` to `b` (the first day counts, the last does not: 算头不算尾).
pub fn actual_days(a: NaiveDate, b: NaiveDate) -> i64 {
    (b - a).num_days()
}

/// Whole months from `a` to `b` stepping on `a`'s day-of-month (clamped), and
/// the date reached: the largest m with `a + m months ≤ b`.
pub fn whole_months(a: NaiveDate, b: NaiveDate) -> (u32, NaiveDate) {
    if b <= a {
        return (0, a);
    }
    // Estimate from the calendar fields, then correct by at most one.
    let estimate = (b.year() - a.year()) * 12 + (b.month() as i32 - a.month() as i32);
    let mut m = u32::try_from(estimate.max(0)).unwrap_or(0);
    loop {
        match add_months(a, m) {
            Some(d) if d <= b => break,
            _ if m == 0 => return (0, a),
            _ => m -= 1,
        }
    }
    let reached = add_months(a, m).unwrap_or(a);
    (m, reached)
}

/// The schedule of one plan: the opening date and `months` due dates plus maturity.
#[derive(Clone, Debug)]
pub struct Schedule {
    pub start: NaiveDate,
    pub months: u32,
    /// `due[k-1]` is installment k's due date; `due[months]` is maturity.
    pub due: Vec<NaiveDate>,
}

impl Schedule {
    /// Builds the due dates; `None` if they run past year 9999.
    pub fn new(start: NaiveDate, months: u32) -> Option<Schedule> {
        let due = (0..=months).map(|k| add_months(start, k)).collect::<Option<Vec<_>>>()?;
        Some(Schedule { start, months, due })
    }

    pub fn maturity(&self) -> NaiveDate {
        self.due[self.due.len() - 1]
    }

    /// Installment k's due date (1-based).
    pub fn due_date(&self, k: u32) -> NaiveDate {
        self.due[(k as usize - 1).min(self.due.len() - 1)]
    }

    /// The end of installment k's month: the next due date, or maturity.
    pub fn month_end(&self, k: u32) -> NaiveDate {
        self.due[(k as usize).min(self.due.len() - 1)]
    }

    /// Index (1-based) of the period containing `date`, for
    /// `start ≤ date < maturity`; `months + 1` on or after maturity.
    pub fn period_of(&self, date: NaiveDate) -> u32 {
        // due is sorted: the number of due dates ≤ date is the period index.
        let idx = self.due.partition_point(|d| *d <= date);
        u32::try_from(idx).unwrap_or(u32::MAX).max(1)
    }

    /// Month-units in thirtieths from the start of period `from` to `end`:
    /// 30 per whole schedule month, plus the actual days after the last one.
    /// `end` on or before maturity.
    pub fn units30_from_period(&self, from: u32, end: NaiveDate) -> i64 {
        let start = self.due_date(from);
        if end <= start {
            return 0;
        }
        let p = self.period_of(end);
        let reached = self.due[(p as usize - 1).min(self.due.len() - 1)];
        30 * (i64::from(p) - i64::from(from)) + actual_days(reached, end)
    }

    /// 30/360 days from `a` to `b` (CONTRACT §6): 30 per whole month plus the
    /// remaining actual days; months step on the schedule's day-of-month when
    /// `a` is a due date, on `a`'s own day-of-month otherwise.
    pub fn days_30_360(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        if b <= a {
            return 0;
        }
        let k = self.period_of(a);
        if k <= self.months && self.due_date(k) == a && b <= self.maturity() {
            let p = self.period_of(b);
            let whole = i64::from(p) - i64::from(k);
            let reached = self.due[(p as usize - 1).min(self.due.len() - 1)];
            return 30 * whole + actual_days(reached, b);
        }
        let (m, reached) = whole_months(a, b);
        30 * i64::from(m) + actual_days(reached, b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn rejects_dates_that_do_not_exist() {
        assert!(parse_date("2024-02-30").is_none());
        assert!(parse_date("2023-02-29").is_none());
        assert!(parse_date("2024-2-3").is_none());
        assert!(parse_date("0999-01-01").is_none());
        assert!(parse_date("2024-02-29").is_some());
    }

    #[test]
    fn month_end_clamp_never_drifts() {
        let s = Schedule::new(d("2024-01-31"), 12).unwrap();
        assert_eq!(s.due[1], d("2024-02-29"));
        assert_eq!(s.due[2], d("2024-03-31"));
        assert_eq!(s.due[3], d("2024-04-30"));
        assert_eq!(s.maturity(), d("2025-01-31"));
    }

    #[test]
    fn periods_and_units() {
        let s = Schedule::new(d("2025-01-15"), 12).unwrap();
        assert_eq!(s.period_of(d("2025-01-15")), 1);
        assert_eq!(s.period_of(d("2025-02-14")), 1);
        assert_eq!(s.period_of(d("2025-02-15")), 2);
        assert_eq!(s.period_of(d("2026-01-15")), 13);
        assert_eq!(s.units30_from_period(1, d("2026-01-15")), 360);
        assert_eq!(s.units30_from_period(1, d("2025-07-15")), 180);
        assert_eq!(s.units30_from_period(6, d("2025-07-20")), 35);
    }

    #[test]
    fn thirty_360_matches_months_on_due_dates() {
        let s = Schedule::new(d("2024-01-31"), 12).unwrap();
        assert_eq!(s.days_30_360(s.due[1], s.maturity()), 330);
        assert_eq!(s.days_30_360(d("2024-02-10"), d("2024-03-15")), 35);
    }
}
