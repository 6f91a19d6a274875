//! Writing results as the contract's JSON text, by hand.
//!
//! This is where the contract's formats are applied: money fixed to the
//! product's scale (`"12000.00"`), rates, units and amounts plain
//! (`"1.35"`), dates `YYYY-MM-DD`, enums as their table spelling. Digits go
//! from the typed values straight into the output (through small stack
//! buffers), with no text kept in between. serde_json's serializer was a
//! third of a `calculate` call in WebAssembly and a good part of the
//! `.wasm`; the result shapes are fixed, so they are written here into one
//! pre-sized `String`.

use crate::calendar::DateText;
use crate::compare::{Compared, Comparison, Entry};
use crate::error::Error;
use crate::money::{fixed_digits, plain_digits, Digits};
use crate::quote::{Assumption, Breach, Figure, Quote, Renewal, Row, Step, Warning};
use crate::solve::Solution;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A value that can write itself as the contract's JSON.
pub trait ToJson {
    fn write_json(&self, out: &mut String);

    /// The JSON text.
    fn to_json(&self) -> String {
        let mut out = String::with_capacity(1024);
        self.write_json(&mut out);
        out
    }
}

/// Writes a JSON string literal, escaping what JSON requires.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape: Option<&str> = match b {
            b'"' => Some("\\\""),
            b'\\' => Some("\\\\"),
            b'\n' => Some("\\n"),
            b'\r' => Some("\\r"),
            b'\t' => Some("\\t"),
            0..=0x1f => None,
            _ => continue,
        };
        // `get`, not indexing: the cut is at an ASCII byte, and indexing would
        // bring in the char-boundary panic machinery.
        out.push_str(s.get(start..i).unwrap_or_default());
        match escape {
            Some(e) => out.push_str(e),
            None => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xf)]));
            }
        }
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

/// Writes engine text that needs no escaping (digits, dates, table words) as a string.
pub(crate) fn write_word(out: &mut String, word: &str) {
    out.push('"');
    out.push_str(word);
    out.push('"');
}

/// Writes `{"k":v,…}` key by key without intermediate allocation.
pub(crate) struct Object<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Object<'a> {
    pub(crate) fn new(out: &'a mut String) -> Object<'a> {
        out.push('{');
        Object { out, first: true }
    }
    pub(crate) fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\":");
        self.out
    }
    pub(crate) fn field<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) -> &mut Self {
        value.write_json(self.key(key));
        self
    }
    pub(crate) fn text(&mut self, key: &str, value: &str) -> &mut Self {
        write_str(self.key(key), value);
        self
    }
    pub(crate) fn word(&mut self, key: &str, value: &str) -> &mut Self {
        write_word(self.key(key), value);
        self
    }
    pub(crate) fn date(&mut self, key: &str, value: NaiveDate) -> &mut Self {
        self.word(key, DateText::of(value).as_str())
    }
    pub(crate) fn plain(&mut self, key: &str, value: Decimal) -> &mut Self {
        self.word(key, plain_digits(value).as_str())
    }
    pub(crate) fn fixed(&mut self, key: &str, value: Decimal, scale: u32) -> &mut Self {
        self.word(key, fixed_digits(value, scale).as_str())
    }
    pub(crate) fn opt_fixed(&mut self, key: &str, value: Option<Decimal>, scale: u32) -> &mut Self {
        match value {
            Some(v) => self.fixed(key, v, scale),
            None => self.null(key),
        }
    }
    pub(crate) fn null(&mut self, key: &str) -> &mut Self {
        self.key(key).push_str("null");
        self
    }
    pub(crate) fn end(self) {
        self.out.push('}');
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for u32 {
    fn write_json(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            v.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl ToJson for Error {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.word("code", self.code.as_str()).text("path", &self.path).text("message", &self.message);
        o.end();
    }
}

impl ToJson for Warning {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.word("code", self.code().as_str()).text("path", self.path()).text("message", &self.message());
        o.end();
    }
}

/// A schedule row laid out on the stack and appended in one piece: a 60-row
/// schedule is most of a result, and piecewise appends were a quarter of a
/// `calculate` call in WebAssembly. Every part is engine text that needs no
/// escaping (digits, dates, status words), and a row is at most ~220 bytes.
struct Line {
    bytes: [u8; 384],
    len: usize,
    overflow: bool,
}

impl Line {
    fn new() -> Line {
        Line { bytes: [0; 384], len: 0, overflow: false }
    }

    fn put(&mut self, text: &str) {
        match self.bytes.get_mut(self.len..self.len + text.len()) {
            Some(dst) => {
                dst.copy_from_slice(text.as_bytes());
                self.len += text.len();
            }
            None => self.overflow = true,
        }
    }

    fn as_str(&self) -> Option<&str> {
        if self.overflow {
            return None;
        }
        self.bytes.get(..self.len).and_then(|b| std::str::from_utf8(b).ok())
    }
}

/// The last figure written and its text: amount and rate repeat from row to
/// row, so each is turned into digits once per change.
struct Repeated(Option<(Decimal, Digits)>);

impl Repeated {
    fn plain(&mut self, value: Decimal) -> Digits {
        match self.0 {
            Some((last, text)) if last == value => text,
            _ => {
                let text = plain_digits(value);
                self.0 = Some((value, text));
                text
            }
        }
    }
}

/// The schedule rows, each through a [`Line`].
struct Schedule<'a>(&'a [Row]);

