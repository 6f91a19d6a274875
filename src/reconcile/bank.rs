//! The bank's figure beside the product's: the difference and its likely cause.
//!
//! A bank explains a payout by the rule it applied: "your account was
//! breached after the missed May installment", "we withheld 20% tax", "a
//! late fee of 1.50 per 100 per month", "your contract rate is 1.10%". So
//! each cause is a *hypothesis priced by the engine*: the same plan under
//! the product with one rule changed. A hypothesis is reported only when it
//! reproduces the bank's figure exactly, to the cent; several may, and they
//! come in the order a bank would name them:
//!
//! 1. the breach: the bank did not apply ours (`noBreach`), or applied one
//!    after another missed installment or with another effect (`breach`);
//! 2. a longer make-up window, which places deposits we could not, or
//!    makes up misses we left open (`makeUpWindow`);
//! 3. a late fee per 100 per month on the made-up installments (`lateFee`);
//! 4. tax at one rate on all the interest (`tax`);
//! 5. another rounding of interest or payout (`rounding`);
//! 6. another contract rate (`rate`) or demand rate (`demandRate`).
//!
//! Values are searched by bisection on a grid of 0.01 (the payout only
//! rises with a rate and only falls with a tax or fee) and named only when
//! they are as round as banks quote them: rates to two places up to 100%,
//! tax rates in whole or half percents up to 50%, late fees per 100 per
//! month to two places up to 10. Of the values that reproduce the figure
//! the roundest is named (6 before 6.25), then the lowest. A rate found by
//! fitting to the cent is no explanation, so a tax of 21.13% is not offered.
//! Breach hypotheses: each trigger for the first three misses, with each
//! effect. When no cause reproduces the figure:
//! `unexplained`, after `ignoredDeposits` when the statement had deposits
//! the product's rules could not place (the bank may have counted them).

use crate::price::price;
use crate::calendar::format_date;
use crate::closure::Closure;
use crate::error::Result;
use crate::ledger::Status;
use crate::vocabulary::vocabulary;
use crate::money::{fixed, plain, sub, RoundingMode};
use crate::plan::Plan;
use crate::missed::{BreachAfter, BreachTrigger, OnBreach};
use crate::product::{Product, TaxStep};
use crate::quote::Quote;
use crate::reconcile::placement::{DepositStatus, Placement, ProblemCode};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The bank's payout, the difference to the product's, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Bank {
    pub payout: String,
    /// `bankPayout − result.payout`.
    pub difference: String,
    pub explain: Vec<Cause>,
}

/// One cause that reproduces the bank's figure (or says none does).
///
/// `key`: `agrees` | `noBreach` | `breach` | `makeUpWindow` | `lateFee` | `tax` | `rounding`
/// | `rate` | `demandRate` | `ignoredDeposits` | `unexplained`. Only the
/// fields a key needs are present; `message` is one fixed sentence per key
/// (the page words it with the fields, in the reader's language).
#[derive(Clone, Debug, PartialEq)]
pub struct Cause {
    pub key: CauseKey,
    /// The bank's value of the rule: a rate or tax rate (percent), a fee per
    /// 100 per month, a make-up window in months, a rounding mode.
    pub value: Option<String>,
    /// The product's value of the same rule.
    pub expected: Option<String>,
    /// `rounding`: the bank pays out at this scale (0: whole units).
    pub payout_scale: Option<u32>,
    /// Money the cause moves: the tax or fees withheld, the deposits left out.
    pub amount: Option<String>,
    /// The breach: after which installment, from which date, how, with what effect.
    pub installment: Option<u32>,
    pub date: Option<String>,
    pub trigger: Option<&'static str>,
    pub effect: Option<&'static str>,
    /// The payout under this cause: the bank's figure.
    pub payout: Option<String>,
    pub message: &'static str,
}

impl Cause {
    /// A cause with only its key and sentence.
    fn of(key: CauseKey) -> Cause {
        Cause {
            key,
            value: None,
            expected: None,
            payout_scale: None,
            amount: None,
            installment: None,
            date: None,
            trigger: None,
            effect: None,
            payout: None,
            message: key.message(),
        }
    }
}

