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

use chrono::{Datelike, Days, NaiveDate};

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
///
/// The year and month are counted here and the day clamped by
/// [`days_in_month`], which gives chrono's date (a test checks every day of
/// 2000–2004 and the years' edges against `checked_add_months`) at a
/// fraction of its cost: a schedule has one due date per month, and its
/// month arithmetic was a tenth of a payout's time.
pub fn add_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    let index = i64::from(date.month0()) + i64::from(months);
    let year = i64::from(date.year()) + index / 12;
    if year > i64::from(LAST_YEAR) {
        return None;
    }
    let (year, month) = (i32::try_from(year).ok()?, (index % 12) as u32 + 1);
    NaiveDate::from_ymd_opt(year, month, date.day().min(days_in_month(year, month)))
}

/// The number of days in `month` (1–12) of `year`, Gregorian.
fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
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

/// An accrual's end as the schedule sees it ([`Schedule::reach`]).
#[derive(Clone, Copy, Debug)]
pub struct Reach {
    end: NaiveDate,
    /// The period containing `end` ([`Schedule::period_of`]).
    period: u32,
    /// Actual days from that period's start to `end`.
    days: i64,
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
    ///
    /// Each is `add_months(start, k)`, found by stepping from the one before
    /// by the days between them: the rest of its month on the opening's
    /// day-of-month (clamped), then that day (clamped) in the next month.
    /// Within a year chrono adds days to the day of the year directly, so a
    /// 5-year schedule costs a few hundred instructions, not 61 month
    /// additions (a test checks it against `add_months` for every day of
    /// 2000–2004).
    pub fn new(start: NaiveDate, months: u32) -> Option<Schedule> {
        let mut due = Vec::with_capacity(months as usize + 1);
        due.push(start);
        let day = start.day();
        let (mut year, mut month, mut date) = (start.year(), start.month(), start);
        for _ in 0..months {
            let length = days_in_month(year, month);
            let (next_year, next_month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
            if next_year > LAST_YEAR {
                return None;
            }
            let step = length - day.min(length) + day.min(days_in_month(next_year, next_month));
            date = date.checked_add_days(Days::new(u64::from(step)))?;
            (year, month) = (next_year, next_month);
            due.push(date);
        }
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
        self.units30_to(from, &self.reach(end))
    }

    /// Where `end` falls in the schedule (its period and the days past that
    /// period's start), found once for all the deposits that accrue to it.
    pub fn reach(&self, end: NaiveDate) -> Reach {
        let period = self.period_of(end);
        let reached = self.due[(period as usize - 1).min(self.due.len() - 1)];
        Reach { end, period, days: actual_days(reached, end) }
    }

    /// [`Schedule::units30_from_period`] to a [`Schedule::reach`]ed end.
    #[inline(always)]
    pub fn units30_to(&self, from: u32, to: &Reach) -> i64 {
        // `due_date(from)`, written out: this runs per deposit, and the size-optimised build would call it.
        if to.end <= self.due[(from as usize).wrapping_sub(1).min(self.due.len() - 1)] {
            return 0;
        }
        30 * (i64::from(to.period) - i64::from(from)) + to.days
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
    fn add_months_is_chronos_checked_add_months() {
        use chrono::Months;
        let chrono = |d: NaiveDate, m: u32| d.checked_add_months(Months::new(m)).filter(|x| x.year() <= LAST_YEAR);
        let mut day = d("2000-01-01");
        while day < d("2005-01-01") {
            for m in (0..=40).chain([59, 60, 61, 119, 120, 121, 600, 1200, 95_988]) {
                assert_eq!(add_months(day, m), chrono(day, m), "{day} + {m}");
            }
            day = day.succ_opt().unwrap();
        }
        for (date, m) in [("9999-12-31", 0), ("9999-01-31", 11), ("9999-01-31", 12), ("9998-12-31", 12), ("1000-01-31", 1), ("9000-02-28", 12)] {
            assert_eq!(add_months(d(date), m), chrono(d(date), m), "{date} + {m}");
        }
        assert_eq!(add_months(d("2024-01-31"), u32::MAX), None);
    }

    #[test]
    fn schedule_steps_to_add_months() {
        let by_months = |start: NaiveDate, months: u32| (0..=months).map(|k| add_months(start, k)).collect::<Option<Vec<_>>>();
        let mut day = d("2000-01-01");
        while day < d("2005-01-01") {
            for months in [0, 1, 2, 13, 61] {
                assert_eq!(Schedule::new(day, months).map(|s| s.due), by_months(day, months), "{day} {months}");
            }
            day = day.succ_opt().unwrap();
        }
        for (date, months) in [("9999-01-31", 11), ("9999-01-31", 12), ("9998-12-31", 12), ("9998-12-31", 13), ("1000-01-29", 1200)] {
            assert_eq!(Schedule::new(d(date), months).map(|s| s.due), by_months(d(date), months), "{date} {months}");
        }
    }

    #[test]
    fn thirty_360_matches_months_on_due_dates() {
        let s = Schedule::new(d("2024-01-31"), 12).unwrap();
        assert_eq!(s.days_30_360(s.due[1], s.maturity()), 330);
        assert_eq!(s.days_30_360(d("2024-02-10"), d("2024-03-15")), 35);
    }
}
