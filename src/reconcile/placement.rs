//! Placing a statement's deposits on installments (CONTRACT.md §8.2).
//!
//! Deposits are read in date order (equal dates in the order given). A
//! deposit of j installments made in the month of installment k pays k if
//! it is still open and makes up the j − 1 oldest open misses whose make-up
//! window covers its date; in a month whose installment is already paid it
//! makes up the j oldest such misses. What cannot be placed is a problem
//! and is left out; installments no deposit pays are missed.
//!
//! The order is the bank's: each month's deposit counts for that month
//! first, and only a second deposit (or a multiple) in the month after a
//! skipped one makes it up (每月存入一次，漏存次月补齐). So a saver who
//! skipped May and paid once in June and twice in July has June paid, May
//! never made up (its window closed with June), and one July deposit with
//! nowhere to go. A statement cannot say which installment a deposit was
//! meant for; this order is the one a bank's counter applies.

use crate::calendar::Schedule;
use crate::ledger::window_end;
use crate::product::Product;
use crate::reconcile::statement::Deposit;
use crate::vocabulary::vocabulary;
use chrono::NaiveDate;
use rust_decimal::Decimal;

vocabulary! {
    /// Why a deposit was left out. The deposit is `ignored`; the rest is priced.
    #[allow(clippy::enum_variant_names)] // the contract's codes: DEPOSIT_…
    pub enum ProblemCode as "ReconcileProblemCode", locale ["stmt_why_"] {
        /// Dated before the account was opened.
        DepositBeforeStart = "DEPOSIT_BEFORE_START",
        /// Dated on or after the account closed (maturity or the withdrawal).
        DepositAfterClose = "DEPOSIT_AFTER_CLOSE",
        /// Not a whole number of installments.
        DepositNotAMultiple = "DEPOSIT_NOT_A_MULTIPLE",
        /// No open installment (its own, or a miss whose window covers the date) can take it.
        DepositNotMatched = "DEPOSIT_NOT_MATCHED",
    }
}

impl ProblemCode {
    /// What the problem is, in one sentence (the deposit's own date and amount are in its row).
    pub fn message(self) -> &'static str {
        match self {
            ProblemCode::DepositBeforeStart => "the deposit is dated before the account was opened",
            ProblemCode::DepositAfterClose => "the deposit is dated on or after the account closed (at maturity or the withdrawal)",
            ProblemCode::DepositNotAMultiple => "the amount is not a whole number of installments",
            ProblemCode::DepositNotMatched => {
                "no open installment can take the deposit: its month is paid and no missed installment's make-up window covers its date, or it holds more installments than there are open ones"
            }
        }
    }
}

/// A deposit left out, with the path of the field that explains it.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub code: ProblemCode,
    pub path: String,
    pub message: &'static str,
}

vocabulary! {
    /// What became of one deposit (a statement row's `status`).
    pub enum DepositStatus as "DepositStatus", locale [] {
        /// Pays its own month's installment.
        Paid = "paid",
        /// Makes up at least one missed installment (and may pay its own month too).
        Late = "late",
        /// Left out: see the problem with its path.
        Ignored = "ignored",
    }
}

/// One deposit and the installments it paid, ascending.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub index: usize,
    pub date: NaiveDate,
    pub amount: Decimal,
    pub installments: Vec<u32>,
    pub status: DepositStatus,
}

/// The deposits placed: the date each installment was paid (`None`:
/// missed), each deposit's fate in statement order, and the problems.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// `paid_on[k-1]` for installments 1..=the last one due before the close.
    pub paid_on: Vec<Option<NaiveDate>>,
    pub deposits: Vec<Placed>,
    pub problems: Vec<Problem>,
}

/// The installments still open, and where each may be paid.
struct Book<'a> {
    schedule: &'a Schedule,
    /// Window ends (exclusive), non-decreasing in k.
    window_end: &'a [NaiveDate],
    open: Vec<bool>,
}

