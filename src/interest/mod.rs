//! Interest methods: how each deposit earns between the day it counts from
//! and the day accrual stops. No rounding happens here: every method gives
//! exact amounts, rounded once later by the product's rule.
//!
//! - **Monthly product** (月积数法, the textbook and calculator method):
//!   `amount × month-units × rate ÷ 12`. A regular 1-year plan has
//!   12 + 11 + … + 1 = 78 month-units: ¥1,000 × 78 × 1.35% ÷ 12 = 87.75.
//! - **Daily product** (日积数法, what bank core systems do):
//!   `积数 × rate ÷ 360` (or 365), 积数 = Σ amount × days. The same plan on
//!   ACT/360 from 2024-01-15 gives 积数 2,384,000 and 89.40.
//! - **Compound** (Indian recurring deposits): each deposit grows by
//!   `(1 + i)^(m/p)`; ₹5,000 × 18 at 7.5% quarterly matures at 95,502.35.
//!
//! Each method works in exact numerators over one denominator, so a figure
//! exactly on a half cent (0.875) stays exact until it is rounded.
//!
//! Each method is one file with one formula, used for the plan's
//! installments ([`accrue`]) and for a renewal's lump sum ([`Method::lump`])
//! alike, and the text of that formula for "how we calculated"
//! ([`Method::formula`], [`Method::lump_formula`]). A new method is a row in
//! [`MethodName`], a [`Method`] variant with its options ([`Method::read`],
//! defaults in `product/defaults.rs`) and the file with its formula.

mod annual_credit;
mod compound;
mod daily_product;
mod exact;
mod monthly_product;

pub use annual_credit::{credit_formula, premium_formula, premiums, Bonus, Credit, Posting};

use crate::calendar::Schedule;
use crate::error::Result;
use crate::input::{Obj, Problems};
use crate::missed::EarnsFrom;
use crate::product::defaults;
use crate::vocabulary::vocabulary;
use chrono::NaiveDate;
use rust_decimal::Decimal;

vocabulary! {
    /// The interest methods (`interest.method`); [`Method`] adds each one's options.
    pub enum MethodName as "InterestMethod", locale [] {
        /// 月积数法: amount × month-units × rate ÷ 12.
        MonthlyProduct = "monthlyProduct",
        /// 日积数法: 积数 (amount × days) × rate ÷ the day-count denominator.
        DailyProduct = "dailyProduct",
        /// Compounded every month, quarter or year (Indian recurring deposits).
        Compound = "compound",
        /// Credited once a savings year and compounded (German bonus savings plan, with `bonus`).
        AnnualCredit = "annualCredit",
    }
}

vocabulary! {
    /// How days are counted (`interest.dayCount`).
    pub enum DayCount as "DayCount", locale [] {
        /// Every month 30 days: equals the monthly method for plans paid on their due dates.
        Thirty360 = "30/360",
        /// Actual days over 360 (Chinese core systems).
        Act360 = "ACT/360",
        /// Actual days over 365 (UK and Indian banks).
        Act365 = "ACT/365",
    }
}

impl DayCount {
    /// The year's length in days that every day-based formula divides by.
    pub fn denominator(self) -> Decimal {
        match self {
            DayCount::Act365 => Decimal::from(365),
            DayCount::Thirty360 | DayCount::Act360 => Decimal::from(360),
        }
    }

    /// The denominator as text, for formulas.
    pub fn as_days(self) -> &'static str {
        match self {
            DayCount::Act365 => "365",
            DayCount::Thirty360 | DayCount::Act360 => "360",
        }
    }
}

vocabulary! {
    /// The last day that earns under the daily product (`interest.accrueTo`).
    pub enum AccrueTo as "AccrueTo", locale [] {
        Maturity = "maturity",
        /// Neither the maturity day nor the day before it earns.
        DayBeforeMaturity = "dayBeforeMaturity",
    }
}

vocabulary! {
    /// How often compound interest is added (`interest.compounding`).
    pub enum Compounding as "Compounding", locale [] {
        Monthly = "monthly",
        Quarterly = "quarterly",
        Yearly = "yearly",
    }
}

impl Compounding {
    /// Months per compounding period.
    pub fn months(self) -> u32 {
        match self {
            Compounding::Monthly => 1,
            Compounding::Quarterly => 3,
            Compounding::Yearly => 12,
        }
    }
}

vocabulary! {
    /// How a part period compounds (`interest.brokenPeriod`).
    pub enum BrokenPeriod as "BrokenPeriod", locale [] {
        /// IBA: fractional periods compound too, `(1+i)^(m/p)`.
        Compound = "compound",
        /// Whole periods compound, the leftover months earn simple interest.
        Simple = "simple",
    }
}

