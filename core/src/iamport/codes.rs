//! KFTC bank and card-company codes.

use super::client::Client;
use super::models::StandardCode;
use super::spec;
use crate::error::Result;
use crate::path::Path;
use crate::transport::Call;

impl Client {
    /// Every bank code (`GET banks`).
    pub async fn get_banks(&self) -> Result<Vec<StandardCode>> {
        self.send(Call::fixed(&spec::get_banks)).await
    }

    /// One bank (`GET banks/{code}`).
    pub async fn get_bank(&self, code: &str) -> Result<StandardCode> {
        let path = Path::with_id("banks", "code", code)?;
        self.send(Call::op(&spec::get_bank, path)).await
    }

    /// Every card-company code (`GET cards`).
    pub async fn get_cards(&self) -> Result<Vec<StandardCode>> {
        self.send(Call::fixed(&spec::get_cards)).await
    }

    /// One card company (`GET cards/{code}`).
    pub async fn get_card(&self, code: &str) -> Result<StandardCode> {
        let path = Path::with_id("cards", "code", code)?;
        self.send(Call::op(&spec::get_card, path)).await
    }
}
