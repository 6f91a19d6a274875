//! Writing result documents as JSON text, by hand.
//!
//! The wasm facade hands results to JavaScript as JSON text. serde_json's
//! serializer was a third of a `calculate` call in WebAssembly and a good
//! part of the `.wasm`; the result shapes are fixed, so they are written
//! here straight into one pre-sized `String`. A test checks that this text
//! parses to exactly what serde's derived `Serialize` gives.

use crate::compare::{Compared, Comparison, Entry};
use crate::error::Error;
use crate::quote::{Assumption, BreachRow, Cell, Quote, RenewalRow, Row, Step, Warning};
use crate::solve::Solution;

/// A value that can write itself as JSON.
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

/// Writes `{"k":v,…}` from (key, writer) pairs without intermediate allocation.
struct Object<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Object<'a> {
    fn new(out: &'a mut String) -> Object<'a> {
        out.push('{');
        Object { out, first: true }
    }
    fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\":");
        self.out
    }
    fn field<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) -> &mut Self {
        value.write_json(self.key(key));
        self
    }
    fn end(self) {
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

impl ToJson for Cell {
    fn write_json(&self, out: &mut String) {
        write_str(out, self.as_str());
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
        o.field("code", self.code.as_str()).field("path", &self.path).field("message", &self.message);
        o.end();
    }
}

impl ToJson for Warning {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("code", self.code).field("path", self.path).field("message", &self.message);
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

impl ToJson for Row {
    fn write_json(&self, out: &mut String) {
        let mut line = Line::new();
        line.put("{\"n\":");
        line.put(&self.n.to_string());
        line.put(",\"due\":\"");
        line.put(self.due.as_str());
        match &self.paid_on {
            Some(d) => {
                line.put("\",\"paidOn\":\"");
                line.put(d.as_str());
                line.put("\",\"amount\":\"");
            }
            None => line.put("\",\"paidOn\":null,\"amount\":\""),
        }
        line.put(self.amount.as_str());
        line.put("\",\"status\":\"");
        line.put(self.status);
        line.put("\",\"balance\":\"");
        line.put(self.balance.as_str());
        line.put("\",\"rate\":\"");
        line.put(self.rate.as_str());
        line.put("\",\"units\":\"");
        line.put(self.units.as_str());
        line.put("\"}");
        match line.as_str() {
            Some(text) => out.push_str(text),
            None => self.write_fields(out),
        }
    }
}

impl Row {
    /// The same row written field by field (never needed for engine text).
    fn write_fields(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("n", &self.n)
            .field("due", &self.due)
            .field("paidOn", &self.paid_on)
            .field("amount", &self.amount)
            .field("status", self.status)
            .field("balance", &self.balance)
            .field("rate", &self.rate)
            .field("units", &self.units);
        o.end();
    }
}

impl ToJson for RenewalRow {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("start", &self.start)
            .field("end", &self.end)
            .field("principal", &self.principal)
            .field("rate", &self.rate)
            .field("interest", &self.interest)
            .field("tax", &self.tax)
            .field("value", &self.value);
        o.end();
    }
}

impl ToJson for BreachRow {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("trigger", self.trigger)
            .field("installment", &self.installment)
            .field("date", &self.date)
            .field("effect", self.effect)
            .field("rate", &self.rate);
        o.end();
    }
}

impl ToJson for Assumption {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("key", self.key).field("value", &self.value).field("source", self.source);
        o.end();
    }
}

impl ToJson for Step {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("key", self.key).field("formula", &self.formula).field("value", &self.value);
        o.end();
    }
}

impl ToJson for Quote {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        self.write_fields(&mut o);
        o.end();
    }
}

impl Quote {
    /// The result's fields, into an object that may carry more (a comparison's entry).
    fn write_fields(&self, o: &mut Object<'_>) {
        o.out.reserve(160 + 130 * self.schedule.len() + 90 * self.explain.len());
        o.field("productId", &self.product_id)
            .field("currency", &self.currency)
            .field("contractRate", &self.contract_rate)
            .field("maturityDate", &self.maturity_date)
            .field("closeDate", &self.close_date)
            .field("closure", self.closure)
            .field("closeRate", &self.close_rate)
            .field("principal", &self.principal)
            .field("interest", &self.interest)
            .field("subsidy", &self.subsidy)
            .field("fees", &self.fees)
            .field("tax", &self.tax)
            .field("payout", &self.payout)
            .field("effectiveAnnualYield", &self.effective_annual_yield)
            .field("realPayout", &self.real_payout)
            .field("breach", &self.breach)
            .field("maturityPayout", &self.maturity_payout)
            .field("schedule", &self.schedule)
            .field("renewals", &self.renewals)
            .field("explain", &self.explain)
            .field("warnings", &self.warnings)
            .field("assumptions", &self.assumptions);
    }
}

impl ToJson for &'static str {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for Entry {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        self.result.write_fields(&mut o);
        o.field("comparable", &self.comparable)
            .field("best", &self.best)
            .field("horizonValue", &self.horizon_value)
            .field("horizonClosure", &self.horizon_closure)
            .field("differenceToBest", &self.difference_to_best);
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
        o.field("quoted", &self.quoted)
            .field("currency", &self.currency)
            .field("horizonDate", &self.horizon_date)
            .field("entries", &self.entries);
        o.end();
    }
}

impl ToJson for Solution {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("installment", &self.installment).field("result", &self.result);
        o.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_on_the_stack_equals_the_row_field_by_field() {
        use crate::quote::Cell;
        for paid_on in [Some(Cell::new("2025-01-15")), None] {
            let row = Row {
                n: 600,
                due: Cell::new("2025-01-15"),
                paid_on,
                amount: Cell::new("-7922816251426433759354395033.5"),
                status: "refused",
                balance: Cell::new("0.0000000000000000000000000001"),
                rate: Cell::new("999.99"),
                units: Cell::new("12.3333"),
            };
            let mut fast = String::new();
            row.write_json(&mut fast);
            let mut slow = String::new();
            row.write_fields(&mut slow);
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
