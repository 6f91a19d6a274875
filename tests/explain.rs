//! "How we calculated" is true as written: every arithmetic formula the
//! engine emits evaluates to the value beside it, for every vector, every
//! entry of a comparison and random plans (proptest).
//!
//! The formulas are read by a small evaluator (below), independent of the
//! engine's arithmetic:
//! - numbers `1000`, `1.35`; `x%` is x ÷ 100; `+`, `−` (or `-`), `×`, `÷`,
//!   `^` (right-associative; the exponent must be a rational number written
//!   with integers, `÷` and `−`, such as `(18 ÷ 3)` or `(−1 ÷ 3)`),
//!   parentheses, `max(a, b)`, `min(a, b)`;
//! - `a + b + … + z` in a sum is the arithmetic progression a, b, …, z: the
//!   two terms before the ellipsis set the step (never 0) and the term after
//!   it ends the run, which it must reach exactly. So "36 + 35 + … + 1" is
//!   666, and a formula that wrote it for units summing to 665 fails;
//! - a formula may end with `→ halfUp to 2 places` (or `halfEven`, `down`,
//!   and any number of places): the value is the formula rounded that way.
//!
//! How a value is checked:
//! - with a rounding suffix, the value must equal the formula's result
//!   rounded as stated, exactly;
//! - without one, the value is the exact figure shown to at most 10 decimal
//!   places: |formula − value| ≤ 5·10⁻¹¹ (plus 10⁻²⁰ of the value, for
//!   fractional powers, which both sides compute to about 27 digits);
//! - steps whose value is a rate (`earlyRate`, `subsidyRate`) give it in
//!   percent, so the formula is compared with value %.
//!
//! A formula with words in it is text, not arithmetic: only the breach
//! sentence and the XIRR step may be text, and a text formula must not
//! contain "=" (a sentence must not state an equation it does not check).
//! A TDS year (`withholding`) is words, then arithmetic:
//! `FY 2026-27: interest 54310.25 > 50000 → 54310.25 × 10%`: the comparison
//! must hold, the part after the first `→` must evaluate to the value, and a
//! year under its threshold, exempt or before TDS applied must show `→ 0`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

mod common;
use common::vector_files;
use proptest::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use savings_plan::contract::ToJson;
use serde_json::{json, Value};

/// A result's contract JSON, as the page reads it.
fn json_text<T: ToJson + ?Sized>(v: &T) -> Value {
    serde_json::from_str(&v.to_json()).unwrap()
}

// ---------------------------------------------------------------- evaluator

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Num(Decimal),
    Op(char),
    Ellipsis,
    Word(String),
}

fn tokens(text: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let s: String = chars[start..i].iter().collect();
            out.push(Token::Num(s.parse().map_err(|_| format!("bad number {s}"))?));
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            out.push(Token::Word(chars[start..i].iter().collect()));
        } else if c == '…' {
            out.push(Token::Ellipsis);
            i += 1;
        } else if "+-−×÷^%(),→".contains(c) {
            out.push(Token::Op(if c == '-' { '−' } else { c }));
            i += 1;
        } else {
            return Err(format!("unexpected {c:?}"));
        }
    }
    Ok(out)
}

/// A parsed expression.
#[derive(Clone, Debug)]
enum Expr {
    Num(Decimal),
    Neg(Box<Expr>),
    Percent(Box<Expr>),
    Bin(char, Box<Expr>, Box<Expr>),
    Sum(Vec<(bool, Expr)>),
    Call(String, Vec<Expr>),
}

