//! Adapter for revisions with typed results and the JSON entry points in
//! `savings_plan::contract`.
use savings_plan::contract::{self, ToJson};
use serde_json::Value;

fn text<T: ToJson>(r: Result<T, savings_plan::Error>) -> String {
    match r {
        Ok(v) => v.to_json(),
        Err(e) => format!("{{\"error\":{}}}", e.to_json()),
    }
}

pub fn catalog() -> Vec<Value> {
    contract::catalog()
}
pub fn calculate(product: &Value, plan: &Value) -> String {
    text(contract::calculate(product, plan))
}
pub fn compare(products: &Value, plan: &Value, options: &Value) -> String {
    text(contract::compare(products, plan, options))
}
pub fn reconcile(product: &Value, statement: &Value) -> String {
    text(contract::reconcile(product, statement))
}
pub fn solve_installment(product: &Value, plan: &Value, target: &Value) -> String {
    text(contract::solve_installment(product, plan, target))
}
pub fn validate_product(product: &Value) -> String {
    contract::validate_product(product).to_json()
}
