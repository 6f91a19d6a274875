//! The reconciliation as JSON text (CONTRACT.md §8.2), written by hand like
//! the result (src/json.rs): what the wasm facade hands to JavaScript.

use super::bank::{Bank, Cause};
use super::placement::Problem;
use super::{DepositRow, EventDoc, PlanDoc, Reconciliation};
use crate::json::ToJson;

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

impl ToJson for EventDoc {
    fn write_json(&self, out: &mut String) {
        Fields::new(out).put("n", &self.n).some("missed", &self.missed).some("paidOn", &self.paid_on).end();
    }
}

impl ToJson for PlanDoc {
    fn write_json(&self, out: &mut String) {
        Fields::new(out)
            .put("start", &self.start)
            .put("months", &self.months)
            .put("installment", &self.installment)
            .put("rate", &self.rate)
            .put("events", &self.events)
            .put("withdrawOn", &self.withdraw_on)
            .put("inflation", &self.inflation)
            .end();
    }
}

impl ToJson for DepositRow {
    fn write_json(&self, out: &mut String) {
        Fields::new(out)
            .put("index", &self.index)
            .put("date", &self.date)
            .put("amount", &self.amount)
            .put("installments", &self.installments)
            .put("status", self.status)
            .end();
    }
}

impl ToJson for Problem {
    fn write_json(&self, out: &mut String) {
        Fields::new(out).put("code", self.code.as_str()).put("path", &self.path).put("message", &self.message).end();
    }
}

impl ToJson for Cause {
    fn write_json(&self, out: &mut String) {
        let mut f = Fields::new(out);
        f.put("key", self.key)
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