struct Parser {
    t: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.t.get(self.at)
    }
    fn op(&mut self, c: char) -> bool {
        if self.peek() == Some(&Token::Op(c)) {
            self.at += 1;
            true
        } else {
            false
        }
    }
    fn sum(&mut self) -> Result<Expr, String> {
        let mut terms = vec![(true, self.term()?)];
        loop {
            if self.op('+') {
                if self.peek() == Some(&Token::Ellipsis) {
                    self.at += 1;
                    if !self.op('+') {
                        return Err("an ellipsis is written + … +".into());
                    }
                    let end = self.term()?;
                    let n = terms.len();
                    let (Some((true, Expr::Num(a))), Some((true, Expr::Num(b))), Expr::Num(z)) =
                        (terms.get(n.wrapping_sub(2)), terms.get(n - 1), &end)
                    else {
                        return Err("an ellipsis needs two added numbers before it and one after".into());
                    };
                    let step = b - a;
                    if step.is_zero() {
                        return Err("an ellipsis with step 0 says nothing of how many terms".into());
                    }
                    let count = (z - b) / step;
                    if !count.fract().is_zero() || count < Decimal::TWO {
                        return Err(format!("{a} + {b} + … + {z} is not a run that hides a term"));
                    }
                    let mut x = *b;
                    for _ in 0..count.to_u64().unwrap() {
                        x += step;
                        terms.push((true, Expr::Num(x)));
                    }
                    continue;
                }
                terms.push((true, self.term()?));
            } else if self.op('−') {
                terms.push((false, self.term()?));
            } else {
                break;
            }
        }
        Ok(if terms.len() == 1 && terms[0].0 { terms.pop().unwrap().1 } else { Expr::Sum(terms) })
    }
    fn term(&mut self) -> Result<Expr, String> {
        let mut e = self.power()?;
        loop {
            if self.op('×') {
                e = Expr::Bin('×', Box::new(e), Box::new(self.power()?));
            } else if self.op('÷') {
                e = Expr::Bin('÷', Box::new(e), Box::new(self.power()?));
            } else {
                return Ok(e);
            }
        }
    }
    fn power(&mut self) -> Result<Expr, String> {
        let base = self.unary()?;
        if self.op('^') {
            return Ok(Expr::Bin('^', Box::new(base), Box::new(self.power()?)));
        }
        Ok(base)
    }
    fn unary(&mut self) -> Result<Expr, String> {
        if self.op('−') {
            return Ok(Expr::Neg(Box::new(self.unary()?)));
        }
        let mut e = self.primary()?;
        while self.op('%') {
            e = Expr::Percent(Box::new(e));
        }
        Ok(e)
    }
    fn primary(&mut self) -> Result<Expr, String> {
        match self.peek().cloned() {
            Some(Token::Num(n)) => {
                self.at += 1;
                Ok(Expr::Num(n))
            }
            Some(Token::Op('(')) => {
                self.at += 1;
                let e = self.sum()?;
                if !self.op(')') {
                    return Err("missing )".into());
                }
                Ok(e)
            }
            Some(Token::Word(w)) if w == "max" || w == "min" => {
                self.at += 1;
                if !self.op('(') {
                    return Err(format!("{w} without ("));
                }
                let mut args = vec![self.sum()?];
                while self.op(',') {
                    args.push(self.sum()?);
                }
                if !self.op(')') {
                    return Err("missing )".into());
                }
                Ok(Expr::Call(w, args))
            }
            other => Err(format!("unexpected {other:?}")),
        }
    }
}

/// The exponent as a fraction of integers.
fn rational(e: &Expr) -> Option<(i128, i128)> {
    fn reduce(n: i128, d: i128) -> Option<(i128, i128)> {
        if d == 0 {
            return None;
        }
        let (mut a, mut b) = (n.abs(), d.abs());
        while b != 0 {
            (a, b) = (b, a % b);
        }
        let g = a.max(1);
        let s = if d < 0 { -1 } else { 1 };
        Some((s * n / g, s * d / g))
    }
    match e {
        Expr::Num(n) if n.fract().is_zero() => Some((n.to_i128()?, 1)),
        Expr::Neg(x) => rational(x).map(|(n, d)| (-n, d)),
        Expr::Bin('÷', a, b) => {
            let (an, ad) = rational(a)?;
            let (bn, bd) = rational(b)?;
            reduce(an * bd, ad * bn)
        }
        Expr::Bin('×', a, b) => {
            let (an, ad) = rational(a)?;
            let (bn, bd) = rational(b)?;
            reduce(an * bn, ad * bd)
        }
        Expr::Sum(terms) => terms.iter().try_fold((0i128, 1i128), |(n, d), (plus, t)| {
            let (tn, td) = rational(t)?;
            reduce(n * td + if *plus { tn * d } else { -tn * d }, d * td)
        }),
        _ => None,
    }
}

