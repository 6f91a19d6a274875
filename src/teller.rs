//! What a product tells the bank's counter: the disclosure a printed quote
//! carries, and how far a teller's negotiated rate (`plan.rate`, 柜员议价利率)
//! may go before the engine warns.
//!
//! Both are optional product fields (CONTRACT.md §8: new fields default to
//! the old behaviour):
//!
//! - `disclosure`: the bank's own statement for this product (deposit
//!   insurance, who the issuer is), a string or `{ "zh-CN": …, "en": … }`;
//!   each text at most [`MAX_DISCLOSURE_CHARS`] characters, so that a quote
//!   with its disclosure still prints on one A4 page.
//! - `rateOverride`: `{ "label": { "zh-CN": "柜员议价利率", "en": … },
//!   "margin": "0.50" }`: the bank's word for a negotiated rate (the page's
//!   own word when absent) and the percentage points above the product's
//!   highest term rate a teller may go without a `RATE_OVERRIDE_HIGH`
//!   warning (default 0: any rate above the highest listed one warns).
//!
//! ```
//! use savings_plan::Product;
//! let json = serde_json::json!({
//!     "schema": 1, "id": "mine", "currency": "CNY",
//!     "terms": [{ "months": 12, "rate": "1.35" }, { "months": 36, "rate": "1.75" }], "demandRate": "0.05",
//!     "rateOverride": { "label": { "zh-CN": "柜员议价利率" }, "margin": "0.50" }
//! });
//! let product = Product::parse(&json).unwrap();
//! assert_eq!(product.rate_override.ceiling(&product.terms).to_string(), "2.25");
//! let long = serde_json::json!({ "schema": 1, "id": "x", "currency": "CNY",
//!     "terms": [{ "months": 12, "rate": "1" }], "demandRate": "0", "disclosure": { "en": "" } });
//! assert_eq!(Product::parse(&long).unwrap_err().path, "product.disclosure.en");
//! ```

use crate::error::{Error, ErrorCode};
use crate::input::{quoted, Obj, Problems};
use crate::product::Term;
use crate::quote::Warning;
use rust_decimal::Decimal;
use serde_json::Value;

/// Longest disclosure per language, in characters (a quote is one A4 page).
pub const MAX_DISCLOSURE_CHARS: usize = 600;
/// Longest word for a negotiated rate, in characters (it labels a figure).
const MAX_LABEL_CHARS: usize = 40;
/// Highest margin accepted, in percentage points (rates themselves stop at 1000).
const MAX_MARGIN: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);

/// How far a teller's rate may go above the product's rates without a warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct RateOverride {
    /// Percentage points above the highest term rate.
    pub margin: Decimal,
}

impl RateOverride {
    /// The highest teller rate that does not warn: the highest term rate plus the margin.
    pub fn ceiling(&self, terms: &[Term]) -> Decimal {
        let top = terms.iter().map(|t| t.rate).max().unwrap_or_default();
        // Both are at most 1000, so the sum cannot overflow; checked_add all the same,
        // because `+` would bring the panic machinery into the wasm (kilobytes).
        top.checked_add(self.margin).unwrap_or(Decimal::MAX)
    }

    /// `RATE_OVERRIDE_HIGH` when the teller's rate is above the ceiling.
    pub fn warning(&self, terms: &[Term], rate: Option<Decimal>) -> Option<Warning> {
        let teller = rate?;
        let ceiling = self.ceiling(terms);
        (teller > ceiling).then_some(Warning::RateOverrideHigh { teller, ceiling, margin: self.margin })
    }
}

/// Checks `disclosure`: a string or an object of language tag → text, each
/// text non-empty and at most [`MAX_DISCLOSURE_CHARS`] characters.
pub fn read_disclosure(o: &Obj, p: &mut Problems) {
    read_localized(o, "disclosure", MAX_DISCLOSURE_CHARS, p);
}

/// Reads `rateOverride` (absent: no label of the bank's own, margin 0).
pub fn read_rate_override(o: &Obj, p: &mut Problems) -> Option<RateOverride> {
    let Some(r) = p.take(o.opt_object("rateOverride"))? else { return Some(RateOverride::default()) };
    r.only(&["label", "margin"], p);
    read_localized(&r, "label", MAX_LABEL_CHARS, p);
    let margin = p.take(r.decimal_or("margin", Decimal::ZERO))?;
    if margin < Decimal::ZERO || margin > MAX_MARGIN {
        p.push(Error::new(ErrorCode::InvalidValue, r.at("margin"), "a margin is percentage points from 0 to 1000"));
        return None;
    }
    Some(RateOverride { margin })
}

/// A text of the product in one or several languages, each checked for type,
/// emptiness and length; language tags look like BCP 47 (`zh-CN`, `en`).
fn read_localized(o: &Obj, key: &str, max_chars: usize, p: &mut Problems) {
    let check = |text: &str, path: String, p: &mut Problems| {
        if text.trim().is_empty() {
            p.push(Error::new(ErrorCode::InvalidValue, path, format!("{key} must not be empty")));
        } else if chars(text) > max_chars {
            p.push(Error::new(ErrorCode::InvalidValue, path, format!("{key} is at most {max_chars} characters")));
        }
    };
    match o.get(key) {
        None => {}
        Some(Value::String(s)) => check(s, o.at(key), p),
        Some(Value::Object(map)) if map.is_empty() => {
            p.push(Error::new(ErrorCode::InvalidValue, o.at(key), format!("{key} needs at least one language")));
        }
        Some(Value::Object(map)) => {
            for (lang, text) in map {
                let path = format!("{}.{lang}", o.at(key));
                if !is_language_tag(lang) {
                    p.push(Error::new(
                        ErrorCode::InvalidValue,
                        path,
                        format!("{} is not a language tag like \"zh-CN\" or \"en\"", quoted(lang)),
                    ));
                } else if let Value::String(s) = text {
                    check(s, path, p);
                } else {
                    p.push(Error::new(ErrorCode::InvalidType, path, "each language's text is a string"));
                }
            }
        }
        Some(_) => p.push(Error::new(
            ErrorCode::InvalidType,
            o.at(key),
            format!("{key} is a string or an object of language → string"),
        )),
    }
}

/// `en`, `zh-CN`, `en-IN`, `zh-Hant-TW`: a 2–3 letter language, then 2–8 character subtags.
/// (Byte loops rather than `str::split` and `chars().count()`: each of those brings
/// its own search or counting routine into the wasm.)
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.as_bytes().split(|b| *b == b'-');
    let lang_ok = parts.next().is_some_and(|l| (2..=3).contains(&l.len()) && l.iter().all(u8::is_ascii_alphabetic));
    lang_ok && parts.all(|s| (2..=8).contains(&s.len()) && s.iter().all(u8::is_ascii_alphanumeric))
}

/// Characters of a text (UTF-8 lead bytes).
fn chars(text: &str) -> usize {
    text.bytes().filter(|b| (b & 0xC0) != 0x80).count()
}
