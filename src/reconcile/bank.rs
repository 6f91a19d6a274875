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

use crate::calculate::price;
use crate::error::Result;
use crate::money::{fixed, plain, sub, RoundingMode};
use crate::plan::Plan;
use crate::product::{BreachAfter, OnBreach, Product, TaxStep};
use crate::quote::Quote;
use crate::reconcile::placement::{DepositStatus, Placed, Placement, ProblemCode};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// The bank's payout, the difference to the product's, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
/// fields a key needs are present.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cause {
    pub key: &'static str,
    /// The bank's value of the rule: a rate or tax rate (percent), a fee per 100 per month, a rounding mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The product's value of the same rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// `rounding`: the bank pays out at this scale (0: whole units).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payout_scale: Option<u32>,
    /// Money the cause moves: the tax or fees withheld, the deposits left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    /// The breach: after which installment, from which date, how, with what effect.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub installment: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effect: Option<&'static str>,
    /// The payout under this cause (the bank's figure, when it reproduces it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payout: Option<String>,
    pub message: String,
}

/// How many breach hypotheses of each trigger are tried (the first misses).
const BREACH_TRIES: u32 = 3;

/// Compares the bank's figure with the product's and names the cause.
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
    let deposits = &placement.deposits;
    let scale = quote.payout_scale.max(bank.scale());
    let difference = sub(bank, quote.payout_value)?;
    let money = |v: Decimal| fixed(v, product.rounding.scale);
    let mut causes: Vec<Cause> = Vec::new();
    if difference.is_zero() {
        causes.push(Cause {
            key: "agrees",
            payout: Some(fixed(bank, scale)),
            message: "the bank's figure is what the product's rules give".into(),
            ..Cause::default()
        });
    } else {
        let search = Search { product, plan, bank, scale };
        search.breach(quote, &mut causes);
        search.window(quote, placement, replan, &mut causes);
        search.late_fee(quote, &mut causes);
        search.tax(quote, &mut causes);
        search.rounding(&mut causes);
        search.rates(quote, &mut causes);
        if causes.is_empty() {
            let ignored: Vec<&Placed> = deposits.iter().filter(|d| d.status == DepositStatus::Ignored).collect();
            if !ignored.is_empty() && difference > Decimal::ZERO {
                let total = ignored.iter().try_fold(Decimal::ZERO, |s, d| s.checked_add(d.amount)).unwrap_or(Decimal::MAX);
                causes.push(Cause {
                    key: "ignoredDeposits",
                    amount: Some(money(total)),
                    message: format!(
                        "{} deposits totalling {} could not be placed under the product's rules; the bank may have counted them",
                        ignored.len(),
                        money(total)
                    ),
                    ..Cause::default()
                });
            }
            causes.push(Cause {
                key: "unexplained",
                message: "no single rule of the product, changed, gives the bank's figure".into(),
                ..Cause::default()
            });
        }
    }
    Ok(Bank { payout: fixed(bank, scale), difference: fixed(difference, scale), explain: causes })
}

struct Search<'a> {
    product: &'a Product,
    plan: &'a Plan,
    bank: Decimal,
    scale: u32,
}

