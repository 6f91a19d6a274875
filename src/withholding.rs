//! Tax deducted at source by financial year (India's TDS on recurring
//! deposit interest, Income-tax Act s.194A; RULES.md §8.2).
//!
//! The bank withholds 10% (20% without a PAN) of the interest it pays or
//! credits to a customer in a financial year (1 April – 31 March) when that
//! year's interest exceeds a threshold: ₹40,000 (₹50,000 for senior
//! citizens) until 2025-03-31, ₹50,000 (₹1,00,000) from 2025-04-01. A
//! customer below the taxable limit files Form 15G (15H if senior) and
//! nothing is withheld.
//!
//! The exact interest is split over financial years by the days it accrued
//! (each deposit's interest evenly over its days, as for `tax`); each year's
//! interest is compared with the threshold in force at that year's start,
//! and where it exceeds it the rate applies to the whole year's interest,
//! rounded once per year by the product's rounding. The sum is added to the
//! result's `tax`. The engine knows one account only; the bank applies the
//! threshold to all of a customer's deposits with it.
//!
//! ```
//! use savings_plan::{price, Plan, Product};
//! use serde_json::json;
//! let product = Product::parse(&json!({ "schema": 1, "id": "rd", "currency": "INR",
//!     "terms": [{ "months": 12, "rate": "7" }], "demandRate": "3",
//!     "withholding": { "rate": "10", "noPanRate": "20", "yearStart": "04-01",
//!         "thresholds": [{ "from": "2025-04-01", "regular": "500", "senior": "1000" }] } }))?;
//! // 12 × ₹10,000 at 7% monthly product: 10,000 × 78 × 7% ÷ 12 = 4,550, all in FY 2025-26.
//! let plan = Plan::parse(&json!({ "start": "2025-04-01", "months": 12, "installment": "10000" }), &product)?;
//! let quote = price(&product, &plan)?;
//! assert_eq!((quote.interest, quote.tax), (4550.into(), 455.into()));
//! # Ok::<(), savings_plan::Error>(())
//! ```

use crate::calendar::actual_days;
use crate::error::{Error, ErrorCode, Result};
use crate::input::{object, Obj, Problems};
use crate::money::{add, div, mul, plain, sub, Rounding};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// One row of the thresholds: in force for years starting on or after `from`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Threshold {
    pub from: NaiveDate,
    pub regular: Decimal,
    pub senior: Decimal,
}

/// The product's `withholding`.
#[derive(Clone, Debug, PartialEq)]
pub struct Withholding {
    /// Percent withheld with a PAN.
    pub rate: Decimal,
    /// Percent withheld without one.
    pub no_pan_rate: Decimal,
    /// The financial year's first day, (month, day): (4, 1) in India.
    pub year_start: (u32, u32),
    /// In date order; a year that starts before the first has no TDS.
    pub thresholds: Vec<Threshold>,
}

/// Reads `withholding` (absent or null: none). `renews`: the product
/// renews at maturity, which TDS does not model (an error at the field).
pub(crate) fn read(o: &Obj, renews: bool, p: &mut Problems) -> Option<Option<Withholding>> {
    let Some(w) = p.take(o.nullable_object("withholding"))? else { return Some(None) };
    w.only(&["rate", "noPanRate", "yearStart", "thresholds"], p);
    let rate = p.take(tax_rate(&w, "rate"));
    let no_pan_rate = p.take(tax_rate(&w, "noPanRate"));
    let year_start = p.take(read_year_start(&w));
    let thresholds = read_thresholds(&w, p);
    if renews {
        p.push(Error::new(
            ErrorCode::InvalidValue,
            o.at("withholding"),
            "TDS by financial year is not modelled across renewals: use maturity.action payout",
        ));
        return None;
    }
    Some(Some(Withholding { rate: rate?, no_pan_rate: no_pan_rate?, year_start: year_start?, thresholds: thresholds? }))
}

fn tax_rate(w: &Obj, key: &str) -> Result<Decimal> {
    let r = crate::product::rate(w, key)?;
    if r > Decimal::ONE_HUNDRED {
        return Err(Error::new(ErrorCode::InvalidValue, w.at(key), "a tax rate is at most 100"));
    }
    Ok(r)
}

/// `yearStart`: `MM-DD`, a day every year has (default `04-01`).
fn read_year_start(w: &Obj) -> Result<(u32, u32)> {
    let Some(v) = w.get("yearStart") else { return Ok(crate::product::defaults::WITHHOLDING_YEAR_START) };
    let bad = || Error::new(ErrorCode::InvalidValue, w.at("yearStart"), "yearStart is a day of the year as MM-DD, such as \"04-01\"");
    let text = v.as_str().ok_or_else(bad)?;
    let b = text.as_bytes();
    if b.len() != 5 || b[2] != b'-' || !b.iter().enumerate().all(|(i, c)| i == 2 || c.is_ascii_digit()) {
        return Err(bad());
    }
    let (m, d) = (u32::from(b[0] - b'0') * 10 + u32::from(b[1] - b'0'), u32::from(b[3] - b'0') * 10 + u32::from(b[4] - b'0'));
    // 2023 is not a leap year: 02-29 is not a day every year has.
    NaiveDate::from_ymd_opt(2023, m, d).map(|_| (m, d)).ok_or_else(bad)
}

