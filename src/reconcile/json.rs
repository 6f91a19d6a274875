//! The reconciliation as JSON text (CONTRACT.md §8.2), written by hand like
//! the result (src/json.rs): what the wasm facade hands to JavaScript.

use super::bank::{Bank, Cause};
use super::placement::{Placed, Problem};
use super::Reconciliation;
use crate::calendar::DateText;
use crate::json::ToJson;
use crate::money::plain_digits;
use crate::plan::{Event, Plan};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// `{"k":v,…}`; `some` leaves a field out when it is `None`.
struct Fields<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Fields<'a> {
    fn new(out: &'a mut String) -> Fields<'a> {
        out.push('{');
        Fields { out, first: true }
    }

    fn put<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) -> &mut Self {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\":");
        value.write_json(self.out);
        self
    }

    fn some<T: ToJson>(&mut self, key: &str, value: &Option<T>) -> &mut Self {
        if value.is_some() {
            self.put(key, value);
        }
        self
    }

    fn end(&mut self) {
        self.out.push('}');
    }
}

/// A date as `YYYY-MM-DD`, a decimal without trailing zeros.
struct Date(NaiveDate);
struct Plain(Decimal);

impl ToJson for Date {
    fn write_json(&self, out: &mut String) {
        DateText::of(self.0).as_str().write_json(out);
    }
}

impl ToJson for Plain {
    fn write_json(&self, out: &mut String) {
        plain_digits(self.0).as_str().write_json(out);
    }
}

/// `{"n":5,"missed":true}` or `{"n":6,"paidOn":"2025-07-10"}`.
impl ToJson for Event {
    fn write_json(&self, out: &mut String) {
        let mut f = Fields::new(out);
        f.put("n", &self.n);
        if self.missed {
            f.put("missed", &true);
        }
        f.some("paidOn", &self.paid_on.map(Date)).some("amount", &self.amount.map(Plain)).end();
    }
}

/// The plan with every field written out.
impl ToJson for Plan {
    fn write_json(&self, out: &mut String) {
        Fields::new(out)
            .put("start", &Date(self.start))
            .put("months", &self.months)
            .put("installment", &Plain(self.installment))
            .put("rate", &self.rate.map(Plain))
            .put("events", &self.events)
            .put("withdrawOn", &self.withdraw_on.map(Date))
            .put("inflation", &self.inflation.map(Plain))
            .end();
    }
}

impl ToJson for Placed {
    fn write_json(&self, out: &mut String) {
        Fields::new(out)
            .put("index", &u32::try_from(self.index).unwrap_or(u32::MAX))
            .put("date", &Date(self.date))
            .put("amount", &Plain(self.amount))
            .put("installments", &self.installments)
            .put("status", self.status.as_str())
            .end();
    }
}

impl ToJson for Problem {
    fn write_json(&self, out: &mut String) {
        Fields::new(out).put("code", self.code.as_str()).put("path", &self.path).put("message", self.message).end();
    }
}

impl ToJson for Cause {
    fn write_json(&self, out: &mut String) {
        let mut f = Fields::new(out);
        f.put("key", self.key.as_str())
            .some("value", &self.value)
            .some("expected", &self.expected)
            .some("payoutScale", &self.payout_scale)
            .some("amount", &self.amount)
            .some("installment", &self.installment)
            .some("date", &self.date)
            .some("trigger", &self.trigger.map(String::from))
            .some("effect", &self.effect.map(String::from))
            .some("payout", &self.payout)
            .put("message", self.message);
        f.end();
    }
}

impl ToJson for Bank {
    fn write_json(&self, out: &mut String) {
        Fields::new(out)
            .put("payout", &self.payout)
            .put("difference", &self.difference)
            .put("explain", &self.explain)
            .end();
    }
}

impl ToJson for Reconciliation {
    fn write_json(&self, out: &mut String) {
        out.reserve(512 + 80 * self.deposits.len());
        Fields::new(out)
            .put("plan", &self.plan)
            .put("result", &self.result)
            .put("deposits", &self.deposits)
            .put("problems", &self.problems)
            .put("bank", &self.bank)
            .end();
    }
}

impl Reconciliation {
    /// The contract's JSON text of this reconciliation.
    pub fn to_json(&self) -> String {
        ToJson::to_json(self)
    }
}
