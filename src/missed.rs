//! Missed installments (漏存): breach, refused deposits, late fees, and
//! closure by the bank.
//!
//! A *miss* is any installment not paid in its own month, made up later or
//! not. The product decides when misses become a breach (`breachAfter`),
//! what a breach does (`onBreach`), what a make-up costs
//! (`lateFeePer100PerMonth`) and when the bank closes the account
//! (`closeAfterConsecutive`). RULES.md §1.3 and §2.

use crate::calendar::Schedule;
use crate::ledger::{window_end, Entry, Status};
use crate::product::Product;
use crate::vocabulary::vocabulary;
use chrono::NaiveDate;
use rust_decimal::Decimal;

vocabulary! {
    /// The month a made-up installment earns from (`missed.makeUpEarnsFrom`).
    pub enum EarnsFrom as "MakeUpEarnsFrom", locale [] {
        PaidMonth = "paidMonth",
        DueMonth = "dueMonth",
    }
}

vocabulary! {
    /// What kind of misses make a breach (the key of `missed.breachAfter`).
    pub enum BreachTrigger as "BreachTrigger", locale ["trigger_"] {
        /// Misses not made up within their window.
        UnmadeUp = "unmadeUp",
        /// Misses in total, made up or not.
        Total = "total",
        /// Misses in a row.
        Consecutive = "consecutive",
    }
}

vocabulary! {
    /// What a breach does (`missed.onBreach`).
    pub enum OnBreach as "OnBreach", locale ["effect_"] {
        /// Deposits before the breach keep the contract rate, later ones earn demand (ICBC).
        LaterAtDemand = "laterAtDemand",
        /// The whole account earns the demand rate.
        AllAtDemand = "allAtDemand",
        /// No further deposits; what was paid keeps the contract rate (CMB).
        StopDeposits = "stopDeposits",
        /// Deposits go on; everything earns the contract rate on actual amounts and time.
        ActualAtContract = "actualAtContract",
    }
}

impl OnBreach {
    /// Whether deposits offered on or after the breach are turned away.
    pub fn refuses(self) -> bool {
        match self {
            OnBreach::StopDeposits => true,
            OnBreach::LaterAtDemand | OnBreach::AllAtDemand | OnBreach::ActualAtContract => false,
        }
    }

    /// The rate the breach gives the deposits it affects, if it changes one.
    pub fn rate_given(self, demand: Decimal) -> Option<Decimal> {
        match self {
            OnBreach::LaterAtDemand | OnBreach::AllAtDemand => Some(demand),
            OnBreach::StopDeposits | OnBreach::ActualAtContract => None,
        }
    }

    /// The rate of a deposit paid on `paid_on` after a breach on `breach_date`.
    pub fn rate(self, breach_date: NaiveDate, paid_on: NaiveDate, contract: Decimal, demand: Decimal) -> Decimal {
        match self {
            OnBreach::AllAtDemand => demand,
            OnBreach::LaterAtDemand if paid_on >= breach_date => demand,
            OnBreach::LaterAtDemand | OnBreach::StopDeposits | OnBreach::ActualAtContract => contract,
        }
    }
}

/// When misses become a breach (`missed.breachAfter`): `n` misses of a kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BreachAfter {
    pub trigger: BreachTrigger,
    pub n: u32,
}

/// The product's rules for missed installments (`missed`).
#[derive(Clone, Debug, PartialEq)]
pub struct Missed {
    /// Months after its own in which a miss may be made up; `None`: any time before maturity.
    pub make_up_within: Option<u32>,
    pub earns_from: EarnsFrom,
    pub breach_after: Option<BreachAfter>,
    pub on_breach: OnBreach,
    pub late_fee_per_100: Decimal,
    pub close_after_consecutive: Option<u32>,
}

/// When and why the account breached.
#[derive(Clone, Debug, PartialEq)]
pub struct Breach {
    pub trigger: BreachTrigger,
    /// The installment whose miss made the breach.
    pub installment: u32,
    /// Payments on or after this date are after the breach.
    pub date: NaiveDate,
    pub effect: OnBreach,
    /// The rate the breach gave the deposits it affected; `None` when it
    /// changed no rate, or when an early or bank close priced every deposit
    /// at the close rate anyway.
    pub rate: Option<Decimal>,
}

/// What the misses did to the account.
#[derive(Clone, Debug, PartialEq)]
pub struct Misses {
    /// The day the bank closed the account (`closeAfterConsecutive`): before
    /// maturity and before any withdrawal.
    pub bank_closure: Option<NaiveDate>,
    pub breach: Option<Breach>,
    /// Σ months late of the make-ups, for the late fee.
    pub late_months: u32,
}