/// How interest is computed (`interest`): the method and its options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// 月积数法: amount × month-units × rate ÷ 12.
    MonthlyProduct,
    /// 日积数法: 积数 (amount × days) × rate ÷ the day-count denominator.
    DailyProduct { day_count: DayCount, accrue_to: AccrueTo },
    /// Compounded every `period_months` (1, 3 or 12); `day_count` sets the
    /// denominator of the day-based parts (overdue days).
    Compound { period_months: u32, broken_period: BrokenPeriod, day_count: DayCount },
    /// Credited on each anniversary (rounded per credit) and compounded,
    /// with the yearly premium of `bonus` (RULES.md §8.3).
    AnnualCredit,
}

impl Method {
    /// The method's name in the contract.
    pub fn name(self) -> MethodName {
        match self {
            Method::MonthlyProduct => MethodName::MonthlyProduct,
            Method::DailyProduct { .. } => MethodName::DailyProduct,
            Method::Compound { .. } => MethodName::Compound,
            Method::AnnualCredit => MethodName::AnnualCredit,
        }
    }

    /// Reads the options of the method `name` from the `interest` object.
    pub(crate) fn read(i: &Obj, name: MethodName, p: &mut Problems) -> Option<Method> {
        match name {
            MethodName::MonthlyProduct => {
                i.only(&["method"], p);
                Some(Method::MonthlyProduct)
            }
            MethodName::DailyProduct => {
                i.only(&["method", "dayCount", "accrueTo"], p);
                let day_count = p.take(i.choice("dayCount", defaults::DAILY_DAY_COUNT));
                let accrue_to = p.take(i.choice("accrueTo", defaults::ACCRUE_TO));
                Some(Method::DailyProduct { day_count: day_count?, accrue_to: accrue_to? })
            }
            MethodName::Compound => {
                i.only(&["method", "compounding", "brokenPeriod", "dayCount"], p);
                let compounding = p.take(i.choice("compounding", defaults::COMPOUNDING));
                let broken_period = p.take(i.choice("brokenPeriod", defaults::BROKEN_PERIOD));
                let day_count = p.take(i.choice("dayCount", defaults::COMPOUND_DAY_COUNT));
                Some(Method::Compound { period_months: compounding?.months(), broken_period: broken_period?, day_count: day_count? })
            }
            MethodName::AnnualCredit => {
                i.only(&["method"], p);
                Some(Method::AnnualCredit)
            }
        }
    }

    /// The simple method on the same units, which the value-protection
    /// subsidy accrues by (a compound product's subsidy is simple too).
    pub fn simple(self) -> Method {
        match self {
            Method::Compound { .. } | Method::AnnualCredit => Method::MonthlyProduct,
            Method::MonthlyProduct | Method::DailyProduct { .. } => self,
        }
    }

    /// The denominator of day-based formulas (overdue, renewal closed early).
    pub fn denominator(self) -> Decimal {
        match self {
            Method::MonthlyProduct | Method::AnnualCredit => Decimal::from(360),
            Method::DailyProduct { day_count, .. } | Method::Compound { day_count, .. } => day_count.denominator(),
        }
    }
}

/// One deposit as the interest methods see it.
#[derive(Clone, Debug)]
pub struct Deposit {
    pub n: u32,
    pub amount: Decimal,
    pub paid_on: NaiveDate,
    /// The schedule month it earns from (month-unit methods).
    pub earn_period: u32,
    /// Annual rate in percent.
    pub rate: Decimal,
}

/// What a set of deposits earned up to one date.
#[derive(Clone, Debug, Default)]
pub struct Accrued {
    /// Exact interest: Σ numerators ÷ denominator.
    pub total: Decimal,
    pub numerators: Vec<Decimal>,
    pub denominator: Decimal,
    /// Month-units or days each deposit earned (the monthly product leaves
    /// this and `thirtieths` empty on the payout-only path: `Posting::detail`).
    pub units: Vec<Decimal>,
    /// Month-units in thirtieths of a month (month-unit methods; empty for
    /// the daily product), for an exact formula.
    pub thirtieths: Vec<i64>,
    /// Days each deposit earned (daily product; empty otherwise), for the formula.
    pub days: Vec<i64>,
    /// The day each deposit's interest starts accruing (for tax periods).
    pub from: Vec<NaiveDate>,
    /// Σ amount × days for the daily product (积数), for `explain`.
    pub day_product: Option<Decimal>,
    /// Where each piece of `from` stops accruing, when not at the end
    /// (a yearly credit's anniversary); empty: every piece runs to the end.
    pub to: Vec<NaiveDate>,
    /// The yearly credits (`annualCredit`; empty otherwise).
    pub credits: Vec<Credit>,
}

