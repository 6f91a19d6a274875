//! # savings-plan: exact 零存整取 and recurring-deposit calculations
//!
//! 零存整取 is China's fixed-installment savings: the same amount every
//! month, principal plus interest in one lump at maturity. Indian recurring
//! deposits and UK regular savers work alike. This crate prices such plans
//! exactly, to the 分, from a [`Product`] (the bank's rules as data) and a
//! [`Plan`] (the saver's scenario). It is pure: no clock, no I/O, no
//! globals, so the same input gives the same output natively and in
//! WebAssembly. Money and rates are [`Decimal`](rust_decimal::Decimal)s,
//! never floats; rounding happens once, where the product says.
//!
//! ## The typed path
//!
//! Read the product and the plan (each problem is an [`Error`] with a
//! `code` and the JSON `path` of the field), then [`price`] the plan. The
//! [`Quote`] holds numbers, dates and enums; [`Quote::to_json`] writes the
//! contract's JSON.
//!
//! ```
//! use savings_plan::{price, Closure, Plan, Product, Status};
//! use rust_decimal::Decimal;
//! use serde_json::json;
//!
//! let product = Product::parse(&json!({
//!     "schema": 1, "id": "my-bank-lczq", "currency": "CNY",
//!     "terms": [{ "months": 12, "rate": "1.35" }], "demandRate": "0.35"
//! }))?;
//! let plan = Plan::parse(&json!({ "start": "2025-01-15", "months": 12, "installment": "1000" }), &product)?;
//! let quote = price(&product, &plan)?;
//!
//! assert_eq!(quote.interest, Decimal::new(8775, 2)); // 1000 × 78 month-units × 1.35% ÷ 12
//! assert_eq!(quote.payout, Decimal::new(1208775, 2));
//! assert_eq!(quote.maturity_date, chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap());
//! assert_eq!(quote.closure, Closure::Maturity);
//! assert_eq!(quote.schedule[0].status, Status::Paid);
//! assert!(quote.to_json().contains(r#""payout":"12087.75""#));
//! # Ok::<(), savings_plan::Error>(())
//! ```
//!
//! ## The JSON path
//!
//! The page and the WebAssembly facade speak the contract's JSON documents
//! (CONTRACT.md): [`contract`] holds those entry points — `calculate`,
//! `compare`, `reconcile`, `advise`, `payouts`, `solve_installment`,
//! `validate_product`, `catalog` — each taking `serde_json::Value`s and returning a typed
//! result that writes itself as JSON text.
//!
//! ```
//! use savings_plan::contract::{self, ToJson};
//! use serde_json::json;
//!
//! let standard = &contract::catalog()[0];
//! let plan = json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "rate": "1.35" });
//! let text = contract::calculate(standard, &plan)?.to_json();
//! let result: serde_json::Value = serde_json::from_str(&text).unwrap();
//! assert_eq!(result["payout"], "12087.75");
//! assert_eq!(result["schedule"][11]["units"], "1");
//!
//! let error = contract::calculate(standard, &json!({ "start": "2025-01-15", "months": 12, "installment": "4.99" })).unwrap_err();
//! assert_eq!((error.code.as_str(), error.path.as_str()), ("BELOW_MINIMUM", "plan.installment"));
//! # Ok::<(), savings_plan::Error>(())
//! ```
//!
//! ## How a plan is priced
//!
//! Data flows one way through stages, each one module with typed input and
//! output (ARCHITECTURE.md):
//!
//! 1. **parse** — [`Product::parse`], [`Plan::parse`]: every field read with
//!    its path, every enum through its one table, every default from
//!    [`defaults`].
//! 2. **schedule and ledger** — due dates and maturity (month ends clamp,
//!    computed from the opening date), one entry per installment from the
//!    plan's events: paid, late (made up), missed.
//! 3. **missed** — the breach (`missed.breachAfter`) and all its effects
//!    (`missed.onBreach`: the rates later deposits earn, refused deposits),
//!    late fees, closure by the bank.
//! 4. **closure** — decided once: maturity, early, overdue or closed by the
//!    bank, the close date, and on an early close the early rate.
//! 5. **interest** — one function per method (monthly product 月积数, daily
//!    product 积数, compound), for the plan's installments and for renewals'
//!    lump sums alike; exact, no rounding.
//! 6. **overdue** — one formula, after the plan or after the last renewal.
//! 7. **renewal, protection, tax** — lump-sum renewals, the value-protection
//!    subsidy, interest tax by accrual period, TDS by financial year
//!    (`withholding`).
//! 8. **settle** — every rounding in one place: interest, subsidy, fees and
//!    tax at the product's scale, then the payout; yield and real payout.
//! 9. **explain** — the steps of "how we calculated", built from the
//!    stages' outputs.
//! 10. **quote** — the [`Quote`]; JSON formats only in [`Quote::to_json`].
//!
//! The same stages also run in a payout-only mode, [`payout`]: stages 1–8
//! up to the payout's rounding, without yield, explanation, schedule rows or
//! formatting. `advise` (one pricing per withdrawal month and product),
//! `payouts` (many plans), `solve_installment`'s search and `compare`'s
//! horizon values use it; its figures are `calculate`'s, always.

mod advise;
mod calendar;
mod catalog;
mod category;
mod closure;
mod compare;
pub mod contract;
mod error;
mod explain;
mod input;
mod interest;
mod json;
// The wasm facade's JSON reader (tested natively against serde_json).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod json_in;
mod ledger;
mod missed;
mod money;
mod overdue;
mod payouts;
mod plan;
mod price;
mod product;
mod protection;
mod quote;
mod reconcile;
mod renewal;
mod settle;
mod solve;
mod tax;
mod teller;
mod vocabulary;
mod withholding;
mod xirr;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use price::{payout, price, Payout};
pub use calendar::{add_months, format_date, parse_date};
pub use closure::{Closure, Early, EarlyRate};
pub use error::{Error, ErrorCode, Result};
pub use explain::ExplainKey;
pub use category::Category;
pub use interest::{AccrueTo, Bonus, BrokenPeriod, Compounding, DayCount, Method, MethodName};
pub use ledger::Status;
pub use missed::{Breach, BreachAfter, BreachTrigger, EarnsFrom, Missed, OnBreach};
pub use money::{Rounding, RoundingMode};
pub use overdue::{OverdueBase, OverdueRate};
pub use plan::{Event, Plan};
pub use product::defaults;
pub use product::{
    Carry, Limits, MaturityAction, Product, ProtectionKind, Renew, TaxStep, Term, ValueProtection, MAX_MONTHS,
};
pub use quote::{Assumption, AssumptionKey, Figure, Quote, Renewal, Row, Source, Step, Warning, WarningCode};
pub use teller::RateOverride;
pub use withholding::{Threshold, Withholding};
