//! The ledger: one entry per installment, built from the plan's events.
//!
//! Installments not named by an event are paid on their due dates. An event
//! marks one as missed, or paid on another date; a payment in one of the
//! next `makeUpWithinMonths` months is a make-up (status `late`). A make-up
//! can also ride on a later installment: that event's `amount` is the
//! installment plus whole missed installments, and the extra makes up the
//! oldest open misses whose window covers the payment date.

use crate::calendar::Schedule;
use crate::error::{Error, ErrorCode, Result};
use crate::interest::{earn_period, Deposit};
use crate::missed::EarnsFrom;
use crate::plan::{Event, Plan};
use crate::product::Product;
use crate::vocabulary::vocabulary;
use chrono::NaiveDate;
use rust_decimal::Decimal;

vocabulary! {
    /// What became of an installment (a schedule row's `status`).
    pub enum Status as "Status", locale ["status_"] {
        /// Paid in its own month.
        Paid = "paid",
        /// Made up in a later month, within the window.
        Late = "late",
        /// Never paid.
        Missed = "missed",
        /// Offered after a `stopDeposits` breach and turned away.
        Refused = "refused",
    }
}

/// One installment as it happened.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub n: u32,
    pub due: NaiveDate,
    pub status: Status,
    pub paid_on: Option<NaiveDate>,
    /// Whether it was not paid in its own month (made up later or never).
    pub miss: bool,
}

impl Entry {
    pub fn is_deposit(&self) -> bool {
        matches!(self.status, Status::Paid | Status::Late)
    }
}

/// The end (exclusive) of installment k's make-up window: the end of the
/// `makeUpWithinMonths`-th month after its own, never past maturity.
pub fn window_end(schedule: &Schedule, product: &Product, k: u32) -> NaiveDate {
    match product.missed.make_up_within {
        None => schedule.maturity(),
        Some(m) => schedule.month_end(k.saturating_add(m)),
    }
}

/// Builds the ledger.
///
/// `close` is an early close date: installments due on or after it leave
/// the schedule and their events are ignored.
///
/// # Errors
/// `EVENT_OUT_OF_RANGE` for a payment before its due date or after its
/// window; `INVALID_AMOUNT` for an amount that is not the installment plus
/// whole missed installments it can make up.
pub fn build(plan: &Plan, schedule: &Schedule, product: &Product, close: Option<NaiveDate>) -> Result<Vec<Entry>> {
    let last = match close {
        Some(c) => schedule.due[..plan.months as usize].partition_point(|d| *d < c) as u32,
        None => plan.months,
    };
    let mut entries: Vec<Entry> = (1..=last)
        .map(|n| {
            let due = schedule.due_date(n);
            Entry { n, due, status: Status::Paid, paid_on: Some(due), miss: false }
        })
        .collect();
    // Make-ups carried by an amount, in payment-date order (then event order) as they are read.
    let mut carriers: Vec<Carrier> = Vec::new();
    for event in plan.events.iter().filter(|e| e.n <= last) {
        let Some(entry) = entries.get_mut(event.n as usize - 1) else { continue };
        if let Some(c) = apply(event, entry, plan.installment, schedule, product)? {
            let at = carriers.partition_point(|x| (x.date, x.index) <= (c.date, c.index));
            carriers.insert(at, c);
        }
    }
    for carrier in carriers {
        make_up(&mut entries, carrier, schedule, product)?;
    }
    if let Some(c) = close {
        cut_at(&mut entries, c);
    }
    Ok(entries)
}

/// A payment whose amount also makes up `extra` earlier missed installments.
struct Carrier {
    date: NaiveDate,
    extra: u32,
    /// The event's position in `plan.events`, for error paths.
    index: usize,
}

/// Applies one event to its installment: missed, or paid on a date (late
/// when in a later month, within the make-up window).
fn apply(event: &Event, entry: &mut Entry, installment: Decimal, schedule: &Schedule, product: &Product) -> Result<Option<Carrier>> {
    let path = |field: &str| format!("plan.events[{}].{field}", event.index);
    let k = event.n;
    if event.missed {
        entry.status = Status::Missed;
        entry.paid_on = None;
        entry.miss = true;
        return Ok(None);
    }
    let paid_on = event.paid_on.unwrap_or(entry.due);
    if paid_on < entry.due {
        return Err(Error::new(ErrorCode::EventOutOfRange, path("paidOn"), format!("installment {k} cannot be paid before its due date")));
    }
    if paid_on >= schedule.month_end(k) {
        if paid_on >= window_end(schedule, product, k) {
            return Err(Error::new(ErrorCode::EventOutOfRange, path("paidOn"), format!("installment {k} paid after its make-up window")));
        }
        entry.status = Status::Late;
        entry.miss = true;
    }
    entry.paid_on = Some(paid_on);
    let Some(amount) = event.amount else { return Ok(None) };
    let extra = amount.checked_div(installment).unwrap_or(Decimal::ONE_HUNDRED);
    if amount < installment || !extra.fract().is_zero() {
        return Err(Error::new(
            ErrorCode::InvalidAmount,
            path("amount"),
            "an event amount is the installment plus whole made-up installments",
        ));
    }
    let extra = u32::try_from(extra.trunc().mantissa()).unwrap_or(u32::MAX).saturating_sub(1);
    Ok((extra > 0).then_some(Carrier { date: paid_on, extra, index: event.index }))
}

/// Makes up the oldest open misses whose window covers the carrier's date.
fn make_up(entries: &mut [Entry], carrier: Carrier, schedule: &Schedule, product: &Product) -> Result<()> {
    let Carrier { date, extra, index } = carrier;
    let mut left = extra;
    for e in entries.iter_mut() {
        if left == 0 {
            break;
        }
        if e.status == Status::Missed && date >= schedule.month_end(e.n) && date < window_end(schedule, product, e.n) {
            e.status = Status::Late;
            e.paid_on = Some(date);
            left -= 1;
        }
    }
    if left > 0 {
        return Err(Error::new(
            ErrorCode::InvalidAmount,
            format!("plan.events[{index}].amount"),
            format!("the amount makes up {extra} installments, but only {} missed ones can be made up on that date", extra - left),
        ));
    }
    Ok(())
}

/// Closes the ledger at `close`: installments due then or later leave it,
/// and a payment on or after it never happened.
pub fn cut_at(entries: &mut Vec<Entry>, close: NaiveDate) {
    entries.retain(|e| e.due < close);
    for e in entries.iter_mut() {
        if e.paid_on.is_some_and(|d| d >= close) {
            e.status = Status::Missed;
            e.paid_on = None;
            e.miss = true;
        }
    }
}

/// The deposits that earn: each paid installment with the schedule month it
/// earns from and the rate `rate_of(paid_on)` gives it.
pub fn deposits(
    entries: &[Entry],
    installment: Decimal,
    schedule: &Schedule,
    earns_from: EarnsFrom,
    rate_of: impl Fn(NaiveDate) -> Decimal,
) -> Vec<Deposit> {
    // A plain loop: the iterator chain's closure returned each deposit through memory.
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        let Some(paid_on) = e.paid_on.filter(|_| e.is_deposit()) else { continue };
        out.push(Deposit { n: e.n, amount: installment, paid_on, earn_period: earn_period(schedule, earns_from, e.n, paid_on), rate: rate_of(paid_on) });
    }
    out
}
