//! Adapter for revisions whose results write themselves through the public
//! `savings_plan::json::ToJson` (main up to the typed-result restructure),
//! with compare's options and reconcile (CONTRACT §8).
use savings_plan::json::ToJson;
use serde_json::Value;

fn text<T: ToJson>(r: Result<T, savings_plan::Error>) -> String {
    match r {
        Ok(v) => v.to_json(),
        Err(e) => format!("{{\"error\":{}}}", e.to_json()),
    }
}

pub fn catalog() -> Vec<Value> {
    savings_plan::catalog()
}
pub fn calculate(product: &Value, plan: &Value) -> String {
    text(savings_plan::calculate(product, plan))
}
pub fn compare(products: &Value, plan: &Value, options: &Value) -> String {
    text(savings_plan::compare(products, plan, options))
}
pub fn reconcile(product: &Value, statement: &Value) -> String {
    text(savings_plan::reconcile(product, statement))
}
pub fn solve_installment(product: &Value, plan: &Value, target: &Value) -> String {
    text(savings_plan::solve_installment(product, plan, target))
}
pub fn validate_product(product: &Value) -> String {
    savings_plan::validate_product(product).to_json()
}