impl Search<'_> {
    fn price(&self, product: &Product, plan: &Plan) -> Option<Quote> {
        price(product, plan).ok()
    }

    fn payout(&self, product: &Product, plan: &Plan) -> Option<Decimal> {
        self.price(product, plan).map(|q| q.payout_value)
    }

    fn reproduces(&self, q: &Quote) -> bool {
        q.payout_value == self.bank
    }

    fn shown(&self) -> Option<String> {
        Some(fixed(self.bank, self.scale))
    }

    /// The breach: none at all, or another trigger or effect.
    fn breach(&self, quote: &Quote, causes: &mut Vec<Cause>) {
        let rows = &quote.schedule;
        let unmade = rows.iter().filter(|r| r.status == "missed").count() as u32;
        let misses = rows.iter().filter(|r| matches!(r.status, "missed" | "late")).count() as u32;
        let mut run = 0;
        let mut longest = 0;
        for r in rows {
            run = if matches!(r.status, "missed" | "late") { run + 1 } else { 0 };
            longest = longest.max(run);
        }
        if let Some(ours) = &quote.breach {
            let mut p = self.product.clone();
            p.missed.breach_after = None;
            if let Some(q) = self.price(&p, self.plan) {
                if self.reproduces(&q) {
                    return causes.push(Cause {
                        key: "noBreach",
                        installment: Some(ours.installment),
                        date: Some(ours.date.clone()),
                        trigger: Some(ours.trigger),
                        effect: Some(ours.effect),
                        payout: self.shown(),
                        message: format!(
                            "the bank did not treat the missed installment {} as a breach: without it the product pays the bank's figure",
                            ours.installment
                        ),
                        ..Cause::default()
                    });
                }
            }
        }
        let own = self.product.missed.on_breach;
        let effects = [own, OnBreach::LaterAtDemand, OnBreach::AllAtDemand, OnBreach::StopDeposits, OnBreach::ActualAtContract];
        let triggers = (1..=unmade.min(BREACH_TRIES))
            .map(BreachAfter::UnmadeUp)
            .chain((1..=misses.min(BREACH_TRIES)).map(BreachAfter::Total))
            .chain((2..=longest.min(BREACH_TRIES)).map(BreachAfter::Consecutive));
        for trigger in triggers {
            for (i, effect) in effects.iter().enumerate() {
                if i > 0 && *effect == own {
                    continue;
                }
                let mut p = self.product.clone();
                p.missed.breach_after = Some(trigger);
                p.missed.on_breach = *effect;
                let Some(q) = self.price(&p, self.plan) else { continue };
                let Some(b) = q.breach.as_ref().filter(|_| self.reproduces(&q)) else { continue };
                return causes.push(Cause {
                    key: "breach",
                    installment: Some(b.installment),
                    date: Some(b.date.clone()),
                    trigger: Some(b.trigger),
                    effect: Some(b.effect),
                    expected: Some(self.product.missed.on_breach.as_str().to_string()),
                    payout: self.shown(),
                    message: format!(
                        "the bank's figure is what the product pays with the account breached after installment {} from {} ({})",
                        b.installment, b.date, b.effect
                    ),
                    ..Cause::default()
                });
            }
        }
    }

    /// A longer make-up window: deposits we could not place, or misses never
    /// made up, that the bank took as make-ups.
    fn window(&self, quote: &Quote, placement: &Placement, replan: &dyn Fn(&Product) -> (Placement, Plan), causes: &mut Vec<Cause>) {
        let unplaced = placement.problems.iter().any(|p| p.code == ProblemCode::DepositNotMatched);
        let unmade = quote.schedule.iter().any(|r| r.status == "missed");
        let ours = self.product.missed.make_up_within;
        if !unplaced && !unmade {
            return;
        }
        let longer = match ours {
            Some(m) => vec![Some(m + 1), Some(m + 2), Some(m + 3), None],
            None => Vec::new(),
        };
        let name = |w: Option<u32>| w.map_or_else(|| "untilMaturity".to_string(), |m| m.to_string());
        for within in longer {
            let mut p = self.product.clone();
            p.missed.make_up_within = within;
            let (_, plan) = replan(&p);
            if self.payout(&p, &plan) == Some(self.bank) {
                causes.push(Cause {
                    key: "makeUpWindow",
                    value: Some(name(within)),
                    expected: Some(name(ours)),
                    payout: self.shown(),
                    message: format!(
                        "the bank accepted make-ups {} (the product: within {} months)",
                        within.map_or_else(|| "until maturity".to_string(), |m| format!("within {m} months")),
                        name(ours)
                    ),
                    ..Cause::default()
                });
                return;
            }
        }
    }

    /// A late fee per 100 per month on the made-up installments.
    fn late_fee(&self, quote: &Quote, causes: &mut Vec<Cause>) {
        if self.bank >= quote.payout_value || !quote.schedule.iter().any(|r| r.status == "late") {
            return;
        }
        let ours = self.product.missed.late_fee_per_100;
        let at = |fee: Decimal| {
            let mut p = self.product.clone();
            p.missed.late_fee_per_100 = fee;
            p
        };
        if let Some((fee, q)) = self.solve(FEE, |fee| self.price(&at(fee), self.plan)) {
            causes.push(Cause {
                key: "lateFee",
                value: Some(plain(fee)),
                expected: Some(plain(ours)),
                amount: Some(q.fees.clone()),
                payout: self.shown(),
                message: format!("the bank charged a late fee of {} per 100 per month late (the product: {}): {} in fees", plain(fee), plain(ours), q.fees),
                ..Cause::default()
            });
        }
    }

    /// Tax at one rate on all the interest.
    fn tax(&self, quote: &Quote, causes: &mut Vec<Cause>) {
        if self.bank >= quote.payout_value || quote.interest.trim_start_matches(['0', '.']).is_empty() {
            return;
        }
        let ours = self.product.tax.first().map(|t| t.rate).unwrap_or(Decimal::ZERO);
        let from = NaiveDate::from_ymd_opt(1000, 1, 1).unwrap_or(self.plan.start);
        let at = |rate: Decimal| {
            let mut p = self.product.clone();
            p.tax = vec![TaxStep { from, rate }];
            p
        };
        if let Some((rate, q)) = self.solve(TAX, |rate| self.price(&at(rate), self.plan)) {
            if self.product.tax.len() == 1 && self.product.tax[0].from <= self.plan.start && self.product.tax[0].rate == rate {
                return;
            }
            causes.push(Cause {
                key: "tax",
                value: Some(plain(rate)),
                expected: Some(plain(ours)),
                amount: Some(q.tax.clone()),
                payout: self.shown(),
                message: format!("the bank withheld tax of {}% on the interest: {}", plain(rate), q.tax),
                ..Cause::default()
            });
        }
    }

    /// Another rounding mode for interest and the payout, or the payout to whole units.
    fn rounding(&self, causes: &mut Vec<Cause>) {
        let ours = self.product.rounding;
        let modes = [ours.mode, RoundingMode::HalfUp, RoundingMode::HalfEven, RoundingMode::Down];
        for payout_scale in [ours.payout_scale, Some(0)] {
            for mode in modes {
                if mode == ours.mode && payout_scale == ours.payout_scale {
                    continue;
                }
                let mut p = self.product.clone();
                p.rounding.mode = mode;
                p.rounding.payout_scale = payout_scale;
                if self.payout(&p, self.plan) != Some(self.bank) {
                    continue;
                }
                let whole = payout_scale != ours.payout_scale;
                let how = match (mode != ours.mode, whole) {
                    (true, true) => format!("rounds {} and pays out in whole units", mode_name(mode)),
                    (true, false) => format!("rounds {}", mode_name(mode)),
                    _ => "pays out in whole units".to_string(),
                };
                return causes.push(Cause {
                    key: "rounding",
                    value: Some(mode_name(mode).to_string()),
                    expected: Some(mode_name(ours.mode).to_string()),
                    payout_scale: payout_scale.filter(|_| whole),
                    payout: self.shown(),
                    message: format!("the bank {how} (the product rounds {})", mode_name(ours.mode)),
                    ..Cause::default()
                });
            }
        }
    }

    /// Another contract rate, or another demand rate where the plan earns it.
    fn rates(&self, quote: &Quote, causes: &mut Vec<Cause>) {
        let contract = self.plan.rate.or_else(|| self.product.term_rate(self.plan.months)).unwrap_or_default();
        let with_rate = |rate: Decimal| Plan { rate: Some(rate), ..self.plan.clone() };
        if let Some((rate, _)) = self.solve(RATE, |rate| self.price(self.product, &with_rate(rate))) {
            if rate != contract {
                causes.push(Cause {
                    key: "rate",
                    value: Some(plain(rate)),
                    expected: Some(plain(contract)),
                    payout: self.shown(),
                    message: format!("the bank's figure is what the plan earns at {}% instead of {}%", plain(rate), plain(contract)),
                    ..Cause::default()
                });
            }
        }
        let earns_demand = quote.closure != "maturity"
            || quote.breach.as_ref().is_some_and(|b| matches!(b.effect, "laterAtDemand" | "allAtDemand"));
        // A breach explanation already says how the demand-rate deposits differ.
        if !earns_demand || causes.iter().any(|c| matches!(c.key, "noBreach" | "breach")) {
            return;
        }
        let demand = self.product.demand_rate;
        let with_demand = |rate: Decimal| {
            let mut p = self.product.clone();
            p.demand_rate = rate;
            p
        };
        if let Some((rate, _)) = self.solve(RATE, |rate| self.price(&with_demand(rate), self.plan)) {
            if rate != demand {
                causes.push(Cause {
                    key: "demandRate",
                    value: Some(plain(rate)),
                    expected: Some(plain(demand)),
                    payout: self.shown(),
                    message: format!("the bank's figure is what the plan earns with a demand rate of {}% instead of {}%", plain(rate), plain(demand)),
                    ..Cause::default()
                });
            }
        }
    }

    /// The roundest value on the grid 0.00, 0.01, …, `top` whose payout is
    /// the bank's, for a payout that rises (`rising`) or falls with the
    /// value; only multiples of one of `steps` (in hundredths) count, and of
    /// equally round ones the lowest. By bisection to the first grid value
    /// that reaches the bank's figure, then one pricing per roundness: the
    /// payout being monotone, the values that give the figure are a run
    /// from that first one.
    fn solve(&self, grid: Grid, at: impl Fn(Decimal) -> Option<Quote>) -> Option<(Decimal, Quote)> {
        let value = |k: i64| Decimal::new(k, 2);
        // Signed so that the payout, as seen here, rises with k.
        let seen = |k: i64| -> Option<Decimal> {
            let p = at(value(k))?.payout_value;
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
            let q = at(value(k))?;
            if self.reproduces(&q) {
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

fn mode_name(mode: RoundingMode) -> &'static str {
    match mode {
        RoundingMode::HalfUp => "halfUp",
        RoundingMode::HalfEven => "halfEven",
        RoundingMode::Down => "down",
    }
}