impl Book<'_> {
    /// The installment whose month holds `date`, and the open installments
    /// that may take a deposit on it, oldest first.
    fn takers(&self, date: NaiveDate) -> (u32, Vec<u32>) {
        let last = self.open.len() as u32;
        let k = self.schedule.period_of(date).min(last);
        // Windows end in order, so the installments whose window is still open form a tail.
        let first = self.window_end.partition_point(|end| *end <= date) as u32 + 1;
        let takers = (first..=k).filter(|i| self.open[*i as usize - 1]).collect();
        (k, takers)
    }

    /// The contract's choice: the own month if open, then the oldest misses.
    fn own_first(&self, date: NaiveDate, count: u32) -> Option<Vec<u32>> {
        let (k, takers) = self.takers(date);
        let count = count as usize;
        if takers.len() < count {
            return None;
        }
        // Takers are ascending and the own month is the last of them: the choice stays ascending.
        Some(if takers.last() == Some(&k) {
            let mut c: Vec<u32> = takers.iter().copied().take(count - 1).collect();
            c.push(k);
            c
        } else {
            takers.into_iter().take(count).collect()
        })
    }

    fn pay(&mut self, installments: &[u32]) {
        for &i in installments {
            self.open[i as usize - 1] = false;
        }
    }
}

/// Places the deposits. `close` is the day deposits stop (maturity, or an
/// earlier withdrawal); installments due on or after it are not part of the plan.
pub fn place(deposits: &[Deposit], installment: Decimal, schedule: &Schedule, product: &Product, close: NaiveDate) -> Placement {
    let due_before_close = schedule.due[..schedule.months as usize].partition_point(|d| *d < close);
    let window_ends: Vec<NaiveDate> = (1..=due_before_close as u32).map(|k| window_end(schedule, product, k)).collect();
    let mut book = Book { schedule, window_end: &window_ends, open: vec![true; due_before_close] };
    let mut paid_on: Vec<Option<NaiveDate>> = vec![None; due_before_close];

    // Date order; equal dates keep the statement's order. Inserted in place
    // (a statement is nearly sorted already): the standard sorts would add
    // more to the .wasm than all of this module.
    let mut order: Vec<&Deposit> = Vec::with_capacity(deposits.len());
    for d in deposits {
        let at = order.partition_point(|o| o.date <= d.date);
        order.insert(at, d);
    }

    // Every deposit starts ignored; placing one fills in its installments.
    let mut placed: Vec<Placed> = deposits
        .iter()
        .map(|d| Placed { index: d.index, date: d.date, amount: d.amount, installments: Vec::new(), status: DepositStatus::Ignored })
        .collect();
    let mut problems: Vec<(usize, Problem)> = Vec::new();
    for d in order {
        let (code, field) = if d.date < schedule.start {
            (ProblemCode::DepositBeforeStart, ".date")
        } else if d.date >= close {
            (ProblemCode::DepositAfterClose, ".date")
        } else if let Some(count) = whole_installments(d.amount, installment) {
            if let Some(chosen) = book.own_first(d.date, count) {
                book.pay(&chosen);
                for &i in &chosen {
                    paid_on[i as usize - 1] = Some(d.date);
                }
                let late = chosen.iter().any(|&i| d.date >= schedule.month_end(i));
                if let Some(p) = placed.get_mut(d.index) {
                    p.status = if late { DepositStatus::Late } else { DepositStatus::Paid };
                    p.installments = chosen;
                }
                continue;
            }
            (ProblemCode::DepositNotMatched, "")
        } else {
            (ProblemCode::DepositNotAMultiple, ".amount")
        };
        let path = format!("statement.deposits[{}]{field}", d.index);
        // Kept in the statement's order.
        let at = problems.partition_point(|(i, _)| *i < d.index);
        problems.insert(at, (d.index, Problem { code, path, message: code.message() }));
    }

    Placement { paid_on, deposits: placed, problems: problems.into_iter().map(|(_, p)| p).collect() }
}

/// How many installments an amount is, when it is a whole number of them
/// (exactly: the quotient times the installment gives the amount back).
fn whole_installments(amount: Decimal, installment: Decimal) -> Option<u32> {
    let q = amount.checked_div(installment)?;
    if !q.fract().is_zero() || q < Decimal::ONE || q.checked_mul(installment) != Some(amount) {
        return None;
    }
    Some(u32::try_from(q.normalize().mantissa()).unwrap_or(u32::MAX))
}