/// x^n by squaring.
fn powi(x: Decimal, mut n: u64) -> Decimal {
    let (mut result, mut factor) = (Decimal::ONE, x);
    while n > 0 {
        if n & 1 == 1 {
            result *= factor;
        }
        n >>= 1;
        if n > 0 {
            factor *= factor;
        }
    }
    result
}

/// x^(1/q) by Newton's method from a float guess.
fn root(x: Decimal, q: i128) -> Decimal {
    if q == 1 {
        return x;
    }
    let q_dec = Decimal::from(q as i64);
    let mut y = Decimal::try_from(x.to_f64().unwrap().powf(1.0 / q as f64)).unwrap();
    for _ in 0..100 {
        let next = ((q_dec - Decimal::ONE) * y + x / powi(y, (q - 1) as u64)) / q_dec;
        if next == y {
            break;
        }
        y = next;
    }
    y
}

fn eval(e: &Expr) -> Result<Decimal, String> {
    Ok(match e {
        Expr::Num(n) => *n,
        Expr::Neg(x) => -eval(x)?,
        Expr::Percent(x) => eval(x)? / Decimal::ONE_HUNDRED,
        Expr::Sum(terms) => {
            let mut s = Decimal::ZERO;
            for (plus, t) in terms {
                s = if *plus { s + eval(t)? } else { s - eval(t)? };
            }
            s
        }
        Expr::Bin('×', a, b) => eval(a)? * eval(b)?,
        Expr::Bin('÷', a, b) => eval(a)?.checked_div(eval(b)?).ok_or("division by zero")?,
        Expr::Bin('^', a, b) => {
            let (n, d) = rational(b).ok_or("an exponent must be a fraction of integers")?;
            let r = root(eval(a)?, d);
            let p = powi(r, n.unsigned_abs() as u64);
            if n < 0 {
                Decimal::ONE / p
            } else {
                p
            }
        }
        Expr::Call(f, args) => {
            let values = args.iter().map(eval).collect::<Result<Vec<_>, _>>()?;
            let pick = if f == "max" { values.iter().max() } else { values.iter().min() };
            *pick.ok_or("empty call")?
        }
        Expr::Bin(op, _, _) => return Err(format!("unknown operator {op}")),
    })
}

/// A formula read: its value and the rounding it states (mode, places).
struct Read {
    value: Decimal,
    rounding: Option<(RoundingStrategy, u32)>,
    powers: bool,
}

/// `Ok(None)` for text (words other than max/min and a rounding suffix).
fn read(formula: &str) -> Result<Option<Read>, String> {
    let (expr, suffix) = match formula.split_once('→') {
        Some((e, s)) => (e, Some(s.trim())),
        None => (formula, None),
    };
    let words = formula.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty());
    if words.clone().any(|w| !matches!(w, "max" | "min" | "halfUp" | "halfEven" | "down" | "to" | "places" | "place")) {
        return Ok(None);
    }
    if suffix.is_none() && words.clone().any(|w| !matches!(w, "max" | "min")) {
        return Ok(None);
    }
    let t = tokens(expr)?;
    let rounding = match suffix {
        None => None,
        Some(s) => {
            let parts: Vec<&str> = s.split_whitespace().collect();
            let [mode, "to", places, "places" | "place"] = parts[..] else { return Err(format!("bad rounding {s}")) };
            let mode = match mode {
                "halfUp" => RoundingStrategy::MidpointAwayFromZero,
                "halfEven" => RoundingStrategy::MidpointNearestEven,
                "down" => RoundingStrategy::ToZero,
                other => return Err(format!("bad mode {other}")),
            };
            Some((mode, places.parse().map_err(|_| "bad places")?))
        }
    };
    let powers = t.contains(&Token::Op('^'));
    let mut p = Parser { t, at: 0 };
    let e = p.sum()?;
    if p.at != p.t.len() {
        return Err(format!("unread from token {}", p.at));
    }
    Ok(Some(Read { value: eval(&e)?, rounding, powers }))
}