impl ToJson for Schedule<'_> {
    fn write_json(&self, out: &mut String) {
        let (mut amount, mut rate) = (Repeated(None), Repeated(None));
        out.push('[');
        for (i, row) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let mut line = Line::new();
            row.write_line(&mut line, amount.plain(row.amount).as_str(), rate.plain(row.rate).as_str());
            match line.as_str() {
                Some(text) => out.push_str(text),
                None => row.write_fields(out),
            }
        }
        out.push(']');
    }
}

impl Row {
    /// The units as shown: at most 4 places.
    fn units_shown(&self) -> Digits {
        plain_digits(self.units.round_dp(4))
    }

    fn write_line(&self, line: &mut Line, amount: &str, rate: &str) {
        line.put("{\"n\":");
        line.put(&self.n.to_string());
        line.put(",\"due\":\"");
        line.put(DateText::of(self.due).as_str());
        match self.paid_on {
            Some(d) => {
                line.put("\",\"paidOn\":\"");
                line.put(DateText::of(d).as_str());
                line.put("\",\"amount\":\"");
            }
            None => line.put("\",\"paidOn\":null,\"amount\":\""),
        }
        line.put(amount);
        line.put("\",\"status\":\"");
        line.put(self.status.as_str());
        line.put("\",\"balance\":\"");
        line.put(plain_digits(self.balance).as_str());
        line.put("\",\"rate\":\"");
        line.put(rate);
        line.put("\",\"units\":\"");
        line.put(self.units_shown().as_str());
        line.put("\"}");
    }

    /// The same row written field by field (never needed for engine text).
    fn write_fields(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("n", &self.n).date("due", self.due);
        match self.paid_on {
            Some(d) => o.date("paidOn", d),
            None => o.field("paidOn", &None::<u32>),
        };
        o.plain("amount", self.amount)
            .word("status", self.status.as_str())
            .plain("balance", self.balance)
            .plain("rate", self.rate)
            .word("units", self.units_shown().as_str());
        o.end();
    }
}

/// Renewals at the product's scale.
struct Renewals<'a>(&'a [Renewal], u32);

impl ToJson for Renewals<'_> {
    fn write_json(&self, out: &mut String) {
        let scale = self.1;
        out.push('[');
        for (i, r) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let mut o = Object::new(out);
            o.date("start", r.start)
                .date("end", r.end)
                .fixed("principal", r.principal, scale)
                .plain("rate", r.rate)
                .fixed("interest", r.interest, scale)
                .fixed("tax", r.tax, scale)
                .fixed("value", r.value, scale);
            o.end();
        }
        out.push(']');
    }
}

impl ToJson for Breach {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.word("trigger", self.trigger.as_str())
            .field("installment", &self.installment)
            .date("date", self.date)
            .word("effect", self.effect.as_str());
        match self.rate {
            Some(r) => o.plain("rate", r),
            None => o.null("rate"),
        };
        o.end();
    }
}

impl ToJson for Assumption {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.word("key", self.key.as_str())
            .fixed("value", self.value, self.value.scale())
            .word("source", self.source.as_str());
        o.end();
    }
}

