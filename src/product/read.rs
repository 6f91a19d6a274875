//! Reading the product's sections (`interest`, `rounding`, `missed`,
//! `early`, `overdue`, `maturity`, `valueProtection`, `tax`): every value
//! with its JSON path, every enum through its table, every absent field
//! from [`super::defaults`].

use super::{defaults, non_negative, opt_rate, rate, rate_or, Renew, TaxStep, ValueProtection, MAX_MONTHS};
use super::{Carry, MaturityAction, OverdueRate, ProtectionKind};
use crate::closure::Early;
use crate::error::{Error, ErrorCode};
use crate::input::{object, Obj, Problems};
use crate::interest::Method;
use crate::missed::{BreachAfter, BreachTrigger, Missed};
use crate::money::Rounding;
use crate::overdue::OverdueBase;
use crate::vocabulary::Vocabulary;
use rust_decimal::Decimal;

/// `interest`: the method and its options.
pub(super) fn interest(o: &Obj, p: &mut Problems) -> Option<Method> {
    let Some(i) = p.take(o.opt_object("interest"))? else { return Some(Method::MonthlyProduct) };
    let name = p.take(i.choice("method", defaults::METHOD))?;
    Method::read(&i, name, p)
}

/// `rounding`.
pub(super) fn rounding(o: &Obj, p: &mut Problems) -> Option<Rounding> {
    let d = defaults::ROUNDING;
    let Some(r) = p.take(o.opt_object("rounding"))? else { return Some(d) };
    r.only(&["scale", "mode", "payoutScale"], p);
    let scale = p.take(r.int_or("scale", d.scale, 0, 10));
    let mode = p.take(r.choice("mode", d.mode));
    let payout_scale = p.take(r.opt_int("payoutScale", d.payout_scale, 0, 10));
    Some(Rounding { scale: scale?, mode: mode?, payout_scale: payout_scale? })
}

/// `missed.breachAfter`: exactly one of its kinds, or null.
fn breach_after(m: &Obj, p: &mut Problems) -> Option<Option<BreachAfter>> {
    let Some(v) = m.get("breachAfter") else { return Some(defaults::MISSED.breach_after) };
    if v.is_null() {
        return Some(None);
    }
    let b = p.take(object(v, &m.at("breachAfter")))?;
    b.only(BreachTrigger::NAMES, p);
    let present: Vec<BreachTrigger> = BreachTrigger::ALL.iter().copied().filter(|k| b.get(k.as_str()).is_some()).collect();
    let [trigger] = present[..] else {
        p.push(Error::new(
            ErrorCode::InvalidValue,
            m.at("breachAfter"),
            format!("breachAfter takes exactly one of {} (or null)", BreachTrigger::names()),
        ));
        return None;
    };
    let n = p.take(b.int_or(trigger.as_str(), 1, 1, MAX_MONTHS))?;
    Some(Some(BreachAfter { trigger, n }))
}

/// `missed`.
pub(super) fn missed(o: &Obj, p: &mut Problems) -> Option<Missed> {
    let d = defaults::MISSED;
    let Some(m) = p.take(o.opt_object("missed"))? else { return Some(d) };
    m.only(
        &["makeUpWithinMonths", "makeUpEarnsFrom", "breachAfter", "onBreach", "lateFeePer100PerMonth", "closeAfterConsecutive"],
        p,
    );
    let make_up_within = p.take(m.opt_int("makeUpWithinMonths", d.make_up_within, 0, MAX_MONTHS));
    let earns_from = p.take(m.choice("makeUpEarnsFrom", d.earns_from));
    let breach_after = breach_after(&m, p);
    let on_breach = p.take(m.choice("onBreach", d.on_breach));
    let late_fee = p.take(
        m.decimal_or("lateFeePer100PerMonth", d.late_fee_per_100)
            .and_then(|fee| non_negative(fee, m.at("lateFeePer100PerMonth"))),
    );
    let close = p.take(m.opt_int("closeAfterConsecutive", d.close_after_consecutive, 1, MAX_MONTHS));
    Some(Missed {
        make_up_within: make_up_within?,
        earns_from: earns_from?,
        breach_after: breach_after?,
        on_breach: on_breach?,
        late_fee_per_100: late_fee?,
        close_after_consecutive: close?,
    })
}

/// `early.heldRates`, kept in order of months as they are read.
fn held_rates(e: &Obj, p: &mut Problems) -> Option<Vec<(u32, Decimal)>> {
    let mut held_rates = Vec::new();
    let mut ok = true;
    if let Some(list) = p.take(e.opt_array("heldRates")).flatten() {
        for (i, item) in list.iter().enumerate() {
            let path = format!("{}[{i}]", e.at("heldRates"));
            let Some(h) = p.take(object(item, &path)) else {
                ok = false;
                continue;
            };
            h.only(&["months", "rate"], p);
            let months = p.take(h.int("months", 0, MAX_MONTHS));
            match (months, p.take(rate(&h, "rate"))) {
                (Some(m), Some(r)) => {
                    let at = held_rates.partition_point(|(k, _): &(u32, Decimal)| *k <= m);
                    held_rates.insert(at, (m, r));
                }
                _ => ok = false,
            }
        }
    }
    ok.then_some(held_rates)
}

