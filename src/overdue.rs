//! Overdue interest (逾期利息): money left after maturity (or after the last
//! renewal) earns the demand rate for the actual days overdue, on the
//! principal or on the whole maturity value (`overdue.base`).

use crate::vocabulary::vocabulary;

vocabulary! {
    /// The rate overdue days earn (`overdue.rate`): today only the demand rate.
    pub enum OverdueRate as "OverdueRate", locale [] {
        Demand = "demand",
    }
}

vocabulary! {
    /// What overdue interest is paid on (`overdue.base`).
    pub enum OverdueBase as "OverdueBase", locale [] {
        /// The installments paid in.
        Principal = "principal",
        /// Principal plus the term's rounded interest.
        MaturityValue = "maturityValue",
    }
}