/// Checks a TDS year: its words state a true comparison, its arithmetic gives the value.
fn check_withholding(formula: &str, value: &str) -> Result<bool, String> {
    let (words, arithmetic) = formula.split_once(" → ").ok_or("no → after the year's words")?;
    if words.contains('=') {
        return Err("a sentence states an equation".into());
    }
    let (_, rest) = words.split_once(": interest ").ok_or("no year's interest")?;
    let num = |t: &str| t.parse::<Decimal>().map_err(|_| format!("{t} is not a number"));
    let zero = || if arithmetic == "0" { Ok(()) } else { Err(format!("{arithmetic} where nothing is withheld")) };
    if let Some((a, t)) = rest.split_once(" > ") {
        if num(a)? <= num(t)? {
            return Err(format!("{a} > {t} is false"));
        }
    } else if let Some((a, t)) = rest.split_once(" ≤ ") {
        if num(a)? > num(t)? {
            return Err(format!("{a} ≤ {t} is false"));
        }
        zero()?;
    } else {
        zero()?;
    }
    check_step("tax", arithmetic, value)
}

/// Checks one explain step; `Err` says why it is not true.
fn check_step(key: &str, formula: &str, value: &str) -> Result<bool, String> {
    if key == "withholding" {
        return check_withholding(formula, value);
    }
    let Some(r) = read(formula)? else {
        if !matches!(key, "breach" | "effectiveAnnualYield") {
            return Err("text where arithmetic is expected".into());
        }
        if formula.contains('=') {
            return Err("a sentence states an equation".into());
        }
        return Ok(false);
    };
    let shown: Decimal = value.parse().map_err(|_| format!("value {value} is not a number"))?;
    let shown = if matches!(key, "earlyRate" | "subsidyRate") { shown / Decimal::ONE_HUNDRED } else { shown };
    match r.rounding {
        Some((mode, places)) => {
            let want = r.value.round_dp_with_strategy(places, mode);
            // This evaluator works in 28 significant digits, so a value exactly on a rounding
            // boundary can come out a hair beside it: `45 × (400 ÷ 30) × 5.09% ÷ 12` is 2.545
            // exactly, 2.5449999999999999999999999999 here (400 ÷ 30 is cut). Within the
            // evaluator's own error (far below 1e-20) either side's rounding is what the exact
            // value may give; anywhere else the formula must round to the figure shown.
            let error = Decimal::new(1, 20);
            let near = [r.value - error, r.value + error].map(|x| x.round_dp_with_strategy(places, mode));
            if want != shown && !near.contains(&shown) {
                return Err(format!("evaluates to {} → {want}", r.value));
            }
        }
        None => {
            let mut tolerance = Decimal::new(5, 11);
            if r.powers {
                tolerance += shown.abs() * Decimal::new(1, 20);
            }
            if (r.value - shown).abs() > tolerance {
                return Err(format!("evaluates to {}", r.value));
            }
        }
    }
    Ok(true)
}

/// Every step of a result; returns how many arithmetic steps were checked.
fn check_result(result: &Value, context: &str) -> usize {
    let mut n = 0;
    for step in result["explain"].as_array().unwrap() {
        let (key, formula, value) = (step["key"].as_str().unwrap(), step["formula"].as_str().unwrap(), step["value"].as_str().unwrap());
        match check_step(key, formula, value) {
            Ok(true) => n += 1,
            Ok(false) => {}
            Err(why) => panic!("{context}: {key}: \"{formula}\" = {value}: {why}"),
        }
    }
    n
}

// ---------------------------------------------------------------- the evaluator itself

