//! Comparing products for one plan: each product priced on its own, a
//! product that cannot take the plan gives an error entry (not a failure of
//! the whole call), and the best payout per currency is marked so the page
//! never does money arithmetic. Ties are all `best`.

use crate::contract::calculate;
use crate::error::{Error, ErrorCode, Result};
use crate::money::sub;
use crate::quote::Quote;
use serde_json::Value;

/// One position of a comparison.
#[derive(Clone, Debug, PartialEq)]
pub enum Compared {
    Quote(Box<Quote>),
    Error { error: Error },
}

/// Prices one plan under each product of a JSON array.
///
/// # Errors
/// `INVALID_TYPE` at `products` when it is not an array; problems of single
/// products are error entries in their position.
pub fn compare(products: &Value, plan: &Value) -> Result<Vec<Compared>> {
    let Value::Array(list) = products else {
        return Err(Error::new(ErrorCode::InvalidType, "products", "expected an array of product definitions"));
    };
    let mut out: Vec<Compared> = list
        .iter()
        .map(|p| match calculate(p, plan) {
            Ok(q) => Compared::Quote(Box::new(q)),
            Err(error) => Compared::Error { error },
        })
        .collect();
    mark_best(&mut out)?;
    Ok(out)
}

/// Sets `best` and `differenceToBest` within each currency.
pub fn mark_best(entries: &mut [Compared]) -> Result<()> {
    let quotes: Vec<(String, rust_decimal::Decimal)> = entries
        .iter()
        .filter_map(|e| match e {
            Compared::Quote(q) => Some((q.currency.clone(), q.payout)),
            Compared::Error { .. } => None,
        })
        .collect();
    for e in entries.iter_mut() {
        if let Compared::Quote(q) = e {
            let best = quotes
                .iter()
                .filter(|(c, _)| *c == q.currency)
                .map(|(_, p)| *p)
                .max()
                .unwrap_or(q.payout);
            q.best = Some(q.payout == best);
            q.difference_to_best = Some(sub(q.payout, best)?);
        }
    }
    Ok(())
}