vocabulary! {
    /// What explains the bank's figure (a cause's `key`; the page words each one).
    pub enum CauseKey as "BankCauseKey", locale ["stmt_cause_"] {
        Agrees = "agrees",
        NoBreach = "noBreach",
        Breach = "breach",
        MakeUpWindow = "makeUpWindow",
        LateFee = "lateFee",
        Tax = "tax",
        Rounding = "rounding",
        Rate = "rate",
        DemandRate = "demandRate",
        IgnoredDeposits = "ignoredDeposits",
        Unexplained = "unexplained",
    }
}

impl CauseKey {
    /// The sentence for each key (developer English, like error messages).
    fn message(self) -> &'static str {
        match self {
            CauseKey::Agrees => "the bank's figure is what the product's rules give",
            CauseKey::NoBreach => "the bank did not apply the breach the product's rules call for",
            CauseKey::Breach => "the bank applied a breach after this installment, from this date, with this effect",
            CauseKey::MakeUpWindow => "the bank accepted make-ups over a longer window",
            CauseKey::LateFee => "the bank charged another late fee per 100 per month late",
            CauseKey::Tax => "the bank withheld tax at this rate on all the interest",
            CauseKey::Rounding => "the bank rounds another way",
            CauseKey::Rate => "the bank used another contract rate",
            CauseKey::DemandRate => "the bank used another demand rate",
            CauseKey::IgnoredDeposits => "deposits the product's rules could not place; the bank may have counted them",
            CauseKey::Unexplained => "no single rule of the product, changed, gives the bank's figure",
        }
    }
}

/// How many breach hypotheses of each trigger are tried (the first misses).
const BREACH_TRIES: u32 = 3;

/// Compares the bank's figure with the product's and names the cause.
///
/// `replan` places the statement's deposits again under another product
/// (for a longer make-up window).
///
/// # Errors
/// `OVERFLOW` when the difference cannot be computed.
pub fn explain(
    product: &Product,
    plan: &Plan,
    quote: &Quote,
    bank: Decimal,
    placement: &Placement,
    replan: &dyn Fn(&Product) -> (Placement, Plan),
) -> Result<Bank> {
    let scale = quote.payout_scale.max(bank.scale());
    let difference = sub(bank, quote.payout)?;
    let search = Search { product, plan, bank, shown: fixed(bank, scale), causes: Vec::new() };
    let mut causes = if difference.is_zero() {
        vec![search.cause(CauseKey::Agrees)]
    } else {
        let mut s = search;
        s.all(quote, placement, replan);
        s.causes
    };
    if causes.is_empty() {
        let ignored = placement.deposits.iter().filter(|d| d.status == DepositStatus::Ignored);
        let total = ignored.clone().try_fold(Decimal::ZERO, |s, d| s.checked_add(d.amount));
        if let (true, Some(total)) = (ignored.count() > 0 && difference > Decimal::ZERO, total) {
            causes.push(Cause { amount: Some(fixed(total, product.rounding.scale)), ..Cause::of(CauseKey::IgnoredDeposits) });
        }
        causes.push(Cause::of(CauseKey::Unexplained));
    }
    Ok(Bank { payout: fixed(bank, scale), difference: fixed(difference, scale), explain: causes })
}

struct Search<'a> {
    product: &'a Product,
    plan: &'a Plan,
    bank: Decimal,
    /// The bank's figure as shown.
    shown: String,
    causes: Vec<Cause>,
}

/// One rule changed: the product and plan, and the rule's new value (when it has one).
type Change<'c> = &'c dyn Fn(&mut Product, &mut Plan, Decimal);