impl Accrued {
    /// Exact interest of deposit `i`.
    pub fn interest_of(&self, i: usize) -> Decimal {
        self.numerators[i].checked_div(self.denominator).unwrap_or_default()
    }

    /// The pieces of interest and the days each accrued over, `[from, to)`:
    /// one per deposit (or per yearly credit), ending at `end` unless the
    /// piece ends sooner.
    pub fn pieces(&self, end: NaiveDate) -> Vec<(Decimal, NaiveDate, NaiveDate)> {
        self.from.iter().enumerate().map(|(i, from)| (self.interest_of(i), *from, self.to.get(i).copied().unwrap_or(end))).collect()
    }
}

/// The month a deposit earns from under a month-unit method.
#[inline(always)]
pub fn earn_period(schedule: &Schedule, earns_from: EarnsFrom, n: u32, paid_on: NaiveDate) -> u32 {
    match earns_from {
        EarnsFrom::DueMonth => n,
        // Paid on its own due date (the common case), it is in its own period: the due dates are strictly increasing.
        EarnsFrom::PaidMonth if (1..=schedule.months).contains(&n) && paid_on == schedule.due_date(n) => n,
        EarnsFrom::PaidMonth => schedule.period_of(paid_on).max(n),
    }
}

/// Accrues `deposits` up to `end` (maturity, or the close date of an early
/// withdrawal) with the product's method. `at_maturity` applies
/// `accrueTo: dayBeforeMaturity`.
pub fn accrue(method: Method, deposits: &[Deposit], schedule: &Schedule, end: NaiveDate, at_maturity: bool, posting: &Posting) -> Result<Accrued> {
    match method {
        Method::AnnualCredit => annual_credit::accrue(deposits, schedule, end, posting),
        Method::MonthlyProduct => monthly_product::accrue(deposits, schedule, end, posting.detail),
        Method::DailyProduct { day_count, .. } => {
            daily_product::accrue(deposits, schedule, accrual_end(method, end, at_maturity), day_count)
        }
        Method::Compound { period_months, broken_period, .. } => {
            compound::accrue(deposits, schedule, end, period_months, broken_period)
        }
    }
}

/// The day accrual stops (exclusive) for a piece of interest that runs to
/// `end`: the day before under `accrueTo: dayBeforeMaturity` when `end` is a
/// maturity (so neither the maturity day nor the day before it earns), else
/// `end`. Tax is split over the same days (CONTRACT.md §6).
pub fn accrual_end(method: Method, end: NaiveDate, at_maturity: bool) -> NaiveDate {
    match method {
        Method::DailyProduct { accrue_to: AccrueTo::DayBeforeMaturity, .. } if at_maturity => end.pred_opt().unwrap_or(end),
        _ => end,
    }
}

/// How long a lump sum (a renewal) earned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Held {
    /// Its whole term of this many months: priced by term.
    Term(u32),
    /// Part of it, closed early: thirtieths of a month and actual days.
    Part { units30: i64, days: i64 },
}

impl Method {
    /// Exact interest on a lump sum `value` at `rate` (a renewal), by the
    /// method's own formula, the one its installments earn by. A whole term
    /// is priced by term (CONTRACT.md §6): `value × rate × months ÷ 12` for
    /// the monthly and daily products (the calendar's days do not enter),
    /// compounded by term for compound products.
    pub fn lump(self, value: Decimal, rate: Decimal, held: Held) -> Result<Decimal> {
        match (self, held) {
            (Method::MonthlyProduct | Method::DailyProduct { .. }, Held::Term(months)) => by_term(value, rate, months),
            (Method::MonthlyProduct, Held::Part { units30, .. }) => monthly_product::lump(value, rate, units30),
            (Method::DailyProduct { day_count, .. }, Held::Part { units30, days }) => {
                daily_product::lump(value, rate, day_count, units30, days)
            }
            (Method::Compound { period_months, broken_period, .. }, held) => {
                compound::lump(value, rate, period_months, broken_period, held.units30())
            }
            // A lump sum credited yearly: whole years compound, a part year is simple.
            (Method::AnnualCredit, held) => compound::lump(value, rate, 12, BrokenPeriod::Simple, held.units30()),
        }
    }

    /// The formula of [`Method::lump`] with its numbers.
    pub fn lump_formula(self, value: Decimal, rate: Decimal, held: Held) -> String {
        match (self, held) {
            (Method::MonthlyProduct | Method::DailyProduct { .. }, Held::Term(months)) => {
                format!("{} × {}% × {months} ÷ 12", crate::money::plain(value), crate::money::plain(rate))
            }
            (Method::MonthlyProduct, Held::Part { units30, .. }) => monthly_product::lump_formula(value, rate, units30),
            (Method::DailyProduct { day_count, .. }, Held::Part { units30, days }) => {
                daily_product::lump_formula(value, rate, day_count, units30, days)
            }
            (Method::Compound { period_months, broken_period, .. }, held) => {
                compound::lump_formula(value, rate, period_months, broken_period, held.units30())
            }
            (Method::AnnualCredit, held) => compound::lump_formula(value, rate, 12, BrokenPeriod::Simple, held.units30()),
        }
    }