#[test]
fn the_evaluator_reads_what_it_should_and_refuses_the_rest() {
    let v = |f: &str| read(f).unwrap().unwrap().value;
    assert_eq!(v("1000 × 78 × 1.35% ÷ 12"), Decimal::new(8775, 2));
    assert_eq!(v("12 + 11 + … + 1"), Decimal::from(78));
    assert_eq!(v("36 + 35 + … + 31 + 29 + 29 + 28 + … + 1"), Decimal::from(665));
    assert_eq!(v("(350 + 320 + … + 20) ÷ 30"), Decimal::from(74));
    assert_eq!(v("max(0, min(1.1%, 1.35%) − 0.5%)"), Decimal::new(6, 3));
    assert_eq!(v("2^(3 ÷ 1)"), Decimal::from(8));
    assert_eq!(v("8^(−1 ÷ 3)").round_dp(20), Decimal::new(5, 1));
    assert_eq!(v("12 − 2 − 3"), Decimal::from(7));
    assert!(read("XIRR of 13 cash flows, ACT/365").unwrap().is_none());
    // An ellipsis must describe a run.
    assert!(read("36 + 35 + … + 1").unwrap().unwrap().value == Decimal::from(666));
    assert!(read("29 + 29 + … + 29").is_err());
    assert!(read("36 + 34 + … + 1").is_err());
    assert!(check_step("monthUnits", "36 + 35 + … + 1", "665").is_err());
    assert!(check_step("interest", "1000 × 78 × 1.35% ÷ 12", "87.75").unwrap());
    assert!(check_step("rounding", "87.754 → halfUp to 2 places", "87.75").unwrap());
    assert!(check_step("rounding", "87.755 → halfEven to 2 places", "87.76").unwrap());
    assert!(check_step("rounding", "87.755 → down to 2 places", "87.76").is_err());
    // Exactly on a boundary that 28 digits cannot hold (2.545 evaluates to 2.5449…9): the exact value's rounding passes.
    assert!(check_step("credit", "45 × (400 ÷ 30) × 5.09% ÷ 12 → halfUp to 2 places", "2.55").unwrap());
    assert!(check_step("credit", "45 × (400 ÷ 30) × 5.09% ÷ 12 → halfUp to 2 places", "2.56").is_err());
    assert!(check_step("earlyRate", "max(0, 1.35% − 0.5%)", "0.85").unwrap());
    assert!(check_step("interest", "1 ÷ 3", "0.3333333333").unwrap());
    assert!(check_step("interest", "1 ÷ 3", "0.3333").is_err());
    assert!(check_step("interest", "Σ amount × days = Σ 1000 × days", "5").is_err());
}

// ---------------------------------------------------------------- the engine's formulas

#[test]
fn every_formula_of_every_vector_evaluates_to_its_value() {
    let mut steps = 0;
    let mut results = 0;
    for (file, doc) in vector_files() {
        let products = doc["products"].as_array().unwrap();
        for v in doc["vectors"].as_array().unwrap() {
            let product = products.iter().find(|p| p["id"] == v["product"]).unwrap();
            if let Ok(q) = savings_plan::contract::calculate(product, &v["plan"]) {
                steps += check_result(&json_text(&q), &format!("{file}: {}", v["id"]));
                results += 1;
            }
        }
    }
    assert!(results >= 31 && steps > 150, "{results} results, {steps} steps");
}

#[test]
fn every_formula_of_a_comparison_evaluates_to_its_value() {
    let catalog = Value::Array(savings_plan::contract::catalog());
    for plan in [
        json!({ "start": "2025-01-15", "months": 36, "installment": "500", "events": [{ "n": 7, "paidOn": "2025-08-20" }] }),
        json!({ "start": "2025-01-31", "months": 12, "installment": "100", "inflation": "3",
            "events": [{ "n": 2, "missed": true }, { "n": 3, "paidOn": "2025-04-10", "amount": "200" }], "withdrawOn": "2027-02-01" }),
        json!({ "start": "2025-03-01", "months": 60, "installment": "5000", "withdrawOn": "2026-11-15" }),
    ] {
        let out = json_text(&savings_plan::contract::compare(&catalog, &plan, &Value::Null).unwrap());
        for e in out["entries"].as_array().unwrap() {
            if e.get("error").is_none() {
                check_result(e, &format!("{} under {plan}", e["productId"]));
            }
        }
    }
}

