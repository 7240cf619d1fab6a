//! KFTC bank and card-company codes (`GET banks`, `GET cards`, spec §6.3).

use axum::extract::Path;
use serde_json::{json, Value};

use super::{ok, IamError, IamResult};

/// KFTC bank codes and names.
pub const BANKS: [(&str, &str); 25] = [
    ("002", "KDB산업은행"),
    ("003", "IBK기업은행"),
    ("004", "KB국민은행"),
    ("007", "수협은행"),
    ("011", "NH농협은행"),
    ("012", "지역농축협"),
    ("020", "우리은행"),
    ("023", "SC제일은행"),
    ("027", "한국씨티은행"),
    ("031", "iM뱅크"),
    ("032", "부산은행"),
    ("034", "광주은행"),
    ("035", "제주은행"),
    ("037", "전북은행"),
    ("039", "경남은행"),
    ("045", "새마을금고"),
    ("048", "신협"),
    ("050", "저축은행"),
    ("064", "산림조합"),
    ("071", "우체국"),
    ("081", "하나은행"),
    ("088", "신한은행"),
    ("089", "케이뱅크"),
    ("090", "카카오뱅크"),
    ("092", "토스뱅크"),
];

/// Card company codes and names.
pub const CARDS: [(&str, &str); 22] = [
    ("361", "BC카드"),
    ("364", "광주카드"),
    ("365", "삼성카드"),
    ("366", "신한카드"),
    ("367", "현대카드"),
    ("368", "롯데카드"),
    ("369", "수협카드"),
    ("370", "씨티카드"),
    ("371", "NH카드"),
    ("372", "전북카드"),
    ("373", "제주카드"),
    ("374", "하나카드"),
    ("381", "KB국민카드"),
    ("041", "우리카드"),
    ("071", "우체국카드"),
    ("VIS", "해외비자"),
    ("MAS", "해외마스터"),
    ("DIN", "해외다이너스"),
    ("AMX", "해외아멕스"),
    ("JCB", "해외JCB"),
    ("UNI", "중국은련"),
    ("DIS", "해외디스커버"),
];

/// The name of a bank code.
pub fn bank_name(code: &str) -> Option<&'static str> {
    BANKS.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

fn table(rows: &[(&str, &str)]) -> Value {
    Value::Array(
        rows.iter()
            .map(|(c, n)| json!({"code": c, "name": n}))
            .collect(),
    )
}

fn lookup(rows: &[(&str, &str)], code: &str, what: &str) -> IamResult {
    let (c, n) = rows
        .iter()
        .find(|(c, _)| *c == code)
        .ok_or_else(|| IamError::not_found(format!("존재하지 않는 {what} 코드입니다: {code}")))?;
    ok(json!({"code": c, "name": n}))
}

/// `GET banks`.
pub async fn banks() -> IamResult {
    ok(table(&BANKS))
}

/// `GET banks/{bank_standard_code}`.
pub async fn bank(Path(code): Path<String>) -> IamResult {
    lookup(&BANKS, &code, "은행")
}

/// `GET cards`.
pub async fn cards() -> IamResult {
    ok(table(&CARDS))
}

/// `GET cards/{card_standard_code}`.
pub async fn card(Path(code): Path<String>) -> IamResult {
    lookup(&CARDS, &code, "카드사")
}