    /// The formula of the installments' interest with its numbers ("0" for none).
    pub fn formula(self, deposits: &[Deposit], accrued: &Accrued) -> Result<String> {
        let formula = match self {
            Method::MonthlyProduct => monthly_product::formula(deposits, accrued)?,
            Method::DailyProduct { day_count, .. } => daily_product::formula(deposits, accrued, day_count)?,
            Method::Compound { period_months, broken_period, .. } => {
                compound::formula(deposits, &accrued.thirtieths, period_months, broken_period)
            }
            Method::AnnualCredit => annual_credit::formula(accrued),
        };
        Ok(if formula.is_empty() { "0".to_string() } else { formula })
    }
}

impl Held {
    /// Thirtieths of a month held.
    fn units30(self) -> i64 {
        match self {
            Held::Term(months) => 30 * i64::from(months),
            Held::Part { units30, .. } => units30,
        }
    }
}

/// A whole term priced by term: `value × months × rate ÷ 1,200`.
fn by_term(value: Decimal, rate: Decimal, months: u32) -> Result<Decimal> {
    crate::money::div(crate::money::mul(crate::money::mul(value, Decimal::from(months))?, rate)?, Decimal::from(1_200))
}

/// Reads `bonus` (absent: none): savings years in ascending order, each
/// with the premium's percent; only with `interest.method: annualCredit`.
pub(crate) fn read_bonus(o: &Obj, method: Option<Method>, p: &mut Problems) -> Option<Vec<Bonus>> {
    let Some(list) = p.take(o.opt_array("bonus"))? else { return Some(Vec::new()) };
    let mut out: Vec<Bonus> = Vec::with_capacity(list.len());
    let mut ok = true;
    for (i, item) in list.iter().enumerate() {
        let Some(b) = p.take(crate::input::object(item, &format!("{}[{i}]", o.at("bonus")))) else {
            ok = false;
            continue;
        };
        b.only(&["year", "percent"], p);
        let year = p.take(b.int("year", 1, crate::product::MAX_MONTHS / 12));
        let percent = p.take(crate::product::rate(&b, "percent"));
        match (year, percent) {
            (Some(year), Some(percent)) => {
                if out.last().is_some_and(|x| x.year >= year) {
                    p.push(crate::error::Error::new(crate::error::ErrorCode::InvalidValue, b.at("year"), "bonus years must be in ascending order, each once"));
                    ok = false;
                }
                out.push(Bonus { year, percent });
            }
            _ => ok = false,
        }
    }
    if !out.is_empty() && method.is_some_and(|m| m != Method::AnnualCredit) {
        p.push(crate::error::Error::new(
            crate::error::ErrorCode::InvalidValue,
            o.at("bonus"),
            "a yearly premium (bonus) needs interest.method annualCredit",
        ));
        return None;
    }
    ok.then_some(out)
}

/// Groups deposits by rate and amount, in order of first appearance: (rate, Σ weight, amount).
pub(crate) fn by_rate(deposits: &[Deposit], weights: &[Decimal]) -> Result<Vec<(Decimal, Decimal, Decimal)>> {
    let mut groups: Vec<(Decimal, Decimal, Decimal)> = Vec::new();
    for (d, w) in deposits.iter().zip(weights) {
        match groups.iter_mut().find(|g| g.0 == d.rate && g.2 == d.amount) {
            Some(g) => g.1 = crate::money::add(g.1, *w)?,
            None => groups.push((d.rate, *w, d.amount)),
        }
    }
    Ok(groups)
}

/// `ZERO + a + b + …` as `money::add` gives it (the same `Decimal`), in
/// integers when no addition can round ([`exact::Sum`]).
///
/// # Errors
/// `OVERFLOW`, as `money::add`.
pub(crate) fn sum(mut terms: impl Iterator<Item = Decimal> + Clone) -> Result<Decimal> {
    match terms.clone().try_fold(exact::Sum::default(), exact::Sum::add) {
        Some(s) => Ok(s.value()),
        None => terms.try_fold(Decimal::ZERO, crate::money::add),
    }
}

/// Month-units from thirtieths of a month, dividing only for a part month.
pub(crate) fn months_from_thirtieths(units30: i64) -> Result<Decimal> {
    if units30 % 30 == 0 {
        return Ok(Decimal::from(units30 / 30));
    }
    crate::money::div(Decimal::from(units30), Decimal::from(30))
}