/// A made-up month (the example): the units are not a plain run, and the formula says so.
#[test]
fn a_made_up_month_shows_the_sum_actually_taken() {
    let standard = common::product("cn-lczq-standard");
    let plan = json!({ "start": "2025-01-15", "months": 36, "installment": "500", "events": [{ "n": 7, "paidOn": "2025-08-20" }] });
    let q = json_text(&savings_plan::contract::calculate(&standard, &plan).unwrap());
    let units = q["explain"].as_array().unwrap().iter().find(|s| s["key"] == "monthUnits").unwrap();
    assert_eq!(units["formula"], "36 + 35 + … + 31 + 29 + 29 + 28 + … + 1");
    assert_eq!(units["value"], "665");
    check_result(&q, "made up");
    let missed = json!({ "start": "2025-01-15", "months": 36, "installment": "500", "events": [{ "n": 7, "missed": true }] });
    let q = json_text(&savings_plan::contract::calculate(&standard, &missed).unwrap());
    let units = q["explain"].as_array().unwrap().iter().find(|s| s["key"] == "monthUnits").unwrap();
    assert_eq!(units["formula"], "36 + 35 + … + 31 + 29 + 28 + … + 1");
    assert_eq!(units["value"], "636");
    check_result(&q, "missed");
}

// ---------------------------------------------------------------- random plans

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Products covering every method and rule: the catalog, and variants with
/// tax changes, renewals, protection, fees, compound settings and day counts.
fn products() -> Vec<Value> {
    let mut list = savings_plan::contract::catalog();
    let standard = common::product("cn-lczq-standard");
    let variants = [
        json!({ "tax": [{ "from": "1999-11-01", "rate": "20" }, { "from": "2007-08-15", "rate": "5" }, { "from": "2008-10-09", "rate": "0" }] }),
        json!({ "interest": { "method": "dailyProduct", "dayCount": "ACT/365", "accrueTo": "dayBeforeMaturity" },
            "tax": [{ "from": "2026-03-01", "rate": "20" }] }),
        json!({ "interest": { "method": "dailyProduct", "dayCount": "30/360" }, "overdue": { "base": "maturityValue" } }),
        json!({ "interest": { "method": "compound", "compounding": "monthly", "brokenPeriod": "simple" } }),
        json!({ "interest": { "method": "compound", "compounding": "quarterly", "brokenPeriod": "compound", "dayCount": "ACT/360" },
            "maturity": { "action": "renew", "renew": { "months": 6, "times": 2 } } }),
        json!({ "interest": { "method": "compound", "compounding": "yearly", "brokenPeriod": "simple" },
            "maturity": { "action": "renew", "renew": { "months": 18, "rate": "1.7" } } }),
        json!({ "maturity": { "action": "renew", "renew": { "months": 12, "rate": "1.1", "times": 2, "carry": "principalOnly" } },
            "tax": [{ "from": "2025-06-01", "rate": "20" }], "missed": { "lateFeePer100PerMonth": "1.5" } }),
        json!({ "valueProtection": { "inflation": "2.0" }, "early": { "rate": "lowerOfHeldAndContractMinus", "penalty": "0.5",
            "heldRates": [{ "months": 6, "rate": "0.3" }, { "months": 12, "rate": "0.6" }] } }),
        json!({ "valueProtection": { "subsidyRate": "3.3" }, "missed": { "makeUpWithinMonths": 3, "breachAfter": { "total": 2 },
            "onBreach": "allAtDemand", "closeAfterConsecutive": 3 }, "rounding": { "mode": "halfEven", "payoutScale": 0 } }),
        json!({ "missed": { "makeUpWithinMonths": null, "makeUpEarnsFrom": "dueMonth", "onBreach": "stopDeposits" },
            "early": { "rate": "contractMinus", "penalty": "0.2" }, "rounding": { "mode": "down" } }),
    ];
    for v in variants {
        list.push(common::with(standard.clone(), v));
    }
    list
}

