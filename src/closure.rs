//! How and when the account closes: at maturity, early (before maturity, by
//! the saver), overdue (after maturity, or after the last renewal), or
//! closed by the bank after too many misses in a row (RULES.md §2).
//!
//! An early close pays every deposit the product's early rate
//! (`early.rate`): the demand rate (or the Post Office's savings rate), the
//! contract rate less a penalty, or the lower of the rate for the period
//! held and the contract rate, less the penalty.

use crate::vocabulary::vocabulary;
use rust_decimal::Decimal;

vocabulary! {
    /// How the account closed (a result's `closure`).
    pub enum Closure as "Closure", locale ["closure_"] {
        /// On the maturity date (or at the end of a renewal).
        Maturity = "maturity",
        /// Before maturity, at the saver's request.
        Early = "early",
        /// After maturity: overdue interest at the demand rate.
        Overdue = "overdue",
        /// By the bank, after `missed.closeAfterConsecutive` misses in a row.
        ClosedByBank = "closedByBank",
    }
}

vocabulary! {
    /// The rate every deposit earns on an early close (`early.rate`).
    pub enum EarlyRate as "EarlyRate", locale [] {
        /// The demand rate, or `early.savingsRate` when set.
        Demand = "demand",
        /// max(0, contract rate − penalty).
        ContractMinus = "contractMinus",
        /// max(0, min(rate for the months held, contract rate) − penalty).
        LowerOfHeldAndContractMinus = "lowerOfHeldAndContractMinus",
    }
}

/// The product's rules for early withdrawal (`early`).
#[derive(Clone, Debug, PartialEq)]
pub struct Early {
    pub allowed: bool,
    pub min_months: u32,
    pub rate: EarlyRate,
    /// Percentage points taken off.
    pub penalty: Decimal,
    /// `(months, rate)`, ascending by months.
    pub held_rates: Vec<(u32, Decimal)>,
    /// Replaces the demand rate for early closure (Post Office savings-account rate).
    pub savings_rate: Option<Decimal>,
}