/// `early`.
pub(super) fn early(o: &Obj, p: &mut Problems) -> Option<Early> {
    let d = defaults::EARLY;
    let Some(e) = p.take(o.opt_object("early"))? else { return Some(d) };
    e.only(&["allowed", "minMonths", "rate", "penalty", "heldRates", "savingsRate"], p);
    let allowed = p.take(e.bool_or("allowed", d.allowed));
    let min_months = p.take(e.int_or("minMonths", d.min_months, 0, MAX_MONTHS));
    let rate = p.take(e.choice("rate", d.rate));
    let penalty = p.take(rate_or(&e, "penalty", d.penalty));
    let held_rates = held_rates(&e, p);
    let savings_rate = p.take(opt_rate(&e, "savingsRate"));
    let held_rates = held_rates?;
    Some(Early {
        allowed: allowed?,
        min_months: min_months?,
        rate: rate?,
        penalty: penalty?,
        held_rates,
        savings_rate: savings_rate?,
    })
}

/// `overdue`: the rate (demand) and the base.
pub(super) fn overdue(o: &Obj, p: &mut Problems) -> Option<OverdueBase> {
    let Some(d) = p.take(o.opt_object("overdue"))? else { return Some(defaults::OVERDUE_BASE) };
    d.only(&["rate", "base"], p);
    let _: OverdueRate = p.take(d.choice("rate", defaults::OVERDUE_RATE))?;
    p.take(d.choice("base", defaults::OVERDUE_BASE))
}

/// `maturity`: pay out, or renew.
pub(super) fn maturity(o: &Obj, p: &mut Problems) -> Option<Option<Renew>> {
    let Some(m) = p.take(o.opt_object("maturity"))? else { return Some(None) };
    if p.take(m.choice("action", defaults::MATURITY_ACTION))? == MaturityAction::Payout {
        m.only(&["action"], p);
        return Some(None);
    }
    m.only(&["action", "renew"], p);
    let Some(r) = p.take(m.opt_object("renew"))? else {
        p.push(Error::new(ErrorCode::MissingField, m.at("renew"), "action renew needs renew: { months, … }"));
        return None;
    };
    r.only(&["months", "rate", "times", "carry"], p);
    let months = p.take(r.int("months", 1, MAX_MONTHS));
    let rate = p.take(opt_rate(&r, "rate"));
    let times = p.take(r.int_or("times", defaults::RENEW_TIMES, 1, 100));
    let carry: Option<Carry> = p.take(r.choice("carry", defaults::CARRY));
    Some(Some(Renew { months: months?, rate: rate?, times: times?, carry: carry? }))
}

/// `valueProtection`: exactly one of its kinds, or null.
pub(super) fn value_protection(o: &Obj, p: &mut Problems) -> Option<Option<ValueProtection>> {
    let Some(v) = p.take(o.nullable_object("valueProtection"))? else { return Some(None) };
    v.only(ProtectionKind::NAMES, p);
    let present: Vec<ProtectionKind> = ProtectionKind::ALL.iter().copied().filter(|k| v.get(k.as_str()).is_some()).collect();
    let [kind] = present[..] else {
        p.push(Error::new(
            ErrorCode::InvalidValue,
            o.at("valueProtection"),
            format!("valueProtection takes exactly one of {} (or null)", ProtectionKind::names()),
        ));
        return None;
    };
    let r = p.take(rate(&v, kind.as_str()))?;
    Some(Some(match kind {
        ProtectionKind::SubsidyRate => ValueProtection::SubsidyRate(r),
        ProtectionKind::Inflation => ValueProtection::Inflation(r),
    }))
}

/// `tax`: the rates in force from each date, in date order.
pub(super) fn tax(o: &Obj, p: &mut Problems) -> Option<Vec<TaxStep>> {
    let Some(list) = p.take(o.opt_array("tax"))? else { return Some(Vec::new()) };
    let mut steps: Vec<TaxStep> = Vec::with_capacity(list.len());
    let mut ok = true;
    for (i, item) in list.iter().enumerate() {
        let path = format!("{}[{i}]", o.at("tax"));
        let Some(t) = p.take(object(item, &path)) else {
            ok = false;
            continue;
        };
        t.only(&["from", "rate"], p);
        let from = p.take(t.date("from"));
        let r = p.take(rate(&t, "rate")).and_then(|r| {
            if r > Decimal::ONE_HUNDRED {
                p.push(Error::new(ErrorCode::InvalidValue, t.at("rate"), "a tax rate is at most 100"));
                None
            } else {
                Some(r)
            }
        });
        match (from, r) {
            (Some(from), Some(rate)) => {
                if steps.last().is_some_and(|s| s.from >= from) {
                    p.push(Error::new(ErrorCode::InvalidValue, t.at("from"), "tax entries must be in date order"));
                    ok = false;
                }
                steps.push(TaxStep { from, rate });
            }
            _ => ok = false,
        }
    }
    ok.then_some(steps)
}
