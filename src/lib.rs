//! # savings-plan: exact 零存整取 and recurring-deposit calculations
//!
//! 零存整取 is China's fixed-installment savings: the same amount every
//! month, principal plus interest in one lump at maturity. Indian recurring
//! deposits and UK regular savers work alike. This crate prices such plans
//! exactly, to the 分, from a product definition (the bank's rules as data)
//! and a plan (the saver's scenario), both JSON documents of the public
//! contract (see the README). It is pure: no clock, no I/O, no globals, so
//! the same input gives the same output natively and in WebAssembly.
//!
//! Entry points: [`calculate`], [`compare`], [`reconcile`], [`solve_installment`],
//! [`validate_product`], [`catalog`].
//!
//! ```
//! use serde_json::json;
//! let products = savings_plan::catalog();
//! let plan = json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "rate": "1.35" });
//! let quote = savings_plan::calculate(&products[0], &plan).unwrap();
//! assert_eq!(quote.interest, "87.75");   // 1000 × 78 × 1.35% ÷ 12
//! assert_eq!(quote.payout, "12087.75");
//! ```

pub mod calendar;
mod calculate;
pub mod catalog;
mod compare;
pub mod error;
mod explain;
mod input;
mod interest;
pub mod json;
pub mod json_in;
mod ledger;
mod missed;
pub mod money;
pub mod plan;
pub mod product;
mod protection;
pub mod quote;
pub mod reconcile;
mod renewal;
mod settle;
mod solve;
pub mod tax;
pub mod teller;
mod xirr;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use calculate::{calculate, price, Closure};
pub use catalog::catalog;
pub use compare::{compare, parse_options, Compared, Comparison, Entry, Horizon, Options};
pub use error::{Error, ErrorCode, Result};
pub use product::{parse_product, validate_product};
pub use quote::Quote;
pub use reconcile::{reconcile, Reconciliation};
pub use solve::{solve_installment, Solution};
