//! The result document (CONTRACT.md §3): what one product pays for one plan.
//!
//! Money is already formatted here, at the product's scale, so the JSON that
//! leaves the engine is exactly what the page shows; the page never does
//! money arithmetic. Beside the contract's fields a quote carries
//! `productId`, `currency` and `contractRate` (documented in the README) so
//! that a comparison can be read without the products beside it.

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::fmt;

/// A short text kept inline: a date, an amount, a rate. A 60-row schedule
/// has 360 of them, and a heap allocation each was a good part of a quote's
/// time (in WebAssembly above all). Every decimal the engine writes fits:
/// at most 29 digits, a point, a sign and a leading "0." make 31 bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    len: u8,
    bytes: [u8; 31],
}

impl Cell {
    /// The text; longer text is cut (never the case for engine output).
    pub fn new(text: &str) -> Cell {
        let mut cell = Cell { len: 0, bytes: [0; 31] };
        let mut end = text.len().min(31);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if let (Some(dst), Some(src)) = (cell.bytes.get_mut(..end), text.as_bytes().get(..end)) {
            dst.copy_from_slice(src);
            cell.len = end as u8;
        }
        cell
    }

    pub fn as_str(&self) -> &str {
        self.bytes.get(..usize::from(self.len)).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or_default()
    }
}

impl fmt::Debug for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One installment row of the schedule.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub n: u32,
    pub due: Cell,
    pub paid_on: Option<Cell>,
    pub amount: Cell,
    /// `paid` | `late` | `missed` | `refused`.
    pub status: &'static str,
    /// Deposits so far, this one included.
    pub balance: Cell,
    /// The rate it earned, percent per year.
    pub rate: Cell,
    /// Month-units or days it earned.
    pub units: Cell,
}

/// One lump-sum renewal at maturity.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RenewalRow {
    pub start: String,
    pub end: String,
    pub principal: String,
    pub rate: String,
    pub interest: String,
    pub tax: String,
    pub value: String,
}

/// Why the account breached.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BreachRow {
    /// `unmadeUp` | `total` | `consecutive`.
    pub trigger: &'static str,
    pub installment: u32,
    pub date: String,
    /// The product's `onBreach`.
    pub effect: &'static str,
    /// The rate the breach gave the deposits it affected (the demand rate
    /// under `laterAtDemand` and `allAtDemand`); null when it changed no
    /// rate (`stopDeposits`, `actualAtContract`) or when an early or bank
    /// closure priced every deposit at `closeRate` anyway.
    pub rate: Option<String>,
}

/// Something the saver or teller should know that does not stop the result.
/// Codes: `RATE_BEFORE_EFFECTIVE`, `RATE_OVERRIDE`, `RATE_OVERRIDE_HIGH`, `SUBSIDY_FORFEITED`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Warning {
    pub code: &'static str,
    pub path: &'static str,
    pub message: String,
}

/// A figure the result depends on that nobody knows today (CONTRACT.md §8.1).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assumption {
    /// `inflation`.
    pub key: &'static str,
    /// The figure as it was given (`"2.0"`).
    pub value: String,
    /// `plan` (the saver or teller chose it) | `product` (the product's default: nobody chose it).
    pub source: &'static str,
}

/// One step of "how we calculated", with the numbers filled in.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// Stable key the page translates (`interest`, `dayProduct`, `tax`, …).
    pub key: &'static str,
    pub formula: String,
    pub value: String,
}

/// What one product pays for one plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    pub product_id: String,
    pub currency: String,
    pub contract_rate: String,
    pub maturity_date: String,
    pub close_date: String,
    /// `maturity` | `early` | `overdue` | `closedByBank`.
    pub closure: &'static str,
    /// The rate the closing rule applied instead of the contract rate: the
    /// early rate every deposit earned (`early`, `closedByBank`), the demand
    /// rate of the overdue days (`overdue`) or of a renewal closed early;
    /// null on a maturity close.
    pub close_rate: Option<String>,
    pub principal: String,
    pub interest: String,
    pub subsidy: String,
    pub fees: String,
    pub tax: String,
    pub payout: String,
    pub effective_annual_yield: Option<String>,
    pub real_payout: Option<String>,
    pub breach: Option<BreachRow>,
    pub maturity_payout: Option<String>,
    pub schedule: Vec<Row>,
    pub renewals: Vec<RenewalRow>,
    pub explain: Vec<Step>,
    pub warnings: Vec<Warning>,
    /// What the figures rest on that nobody knows today.
    pub assumptions: Vec<Assumption>,
    /// The payout as a number, for comparing and solving (not serialized).
    #[serde(skip)]
    pub payout_value: Decimal,
    /// The payout's display scale.
    #[serde(skip)]
    pub payout_scale: u32,
}