/// A plan for a product: any start, one of its terms, misses, make-ups (paid late or carried by a
/// later amount), an early or overdue withdrawal, a teller rate, an inflation.
fn scenario() -> impl Strategy<Value = (Value, Value)> {
    let count = products().len();
    (
        0..count,
        (1995i32..2030, 1u32..=12, 1u32..=31),
        (0u32..9, 0u32..300),
        prop::collection::vec((0u32..60, 0u8..4, 1u32..20), 0..5),
        (0u8..4, 0u32..1500),
        (prop::option::of(0u32..600), prop::option::of(0u32..900)),
    )
        .prop_map(move |(index, (year, month, day), (term, units), raw, (close, days), (rate, inflation))| {
            let p = products()[index].clone();
            let terms = p["terms"].as_array().unwrap();
            let months = terms[term as usize % terms.len()]["months"].as_u64().unwrap() as u32;
            let start = (1..=day).rev().find_map(|d| savings_plan::parse_date(&format!("{year}-{month:02}-{d:02}"))).unwrap();
            let schedule = |k: u32| savings_plan::add_months(start, k).unwrap();
            let step = dec(p["installment"]["step"].as_str().unwrap());
            let min = dec(p["installment"]["min"].as_str().unwrap());
            let mut installment = min.max(step) + step * Decimal::from(units);
            if let Some(max) = p["installment"]["max"].as_str() {
                installment = installment.min(dec(max));
            }
            let mut events: Vec<Value> = Vec::new();
            let mut seen = Vec::new();
            for (i, kind, late) in raw {
                let n = (i % months) + 1;
                if seen.contains(&n) || seen.contains(&(n + 1)) {
                    continue;
                }
                seen.push(n);
                let fmt = savings_plan::format_date;
                match kind {
                    0 => events.push(json!({ "n": n, "missed": true })),
                    // Made up in the next month, some days in.
                    1 if n < months => events.push(json!({ "n": n, "paidOn": fmt(schedule(n) + chrono::Duration::days(i64::from(late % 25))) })),
                    // Carried by the next installment's amount.
                    2 if n < months => {
                        seen.push(n + 1);
                        events.push(json!({ "n": n, "missed": true }));
                        events.push(json!({ "n": n + 1, "amount": (installment * Decimal::TWO).normalize().to_string() }));
                    }
                    _ => events.push(json!({ "n": n, "paidOn": fmt(schedule(n - 1) + chrono::Duration::days(i64::from(late % 20))) })),
                }
            }
            let maturity = schedule(months);
            let fmt = savings_plan::format_date;
            let withdraw = match close {
                1 => json!(fmt(start + chrono::Duration::days(1 + i64::from(days) % (maturity - start).num_days().max(2)))),
                2 => json!(fmt(maturity + chrono::Duration::days(i64::from(days)))),
                _ => Value::Null,
            };
            let rate = rate.map(|r| Decimal::new(i64::from(r), 2).to_string());
            let inflation = inflation.map(|x| Decimal::new(i64::from(x), 2).to_string());
            let plan = json!({ "start": fmt(start), "months": months, "installment": installment.normalize().to_string(),
                "rate": rate, "events": events, "withdrawOn": withdraw, "inflation": inflation });
            (p, plan)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn every_formula_of_a_random_plan_evaluates_to_its_value((p, plan) in scenario()) {
        if let Ok(q) = savings_plan::contract::calculate(&p, &plan) {
            let v = json_text(&q);
            for step in v["explain"].as_array().unwrap() {
                let (key, formula, value) = (step["key"].as_str().unwrap(), step["formula"].as_str().unwrap(), step["value"].as_str().unwrap());
                if let Err(why) = check_step(key, formula, value) {
                    prop_assert!(false, "{}: \"{}\" = {}: {} ({} under {})", key, formula, value, why, p["id"], plan);
                }
            }
        }
    }
}