fn read_thresholds(w: &Obj, p: &mut Problems) -> Option<Vec<Threshold>> {
    let Some(list) = p.take(w.opt_array("thresholds"))? else {
        p.push(Error::new(ErrorCode::MissingField, w.at("thresholds"), "thresholds is required: [{ from, regular, senior }]"));
        return None;
    };
    if list.is_empty() {
        p.push(Error::new(ErrorCode::InvalidValue, w.at("thresholds"), "at least one threshold, from the date TDS applies"));
        return None;
    }
    let mut out: Vec<Threshold> = Vec::with_capacity(list.len());
    let mut ok = true;
    for (i, item) in list.iter().enumerate() {
        let Some(t) = p.take(object(item, &format!("{}[{i}]", w.at("thresholds")))) else {
            ok = false;
            continue;
        };
        t.only(&["from", "regular", "senior"], p);
        let from = p.take(t.date("from"));
        let regular = p.take(amount(&t, "regular"));
        let senior = p.take(amount(&t, "senior"));
        match (from, regular, senior) {
            (Some(from), Some(regular), Some(senior)) => {
                if out.last().is_some_and(|x| x.from >= from) {
                    p.push(Error::new(ErrorCode::InvalidValue, t.at("from"), "thresholds must be in date order"));
                    ok = false;
                }
                out.push(Threshold { from, regular, senior });
            }
            _ => ok = false,
        }
    }
    ok.then_some(out)
}

fn amount(t: &Obj, key: &str) -> Result<Decimal> {
    let a = t.decimal(key)?;
    if a < Decimal::ZERO {
        return Err(Error::new(ErrorCode::InvalidValue, t.at(key), "a threshold must not be negative"));
    }
    Ok(a)
}

/// Who the customer is, for TDS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Saver {
    pub senior: bool,
    pub no_pan: bool,
    /// Form 15G/15H on file. Without a PAN the form is not valid
    /// (s.206AA): the bank withholds at the no-PAN rate.
    pub exemption_form: bool,
}

/// Why a year was or was not withheld.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The year's interest exceeded the threshold.
    Withheld,
    /// At or under the threshold.
    Under,
    /// Form 15G/15H on file.
    Exempt,
    /// The year started before the first threshold: no TDS then.
    NotInForce,
}

/// One financial year of the account.
#[derive(Clone, Debug, PartialEq)]
pub struct Year {
    /// Its first day.
    pub start: NaiveDate,
    /// The interest that accrued in it, exact.
    pub interest: Decimal,
    /// The threshold in force at its start, for the customer.
    pub threshold: Option<Decimal>,
    /// The rate that applies if withheld (the no-PAN rate without a PAN).
    pub rate: Decimal,
    pub outcome: Outcome,
    pub exact: Decimal,
    /// Withheld, rounded once.
    pub tds: Decimal,
}

impl Withholding {
    /// The first day of the financial year containing `date`.
    pub fn year_of(&self, date: NaiveDate) -> NaiveDate {
        let (m, d) = self.year_start;
        let this = NaiveDate::from_ymd_opt(date.year(), m, d).unwrap_or(date);
        if date >= this {
            this
        } else {
            NaiveDate::from_ymd_opt(date.year() - 1, m, d).unwrap_or(date)
        }
    }

    fn next_year(&self, start: NaiveDate) -> NaiveDate {
        let (m, d) = self.year_start;
        NaiveDate::from_ymd_opt(start.year() + 1, m, d).unwrap_or(NaiveDate::MAX)
    }