impl ToJson for Step {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.word("key", self.key.as_str()).text("formula", &self.formula);
        match self.value {
            Figure::Fixed(v, places) => o.fixed("value", v, places),
            Figure::Plain(v, places) => o.plain("value", v.round_dp(places)),
            Figure::Date(d) => o.date("value", d),
        };
        o.end();
    }
}

impl Quote {
    /// The contract's fields, in the contract's order, into an open object.
    fn write_fields(&self, o: &mut Object) {
        let (scale, payout_scale) = (self.scale, self.payout_scale);
        o.text("productId", &self.product_id)
            .text("currency", &self.currency)
            .plain("contractRate", self.contract_rate)
            .date("maturityDate", self.maturity_date)
            .date("closeDate", self.close_date)
            .word("closure", self.closure.as_str());
        match self.close_rate {
            Some(r) => o.plain("closeRate", r),
            None => o.null("closeRate"),
        };
        o.fixed("principal", self.principal, scale)
            .fixed("interest", self.interest, scale)
            .fixed("subsidy", self.subsidy, scale)
            .fixed("fees", self.fees, scale)
            .fixed("tax", self.tax, scale)
            .fixed("payout", self.payout, payout_scale)
            .opt_fixed("effectiveAnnualYield", self.effective_annual_yield, 2)
            .opt_fixed("realPayout", self.real_payout, scale)
            .field("breach", &self.breach)
            .opt_fixed("maturityPayout", self.maturity_payout, payout_scale)
            .field("schedule", &Schedule(&self.schedule))
            .field("renewals", &Renewals(&self.renewals, scale))
            .field("explain", &self.explain)
            .field("warnings", &self.warnings)
            .field("assumptions", &self.assumptions);
    }
}

impl ToJson for Quote {
    fn write_json(&self, out: &mut String) {
        out.reserve(160 + 130 * self.schedule.len() + 90 * self.explain.len());
        let mut o = Object::new(out);
        self.write_fields(&mut o);
        o.end();
    }
}

impl ToJson for Entry {
    fn write_json(&self, out: &mut String) {
        let q = &self.result;
        out.reserve(260 + 130 * q.schedule.len() + 90 * q.explain.len());
        let mut o = Object::new(out);
        q.write_fields(&mut o);
        o.field("comparable", &self.comparable).field("best", &self.best).opt_fixed("horizonValue", self.horizon_value, q.payout_scale);
        match self.horizon_closure {
            Some(c) => o.word("horizonClosure", c.as_str()),
            None => o.null("horizonClosure"),
        };
        o.opt_fixed("differenceToBest", self.difference_to_best, q.payout_scale);
        o.end();
    }
}

impl ToJson for Compared {
    fn write_json(&self, out: &mut String) {
        match self {
            Compared::Result(entry) => entry.write_json(out),
            Compared::Error { product_id, error } => {
                let mut o = Object::new(out);
                o.field("productId", product_id).field("error", error);
                o.end();
            }
        }
    }
}

impl ToJson for Comparison {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("quoted", &self.quoted).field("currency", &self.currency);
        match self.horizon_date {
            Some(d) => o.date("horizonDate", d),
            None => o.null("horizonDate"),
        };
        o.field("entries", &self.entries);
        o.end();
    }
}

impl ToJson for Solution {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.plain("installment", self.installment).field("result", &self.result);
        o.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::parse_date;

    #[test]
    fn a_row_on_the_stack_equals_the_row_field_by_field() {
        for paid_on in [parse_date("2025-01-15"), None] {
            let row = Row {
                n: 600,
                due: parse_date("2025-01-15").unwrap(),
                paid_on,
                amount: "-7922816251426433759354395033.5".parse().unwrap(),
                status: crate::ledger::Status::Refused,
                balance: "0.0000000000000000000000000001".parse().unwrap(),
                rate: "999.99".parse().unwrap(),
                units: "12.33333".parse().unwrap(),
            };
            let mut fast = String::new();
            Schedule(std::slice::from_ref(&row)).write_json(&mut fast);
            let mut slow = String::from("[");
            row.write_fields(&mut slow);
            slow.push(']');
            assert_eq!(fast, slow);
        }
    }

    #[test]
    fn escapes_like_json() {
        let mut out = String::new();
        write_str(&mut out, "a\"b\\c\n\u{1}零<img>");
        assert_eq!(out, r#""a\"b\\c\n\u0001零<img>""#);
    }
}
