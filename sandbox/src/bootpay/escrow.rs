//! `PUT escrow/shipping/start/{receipt_id}`: registers the parcel of an escrow payment.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::Json;
use serde_json::json;

use super::{params, ApiError, ApiResult};
use crate::clock::format_time;
use crate::state::App;

/// Starts shipping on a paid receipt; answers the receipt with `escrow_data`.
pub async fn shipping_start(
    State(app): State<Arc<App>>,
    Path(receipt_id): Path<String>,
    bytes: Bytes,
) -> ApiResult {
    let body = params::parse(&bytes)?;
    let tracking_number = params::req_str(&body, "tracking_number")?;
    let delivery_corp = params::req_str(&body, "delivery_corp")?;
    let mut state = app.lock();
    let now = state.now();
    let receipt = state
        .receipts
        .get_mut(&receipt_id)
        .ok_or_else(|| ApiError::not_found("receipt", &receipt_id))?;
    if receipt.status != 1 {
        return Err(ApiError::bad_request(
            "RC_SHIPPING_NOT_ALLOWED",
            format!(
                "shipping can only start on a paid receipt (status 1); this one has status {}",
                receipt.status
            ),
        ));
    }
    receipt.escrow = Some(json!({
        "status": 1,
        "status_locale": "배송중",
        "shipping_started_at": format_time(&now),
        "receipt_confirmed_at": null,
        "tracking_number": tracking_number,
        "delivery_corp": delivery_corp,
    }));
    Ok(Json(receipt.to_json(false)))
}
