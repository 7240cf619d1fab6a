//! KFTC bank and card-company codes.

use super::client::Client;
use super::models::StandardCode;
use crate::error::Result;
use crate::path::Path;
use crate::retry::RetryClass;
use crate::transport::Call;
use reqwest::Method;

impl Client {
    /// Every bank code (`GET banks`).
    pub async fn get_banks(&self) -> Result<Vec<StandardCode>> {
        self.send(Call::new(
            "get_banks",
            Method::GET,
            Path::fixed("banks"),
            RetryClass::Idempotent,
        ))
        .await
    }

    /// One bank (`GET banks/{code}`).
    pub async fn get_bank(&self, code: &str) -> Result<StandardCode> {
        let path = Path::with_id("banks", "code", code)?;
        self.send(Call::new(
            "get_bank",
            Method::GET,
            path,
            RetryClass::Idempotent,
        ))
        .await
    }

    /// Every card-company code (`GET cards`).
    pub async fn get_cards(&self) -> Result<Vec<StandardCode>> {
        self.send(Call::new(
            "get_cards",
            Method::GET,
            Path::fixed("cards"),
            RetryClass::Idempotent,
        ))
        .await
    }

    /// One card company (`GET cards/{code}`).
    pub async fn get_card(&self, code: &str) -> Result<StandardCode> {
        let path = Path::with_id("cards", "code", code)?;
        self.send(Call::new(
            "get_card",
            Method::GET,
            path,
            RetryClass::Idempotent,
        ))
        .await
    }
}