    /// The financial years of `pieces` (interest accrued evenly over
    /// `[from, to)`), each withheld or not, in date order.
    ///
    /// # Errors
    /// `OVERFLOW`.
    pub fn years(&self, pieces: &[(Decimal, NaiveDate, NaiveDate)], who: Saver, rounding: &Rounding) -> Result<Vec<Year>> {
        let mut years: Vec<(NaiveDate, Decimal)> = Vec::new();
        let mut put = |start: NaiveDate, x: Decimal| -> Result<()> {
            match years.iter_mut().find(|y| y.0 == start) {
                Some(y) => y.1 = add(y.1, x)?,
                None => {
                    let at = years.partition_point(|y| y.0 < start);
                    years.insert(at, (start, x));
                }
            }
            Ok(())
        };
        for &(interest, from, to) in pieces {
            let total = actual_days(from, to);
            let mut start = self.year_of(from);
            if total <= 0 || interest.is_zero() {
                put(start, interest)?;
                continue;
            }
            // Each year's share by days; the last takes the rest, so the shares add up exactly.
            let (mut cursor, mut left) = (from, interest);
            loop {
                let next = self.next_year(start);
                if next >= to {
                    put(start, left)?;
                    break;
                }
                let share = div(mul(interest, Decimal::from(actual_days(cursor, next)))?, Decimal::from(total))?;
                put(start, share)?;
                left = sub(left, share)?;
                (cursor, start) = (next, next);
            }
        }
        let mut out = Vec::with_capacity(years.len());
        for (start, interest) in years {
            let threshold = self.thresholds.iter().rev().find(|t| t.from <= start).map(|t| if who.senior { t.senior } else { t.regular });
            let rate = if who.no_pan { self.no_pan_rate } else { self.rate };
            let outcome = match threshold {
                None => Outcome::NotInForce,
                Some(_) if who.exemption_form && !who.no_pan => Outcome::Exempt,
                Some(t) if interest > t => Outcome::Withheld,
                Some(_) => Outcome::Under,
            };
            let exact = match outcome {
                Outcome::Withheld => div(mul(interest, rate)?, Decimal::ONE_HUNDRED)?,
                _ => Decimal::ZERO,
            };
            out.push(Year { start, interest, threshold, rate, outcome, exact, tds: rounding.round(exact) });
        }
        Ok(out)
    }

    /// The year's label: `FY 2026-27`, or `FY 2026` for a calendar year.
    pub fn label(&self, start: NaiveDate) -> String {
        match self.year_start {
            (1, 1) => format!("FY {}", start.year()),
            _ => format!("FY {}-{:02}", start.year(), (start.year() + 1).rem_euclid(100)),
        }
    }
}

/// The financial years of the plan's own term: the installments' interest
/// by the days each piece accrued, and the overdue interest from maturity
/// to the close. Empty without `withholding`.
///
/// # Errors
/// `OVERFLOW`.
pub fn on_term(
    product: &crate::product::Product,
    plan: &crate::plan::Plan,
    accrued: &crate::interest::Accrued,
    accrued_to: NaiveDate,
    overdue: Option<&crate::overdue::Overdue>,
) -> Result<Vec<Year>> {
    let Some(w) = &product.withholding else { return Ok(Vec::new()) };
    let mut pieces = accrued.pieces(accrued_to);
    if let Some(o) = overdue {
        pieces.push((o.interest, o.from, o.to));
    }
    w.years(&pieces, saver(plan), &product.rounding)
}

/// The plan's customer, for TDS.
pub fn saver(plan: &crate::plan::Plan) -> Saver {
    Saver { senior: plan.category.as_deref() == Some(crate::category::SENIOR), no_pan: plan.no_pan, exemption_form: plan.exemption_form }
}

/// Σ of the years' TDS.
///
/// # Errors
/// `OVERFLOW`.
pub fn total(years: &[Year]) -> Result<Decimal> {
    years.iter().try_fold(Decimal::ZERO, |s, y| add(s, y.tds))
}

/// One year for "how we calculated", true as written:
/// `FY 2026-27: interest 54310.25 > 50000 → 54310.25 × 10% → halfUp to 2 places`
/// (the words before the first `→` state the comparison, the rest is the
/// arithmetic of the value), or `… ≤ 50000 → 0`, `…, Form 15G → 0`.
pub fn formula(w: &Withholding, y: &Year, who: Saver, rounding: &Rounding) -> String {
    let label = match who.no_pan {
        true => format!("{}, no PAN", w.label(y.start)),
        false => w.label(y.start),
    };
    // The interest at 10 places, or every digit where 10 places would not state the comparison or the figure truly.
    let short = y.interest.round_dp(10);
    let threshold = y.threshold.unwrap_or_default();
    let exceeds = |x: Decimal| x > threshold;
    let figure = |x: Decimal| rounding.round(div(mul(x, y.rate).unwrap_or_default(), Decimal::ONE_HUNDRED).unwrap_or_default());
    let shown = match y.outcome {
        Outcome::Withheld if !exceeds(short) || figure(short) != y.tds => y.interest,
        Outcome::Under if exceeds(short) => y.interest,
        _ => short,
    };
    let interest = plain(shown);
    match y.outcome {
        Outcome::Withheld => {
            let text = format!("{label}: interest {interest} > {} → {interest} × {}%", plain(threshold), plain(y.rate));
            crate::explain::with_rounding(text, y.exact, y.tds, rounding.mode, rounding.scale)
        }
        Outcome::Under => format!("{label}: interest {interest} ≤ {} → 0", plain(threshold)),
        Outcome::Exempt => format!("{label}: interest {interest}, Form {} → 0", if who.senior { "15H" } else { "15G" }),
        Outcome::NotInForce => format!("{label}: interest {interest}, no TDS before {} → 0", w.thresholds.first().map_or(String::new(), |t| crate::calendar::format_date(t.from))),
    }
}
