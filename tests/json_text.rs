//! The hand-written JSON of results (what the wasm facade sends) parses to
//! exactly what serde's derived `Serialize` gives, for every vector, every
//! catalog product and every error.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

mod common;
use common::vector_files;
use savings_plan::json::ToJson;
use serde_json::{json, Value};

fn same<T: ToJson + serde::Serialize>(v: &T) {
    let by_hand: Value = serde_json::from_str(&v.to_json()).unwrap();
    assert_eq!(by_hand, serde_json::to_value(v).unwrap());
}

#[test]
fn results_errors_comparisons_and_solutions() {
    let mut n = 0;
    for (_, doc) in vector_files() {
        for v in doc["vectors"].as_array().unwrap() {
            let product = doc["products"].as_array().unwrap().iter().find(|p| p["id"] == v["product"]).unwrap();
            match savings_plan::calculate(product, &v["plan"]) {
                Ok(q) => same(&q),
                Err(e) => same(&e),
            }
            n += 1;
        }
    }
    let catalog = Value::Array(savings_plan::catalog());
    let plan = json!({ "start": "2025-01-31", "months": 12, "installment": "100", "inflation": "3",
        "events": [{ "n": 2, "missed": true }, { "n": 3, "paidOn": "2025-04-10", "amount": "200" }], "withdrawOn": "2027-02-01" });
    same(&savings_plan::compare(&catalog, &plan, &Value::Null).unwrap());
    same(&savings_plan::compare(&catalog, &plan, &json!({ "horizon": "own" })).unwrap());
    let solution = savings_plan::solve_installment(&catalog[0], &json!({ "start": "2025-01-15", "months": 12 }), &json!("5000")).unwrap();
    same(&solution);
    same(&savings_plan::validate_product(&json!({ "id": "\"quoted\"\n", "terms": 1 })));
    assert!(n > 10);
}

#[test]
fn catalog_text_is_the_catalog() {
    let text: Value = serde_json::from_str(&savings_plan::catalog::catalog_json()).unwrap();
    assert_eq!(text, Value::Array(savings_plan::catalog()));
}

mod reading {
    use proptest::prelude::*;
    use serde_json::Value;

    /// Numbers the engine could ever use are whole; any other number reads as "fractional".
    fn normal(v: &Value) -> Value {
        match v {
            Value::Number(n) if n.as_i64().is_none() && n.as_u64().is_none() => serde_json::json!(0.5),
            Value::Array(a) => Value::Array(a.iter().map(normal).collect()),
            Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), normal(v))).collect()),
            other => other.clone(),
        }
    }

    #[test]
    fn negative_zero_reads_as_serde_json_reads_it() {
        for text in ["-0", "[-0]", "{\"months\":-0}", " -0 ", "[0,-0]"] {
            let ours = savings_plan::json_in::parse(text).unwrap();
            let theirs: Value = serde_json::from_str(text).unwrap();
            assert_eq!(ours, normal(&theirs), "{text}");
        }
        assert!(serde_json::from_str::<Value>("-0").unwrap().as_u64().is_none(), "serde_json: a float");
    }

    fn any_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| serde_json::json!(n)),
            any::<u64>().prop_map(|n| serde_json::json!(n)),
            any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| serde_json::json!(f)),
            ".*".prop_map(Value::String),
        ];
        leaf.prop_recursive(5, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec((".{0,8}", inner), 0..6).prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        fn reads_json_like_serde_json(v in any_value(), pretty in any::<bool>()) {
            let text = if pretty { serde_json::to_string_pretty(&v).unwrap() } else { serde_json::to_string(&v).unwrap() };
            prop_assert_eq!(savings_plan::json_in::parse(&text).unwrap(), normal(&v));
        }

        /// `-0` is negative zero, a float, in both readers (the regression
        /// file keeps the seed that found it).
        #[test]
        fn rejects_what_serde_json_rejects(text in "[\\[\\]{}\",:0-9a-z.eE+\\- \\\\]{0,24}") {
            let ours = savings_plan::json_in::parse(&text).map(|v| normal(&v));
            let theirs = serde_json::from_str::<Value>(&text).map(|v| normal(&v));
            // serde_json refuses lone surrogates; we read them as U+FFFD (JSON.stringify writes them).
            if !text.contains("\\u") {
                prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{}", text);
                if let (Ok(a), Ok(b)) = (ours, theirs) {
                    prop_assert_eq!(a, b);
                }
            }
        }
    }
}