impl Search<'_> {
    fn cause(&self, key: CauseKey) -> Cause {
        Cause { payout: Some(self.shown.clone()), ..Cause::of(key) }
    }

    /// The plan priced with one rule changed.
    fn price_with(&self, change: Change, value: Decimal) -> Option<Quote> {
        let mut product = self.product.clone();
        let mut plan = self.plan.clone();
        change(&mut product, &mut plan, value);
        price(&product, &plan).ok()
    }

    /// The quote with one rule changed, when it gives the bank's figure.
    fn reproduced(&self, change: Change) -> Option<Quote> {
        self.price_with(change, Decimal::ZERO).filter(|q| q.payout == self.bank)
    }

    /// The breach: none at all, or another trigger or effect.
    fn breach(&mut self, quote: &Quote) {
        let (mut unmade, mut misses, mut run, mut longest) = (0, 0, 0, 0);
        for r in &quote.schedule {
            let miss = matches!(r.status, Status::Missed | Status::Late);
            unmade += u32::from(r.status == Status::Missed);
            misses += u32::from(miss);
            run = if miss { run + 1 } else { 0 };
            longest = longest.max(run);
        }
        if let Some(ours) = &quote.breach {
            if self.reproduced(&|p, _, _| p.missed.breach_after = None).is_some() {
                let mut c = self.cause(CauseKey::NoBreach);
                c.installment = Some(ours.installment);
                c.date = Some(format_date(ours.date));
                c.trigger = Some(ours.trigger.as_str());
                c.effect = Some(ours.effect.as_str());
                return self.causes.push(c);
            }
        }
        let own = self.product.missed.on_breach;
        let mut triggers = Vec::new();
        for n in 1..=BREACH_TRIES {
            if n <= unmade {
                triggers.push(BreachAfter { trigger: BreachTrigger::UnmadeUp, n });
            }
            if n <= misses {
                triggers.push(BreachAfter { trigger: BreachTrigger::Total, n });
            }
            if n > 1 && n <= longest {
                triggers.push(BreachAfter { trigger: BreachTrigger::Consecutive, n });
            }
        }
        for trigger in triggers {
            for effect in [own, OnBreach::LaterAtDemand, OnBreach::AllAtDemand, OnBreach::StopDeposits, OnBreach::ActualAtContract] {
                let change = |p: &mut Product, _: &mut Plan, _: Decimal| {
                    p.missed.breach_after = Some(trigger);
                    p.missed.on_breach = effect;
                };
                if let Some(b) = self.reproduced(&change).and_then(|q| q.breach) {
                    let mut c = self.cause(CauseKey::Breach);
                    c.installment = Some(b.installment);
                    c.date = Some(format_date(b.date));
                    c.trigger = Some(b.trigger.as_str());
                    c.effect = Some(b.effect.as_str());
                    c.expected = Some(own.as_str().to_string());
                    return self.causes.push(c);
                }
            }
        }
    }

    /// A longer make-up window: deposits we could not place, or misses never
    /// made up, that the bank took as make-ups.
    fn window(&mut self, quote: &Quote, placement: &Placement, replan: &dyn Fn(&Product) -> (Placement, Plan)) {
        let unplaced = placement.problems.iter().any(|p| p.code == ProblemCode::DepositNotMatched);
        let unmade = quote.schedule.iter().any(|r| r.status == Status::Missed);
        let Some(ours) = self.product.missed.make_up_within.filter(|_| unplaced || unmade) else { return };
        let name = |w: Option<u32>| w.map_or_else(|| "untilMaturity".to_string(), |m| m.to_string());
        for within in [Some(ours + 1), Some(ours + 2), Some(ours + 3), None] {
            let change = |p: &mut Product, plan: &mut Plan, _: Decimal| {
                p.missed.make_up_within = within;
                *plan = replan(p).1;
            };
            if self.reproduced(&change).is_some() {
                let mut c = self.cause(CauseKey::MakeUpWindow);
                c.value = Some(name(within));
                c.expected = Some(name(Some(ours)));
                return self.causes.push(c);
            }
        }
    }

    /// A value of one rule that gives the bank's figure: a late fee, a tax rate, a rate.
    fn fit(&mut self, key: CauseKey, grid: Grid, expected: Decimal, change: Change) {
        let Some((value, q)) = self.solve(grid, change) else { return };
        if value == expected {
            return;
        }
        let mut c = self.cause(key);
        c.value = Some(plain(value));
        c.expected = Some(plain(expected));
        c.amount = match key {
            CauseKey::LateFee => Some(fixed(q.fees, q.scale)),
            CauseKey::Tax => Some(fixed(q.tax, q.scale)),
            _ => None,
        };
        self.causes.push(c);
    }

    /// Another rounding mode for interest and the payout, or the payout to whole units.
    fn rounding(&mut self) {
        let ours = self.product.rounding;
        for payout_scale in [ours.payout_scale, Some(0)] {
            for mode in [ours.mode, RoundingMode::HalfUp, RoundingMode::HalfEven, RoundingMode::Down] {
                if mode == ours.mode && payout_scale == ours.payout_scale {
                    continue;
                }
                let change = |p: &mut Product, _: &mut Plan, _: Decimal| {
                    p.rounding.mode = mode;
                    p.rounding.payout_scale = payout_scale;
                };
                if self.reproduced(&change).is_some() {
                    let mut c = self.cause(CauseKey::Rounding);
                    c.value = Some(mode.as_str().to_string());
                    c.expected = Some(ours.mode.as_str().to_string());
                    c.payout_scale = payout_scale.filter(|_| payout_scale != ours.payout_scale);
                    return self.causes.push(c);
                }
            }
        }
    }

    /// Every hypothesis, in the order a bank would name them.
    fn all(&mut self, quote: &Quote, placement: &Placement, replan: &dyn Fn(&Product) -> (Placement, Plan)) {
        self.breach(quote);
        self.window(quote, placement, replan);
        let lower = self.bank < quote.payout;
        if lower && quote.schedule.iter().any(|r| r.status == Status::Late) {
            let fee = self.product.missed.late_fee_per_100;
            self.fit(CauseKey::LateFee, FEE, fee, &|p, _, v| p.missed.late_fee_per_100 = v);
        }
        if lower {
            let tax = self.product.tax.first().map(|t| t.rate).unwrap_or(Decimal::ZERO);
            let from = NaiveDate::from_ymd_opt(1000, 1, 1).unwrap_or(self.plan.start);
            self.fit(CauseKey::Tax, TAX, tax, &|p, _, v| p.tax = vec![TaxStep { from, rate: v }]);
        }
        self.rounding();
        let contract = self.plan.rate.or_else(|| self.product.term_rate(self.plan.months)).unwrap_or_default();
        self.fit(CauseKey::Rate, RATE, contract, &|_, plan, v| plan.rate = Some(v));
        // Where the plan earns the demand rate, unless a breach explanation already says how.
        let earns_demand = quote.closure != Closure::Maturity
            || quote.breach.as_ref().is_some_and(|b| matches!(b.effect, OnBreach::LaterAtDemand | OnBreach::AllAtDemand));
        if earns_demand && !self.causes.iter().any(|c| matches!(c.key, CauseKey::NoBreach | CauseKey::Breach)) {
            let demand = self.product.demand_rate;
            self.fit(CauseKey::DemandRate, RATE, demand, &|p, _, v| p.demand_rate = v);
        }
    }

    /// The roundest value on the grid 0.00, 0.01, …, `top` whose payout is
    /// the bank's, for a payout that rises (`rising`) or falls with the
    /// value; only multiples of one of `steps` (in hundredths) count, and of
    /// equally round ones the lowest. By bisection to the first grid value
    /// that reaches the bank's figure, then one pricing per roundness: the
    /// payout being monotone, the values that give the figure are a run
    /// from that first one.
    fn solve(&self, grid: Grid, change: Change) -> Option<(Decimal, Quote)> {
        let value = |k: i64| Decimal::new(k, 2);
        // Signed so that the payout, as seen here, rises with k.
        let seen = |k: i64| -> Option<Decimal> {
            let p = self.price_with(change, value(k))?.payout;
            Some(if grid.rising { p } else { -p })
        };
        let target = if grid.rising { self.bank } else { -self.bank };
        let top = grid.top * 100;
        let (mut lo, mut hi) = (0i64, top);
        if seen(lo)? > target || seen(hi)? < target {
            return None;
        }
        while lo < hi {
            let mid = (lo + hi) / 2;
            if seen(mid)? >= target {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        for step in grid.steps {
            let k = (lo + step - 1) / step * step;
            if k > top {
                continue;
            }
            let q = self.price_with(change, value(k))?;
            if q.payout == self.bank {
                return Some((value(k).normalize(), q));
            }
        }
        None
    }
}

/// Where a rule's value is searched: 0 to `top`, and the roundness a bank quotes it with.
#[derive(Clone, Copy)]
struct Grid {
    rising: bool,
    top: i64,
    /// Acceptable multiples, in hundredths, roundest first.
    steps: &'static [i64],
}

/// Rates: percent per year to two places (1.35, 0.05), up to 100.
const RATE: Grid = Grid { rising: true, top: 100, steps: &[100, 10, 5, 1] };
/// Tax rates: whole or half percents (20, 5, 7.5), up to 50.
const TAX: Grid = Grid { rising: false, top: 50, steps: &[100, 50] };
/// Late fees per 100 per month: to two places (1.50), up to 10.
const FEE: Grid = Grid { rising: false, top: 10, steps: &[100, 10, 5, 1] };
