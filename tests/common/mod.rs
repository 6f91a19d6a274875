//! Helpers that make tests read like the domain.
#![allow(dead_code, clippy::unwrap_used)]

use serde_json::{json, Value};

/// The vectors files: the repository's copy, this project's vectors of
/// RULES §8 (`vectors-revision2.json`), and `../shared/domain/vectors.json`
/// when it exists.
pub fn vector_files() -> Vec<(String, Value)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut files = vec![format!("{root}/tests/data/vectors.json"), format!("{root}/tests/data/vectors-revision2.json")];
    let shared = format!("{root}/../shared/domain/vectors.json");
    if std::path::Path::new(&shared).exists() {
        files.push(shared);
    }
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).unwrap();
            (f, serde_json::from_str(&text).unwrap())
        })
        .collect()
}

/// A product of the vectors file by id.
pub fn vector_product(id: &str) -> Value {
    let (_, v) = &vector_files()[0];
    v["products"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap().clone()
}

/// A built-in catalog product by id.
pub fn product(id: &str) -> Value {
    savings_plan::contract::catalog().into_iter().find(|p| p["id"] == id).unwrap()
}

/// A product with some fields replaced (shallow merge at the top, one level deep for objects).
pub fn with(mut base: Value, changes: Value) -> Value {
    for (k, v) in changes.as_object().unwrap() {
        match (base.get_mut(k), v) {
            (Some(Value::Object(dst)), Value::Object(src)) => {
                for (k2, v2) in src {
                    dst.insert(k2.clone(), v2.clone());
                }
            }
            _ => {
                base[k] = v.clone();
            }
        }
    }
    base
}

/// A regular plan.
pub fn plan(start: &str, months: u32, installment: &str, rate: Option<&str>) -> Value {
    json!({ "start": start, "months": months, "installment": installment, "rate": rate,
            "events": [], "withdrawOn": null, "inflation": null })
}

/// Reads a result field by an `a[i].b` path.
pub fn field(result: &Value, path: &str) -> Value {
    let mut cur = result.clone();
    for part in path.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((n, rest)) => (n, Some(rest.trim_end_matches(']').parse::<usize>().unwrap())),
            None => (part, None),
        };
        cur = cur.get(name).cloned().unwrap_or(Value::Null);
        if let Some(i) = index {
            cur = cur.get(i).cloned().unwrap_or(Value::Null);
        }
    }
    cur
}

/// A result field as text: a string as it is, anything else as JSON.
pub fn s(v: &Value, path: &str) -> String {
    match field(v, path) {
        Value::String(s) => s,
        other => other.to_string(),
    }
}

/// Runs calculate and returns the result as JSON, or the error as `{ "error": … }`.
pub fn run(product: &Value, plan: &Value) -> Value {
    match savings_plan::contract::calculate(product, plan) {
        Ok(q) => serde_json::from_str(&q.to_json()).unwrap(),
        Err(e) => json!({ "error": e }),
    }
}