impl Misses {
    /// The rate a deposit paid on `paid_on` earns under the breach rule.
    pub fn rate(&self, paid_on: NaiveDate, contract: Decimal, demand: Decimal) -> Decimal {
        match &self.breach {
            Some(b) => b.effect.rate(b.date, paid_on, contract, demand),
            None => contract,
        }
    }
}

/// Assesses the ledger's misses: the bank's closure (the ledger then ends
/// there; `bank` off prices the plan as if the bank never closed), the
/// breach up to the day the account stops taking deposits (maturity, the
/// withdrawal or the bank's closure) with its effect on the deposits, and
/// the months late of the make-ups.
pub fn assess(entries: &mut Vec<Entry>, schedule: &Schedule, product: &Product, withdraw_on: Option<NaiveDate>, bank: bool) -> Misses {
    let bank_closure = match bank {
        true => bank_closure(entries, schedule, product).filter(|d| withdraw_on.is_none_or(|w| *d < w)),
        false => None,
    };
    if let Some(d) = bank_closure {
        crate::ledger::cut_at(entries, d);
    }
    let maturity = schedule.maturity();
    let stop = withdraw_on.map_or(maturity, |w| w.min(maturity));
    let stop = bank_closure.map_or(stop, |d| d.min(stop));
    let breach = find_breach(entries, schedule, product, stop);
    if let Some(b) = &breach {
        refuse_after(entries, b);
    }
    let late_months = late_months_total(entries.iter().filter(|e| e.is_deposit()), schedule);
    Misses { bank_closure, breach, late_months }
}

/// The first installment k that ends a run of `n` consecutive misses.
fn consecutive_run(entries: &[Entry], n: u32) -> Option<u32> {
    let mut run = 0;
    for e in entries {
        run = if e.miss { run + 1 } else { 0 };
        if run >= n {
            return Some(e.n);
        }
    }
    None
}

/// Finds the breach, if the misses make one on or before `close`.
fn find_breach(entries: &[Entry], schedule: &Schedule, product: &Product, close: NaiveDate) -> Option<Breach> {
    let trigger = product.missed.breach_after?;
    let n = trigger.n;
    let (installment, date) = match trigger.trigger {
        BreachTrigger::UnmadeUp => {
            let m = product.missed.make_up_within;
            let k = entries
                .iter()
                .filter(|e| e.status == Status::Missed)
                // A window (counted without clamping) that ends after maturity is no breach.
                .filter(|e| m.is_none_or(|m| u64::from(e.n) + 1 + u64::from(m) <= u64::from(schedule.months) + 1))
                .nth(n as usize - 1)?
                .n;
            (k, window_end(schedule, product, k))
        }
        BreachTrigger::Total => {
            let k = entries.iter().filter(|e| e.miss).nth(n as usize - 1)?.n;
            (k, schedule.month_end(k))
        }
        BreachTrigger::Consecutive => {
            let k = consecutive_run(entries, n)?;
            (k, schedule.month_end(k))
        }
    };
    let effect = product.missed.on_breach;
    let rate = effect.rate_given(product.demand_rate);
    (date <= close).then_some(Breach { trigger: trigger.trigger, installment, date, effect, rate })
}

/// The date the bank closes the account, if `closeAfterConsecutive` misses
/// in a row happen before maturity.
fn bank_closure(entries: &[Entry], schedule: &Schedule, product: &Product) -> Option<NaiveDate> {
    let n = product.missed.close_after_consecutive?;
    let k = consecutive_run(entries, n)?;
    let date = schedule.month_end(k);
    (date < schedule.maturity()).then_some(date)
}

/// Turns away every deposit on or after the breach date, when the breach's
/// effect refuses them (`stopDeposits`).
fn refuse_after(entries: &mut [Entry], breach: &Breach) {
    if !breach.effect.refuses() {
        return;
    }
    for e in entries.iter_mut() {
        if e.paid_on.is_some_and(|d| d >= breach.date) {
            e.status = Status::Refused;
            e.paid_on = None;
        }
    }
}

/// Months late of each made-up installment: the index of the month it was
/// paid in minus its own index.
pub fn months_late(entry: &Entry, schedule: &Schedule) -> u32 {
    match (entry.status, entry.paid_on) {
        (Status::Late, Some(d)) => schedule.period_of(d).saturating_sub(entry.n),
        _ => 0,
    }
}

/// Whole installment-months of lateness, for the fee: Σ months late.
fn late_months_total<'a>(entries: impl Iterator<Item = &'a Entry>, schedule: &Schedule) -> u32 {
    entries.map(|e| months_late(e, schedule)).sum()
}

/// The exact late fee: installment × fee per 100 ÷ 100 × Σ months late.
pub fn late_fee(installment: Decimal, product: &Product, late_months: u32) -> Option<Decimal> {
    installment
        .checked_mul(product.missed.late_fee_per_100)?
        .checked_mul(Decimal::from(late_months))?
        .checked_div(Decimal::ONE_HUNDRED)
}
