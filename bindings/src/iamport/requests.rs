//! iamport request records, mirroring `paywire::iamport`'s request structs. Required fields come first;
//! every optional field defaults to null/nil (`#[uniffi(default = None)]`). Amounts are `f64`, times unix
//! seconds. Fields iamport accepts that paywire does not model go in `other_json` / `extra_json` (JSON
//! object text, checked before anything is sent). Card data, identity numbers and refund accounts print as
//! `***` in `toString()` / `description`.

use super::enums::Sorting;
use crate::error::PaywireError;
use crate::requests::{json_map, json_object, list, opt};
use paywire::iamport as core;
use paywire::Secret;
use serde_json::Value;

/// Paging and order of a list call; every field is optional (`ListOptions()` = iamport's defaults).
#[derive(Clone, PartialEq, Default, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct ListOptions {
    /// Page number, from 1.
    #[uniffi(default = None)]
    pub page: Option<i64>,
    /// Items per page (default 20, at most 1000).
    #[uniffi(default = None)]
    pub limit: Option<i64>,
    /// Order.
    #[uniffi(default = None)]
    pub sorting: Option<Sorting>,
    /// Window start (unix s), where the call supports one.
    #[uniffi(default = None)]
    pub from: Option<i64>,
    /// Window end (unix s), where the call supports one.
    #[uniffi(default = None)]
    pub to: Option<i64>,
}

impl From<ListOptions> for core::ListOptions {
    fn from(o: ListOptions) -> Self {
        Self {
            page: o.page,
            limit: o.limit,
            sorting: o.sorting.map(Into::into),
            from: o.from,
            to: o.to,
        }
    }
}

/// A cancel (`payments/cancel`): full when `amount` is null, partial otherwise. Name the payment by
/// `imp_uid` (wins) or `merchant_uid`. When `checksum` is null paywire fills it with the cancellable balance
/// it just looked up, so a retried cancel can never refund twice. `refund_account` prints as `***`.
#[derive(Clone, PartialEq, Default, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct IamportCancelPayment {
    /// The payment (wins over `merchant_uid`).
    #[uniffi(default = None)]
    pub imp_uid: Option<String>,
    /// The order, when `imp_uid` is unknown.
    #[uniffi(default = None)]
    pub merchant_uid: Option<String>,
    /// Amount to cancel; null cancels the whole remainder.
    #[uniffi(default = None)]
    pub amount: Option<f64>,
    /// Tax-free part of the cancelled amount.
    #[uniffi(default = None)]
    pub tax_free: Option<f64>,
    /// VAT part (PGs that took an explicit VAT).
    #[uniffi(default = None)]
    pub vat_amount: Option<f64>,
    /// The cancellable balance you believe remains; filled from a fresh look-up when null.
    #[uniffi(default = None)]
    pub checksum: Option<f64>,
    /// Reason.
    #[uniffi(default = None)]
    pub reason: Option<String>,
    /// Virtual-account refund: holder.
    #[uniffi(default = None)]
    pub refund_holder: Option<String>,
    /// Virtual-account refund: bank code (PG-specific table).
    #[uniffi(default = None)]
    pub refund_bank: Option<String>,
    /// Virtual-account refund: account number. Secret.
    #[uniffi(default = None)]
    pub refund_account: Option<String>,
    /// Virtual-account refund: holder phone.
    #[uniffi(default = None)]
    pub refund_tel: Option<String>,
    /// Keep a promotion although the remainder violates it.
    #[uniffi(default = None)]
    pub retain_promotion: Option<bool>,
    /// Send a `cancelled` webhook for this cancel.
    #[uniffi(default = None)]
    pub enable_webhook: Option<bool>,
    /// `extra` (e.g. `{"requester": "customer"}` for naverpay), as JSON-object text.
    #[uniffi(default = None)]
    pub extra_json: Option<String>,
}

impl TryFrom<IamportCancelPayment> for core::CancelPayment {
    type Error = PaywireError;
    fn try_from(c: IamportCancelPayment) -> Result<Self, PaywireError> {
        Ok(Self {
            extra: json_object("extra_json", c.extra_json)?,
            imp_uid: c.imp_uid,
            merchant_uid: c.merchant_uid,
            amount: c.amount,
            tax_free: c.tax_free,
            vat_amount: c.vat_amount,
            checksum: c.checksum,
            reason: c.reason,
            refund_holder: c.refund_holder,
            refund_bank: c.refund_bank,
            refund_account: c.refund_account.map(Secret::from),
            refund_tel: c.refund_tel,
            retain_promotion: c.retain_promotion,
            enable_webhook: c.enable_webhook,
        })
    }
}

/// Card data for a billing key or a key-in payment. Every field prints as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct CardInput {
    /// `dddd-dddd-dddd-dddd`. Secret.
    pub card_number: String,
    /// `YYYY-MM`. Secret.
    pub expiry: String,
    /// Birth date `YYMMDD` or 10-digit business number. Secret.
    #[uniffi(default = None)]
    pub birth: Option<String>,
    /// First two PIN digits. Secret.
    #[uniffi(default = None)]
    pub pwd_2digit: Option<String>,
    /// CVC (Paymentwall). Secret.
    #[uniffi(default = None)]
    pub cvc: Option<String>,
}

impl From<CardInput> for core::CardInput {
    fn from(c: CardInput) -> Self {
        Self {
            card_number: c.card_number.into(),
            expiry: c.expiry.into(),
            birth: c.birth.map(Secret::from),
            pwd_2digit: c.pwd_2digit.map(Secret::from),
            cvc: c.cvc.map(Secret::from),
        }
    }
}

/// Billing-key issue (`subscribe/customers/{customer_uid}`). The card prints as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct IamportIssueBillingKey {
    /// The card.
    pub card: CardInput,
    /// Channel to issue on.
    #[uniffi(default = None)]
    pub channel_key: Option<String>,
    /// `{pg}` or `{pg}.{MID}` (older routing).
    #[uniffi(default = None)]
    pub pg: Option<String>,
    /// Customer id (tosspayments).
    #[uniffi(default = None)]
    pub customer_id: Option<String>,
    /// Buyer name stored with the key.
    #[uniffi(default = None)]
    pub customer_name: Option<String>,
    /// Phone.
    #[uniffi(default = None)]
    pub customer_tel: Option<String>,
    /// E-mail.
    #[uniffi(default = None)]
    pub customer_email: Option<String>,
    /// Address.
    #[uniffi(default = None)]
    pub customer_addr: Option<String>,
    /// Postcode.
    #[uniffi(default = None)]
    pub customer_postcode: Option<String>,
}

impl From<IamportIssueBillingKey> for core::IssueBillingKey {
    fn from(r: IamportIssueBillingKey) -> Self {
        Self {
            card: r.card.into(),
            channel_key: r.channel_key,
            pg: r.pg,
            customer_id: r.customer_id,
            customer_name: r.customer_name,
            customer_tel: r.customer_tel,
            customer_email: r.customer_email,
            customer_addr: r.customer_addr,
            customer_postcode: r.customer_postcode,
        }
    }
}

/// Buyer and order options shared by `pay_onetime`, `pay_again` and schedules.
#[derive(Clone, PartialEq, Default, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct PaymentOptions {
    /// Currency (default KRW).
    #[uniffi(default = None)]
    pub currency: Option<String>,
    /// Tax-free part.
    #[uniffi(default = None)]
    pub tax_free: Option<f64>,
    /// Explicit VAT.
    #[uniffi(default = None)]
    pub vat_amount: Option<f64>,
    /// Buyer name.
    #[uniffi(default = None)]
    pub buyer_name: Option<String>,
    /// Buyer e-mail.
    #[uniffi(default = None)]
    pub buyer_email: Option<String>,
    /// Buyer phone.
    #[uniffi(default = None)]
    pub buyer_tel: Option<String>,
    /// Buyer address.
    #[uniffi(default = None)]
    pub buyer_addr: Option<String>,
    /// Buyer postcode.
    #[uniffi(default = None)]
    pub buyer_postcode: Option<String>,
    /// Instalments (≥ 2, 50,000 KRW and up; 0 = lump sum).
    #[uniffi(default = None)]
    pub card_quota: Option<i64>,
    /// Merchant data (stored as JSON text).
    #[uniffi(default = None)]
    pub custom_data: Option<String>,
    /// Webhook URL for this payment.
    #[uniffi(default = None)]
    pub notice_url: Option<String>,
    /// `real` or `digital` (ksnet).
    #[uniffi(default = None)]
    pub product_type: Option<String>,
    /// Any other field iamport accepts (`interest_free_by_merchant`, `bypass`, `extra`, …), as JSON-object text.
    #[uniffi(default = None)]
    pub other_json: Option<String>,
}

impl TryFrom<PaymentOptions> for core::PaymentOptions {
    type Error = PaywireError;
    fn try_from(o: PaymentOptions) -> Result<Self, PaywireError> {
        Ok(Self {
            other: json_map("options.other_json", o.other_json)?,
            currency: o.currency,
            tax_free: o.tax_free,
            vat_amount: o.vat_amount,
            buyer_name: o.buyer_name,
            buyer_email: o.buyer_email,
            buyer_tel: o.buyer_tel,
            buyer_addr: o.buyer_addr,
            buyer_postcode: o.buyer_postcode,
            card_quota: o.card_quota,
            custom_data: o.custom_data,
            notice_url: o.notice_url,
            product_type: o.product_type,
        })
    }
}

fn options(value: Option<PaymentOptions>) -> Result<core::PaymentOptions, PaywireError> {
    Ok(opt(value)?.unwrap_or_default())
}

/// A key-in payment (`subscribe/payments/onetime`), optionally storing the card as `customer_uid`. Never
/// retried once sent: on `OutcomeUnknown` look the order up with `find_payment(merchant_uid)`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct OnetimePayment {
    /// Unique per payment request: the look-up key if the outcome is unknown.
    pub merchant_uid: String,
    /// Amount.
    pub amount: f64,
    /// The card.
    pub card: CardInput,
    /// Store a billing key under this id after success.
    #[uniffi(default = None)]
    pub customer_uid: Option<String>,
    /// Order name.
    #[uniffi(default = None)]
    pub name: Option<String>,
    /// `{pg}[.{MID}]`.
    #[uniffi(default = None)]
    pub pg: Option<String>,
    /// Buyer and order options.
    #[uniffi(default = None)]
    pub options: Option<PaymentOptions>,
}

impl TryFrom<OnetimePayment> for core::OnetimePayment {
    type Error = PaywireError;
    fn try_from(r: OnetimePayment) -> Result<Self, PaywireError> {
        Ok(Self {
            options: options(r.options)?,
            merchant_uid: r.merchant_uid,
            amount: r.amount,
            card: r.card.into(),
            customer_uid: r.customer_uid,
            name: r.name,
            pg: r.pg,
        })
    }
}

/// A payment with a stored billing key (`subscribe/payments/again`). Never retried once sent: on
/// `OutcomeUnknown` look the order up with `find_payment(merchant_uid)`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct AgainPayment {
    /// The billing key.
    pub customer_uid: String,
    /// Unique per payment request.
    pub merchant_uid: String,
    /// Amount.
    pub amount: f64,
    /// Order name (required by iamport for `again`).
    pub name: String,
    /// Channel of a smart-routing key.
    #[uniffi(default = None)]
    pub channel_key: Option<String>,
    /// Buyer and order options.
    #[uniffi(default = None)]
    pub options: Option<PaymentOptions>,
}

impl TryFrom<AgainPayment> for core::AgainPayment {
    type Error = PaywireError;
    fn try_from(r: AgainPayment) -> Result<Self, PaywireError> {
        Ok(Self {
            options: options(r.options)?,
            customer_uid: r.customer_uid,
            merchant_uid: r.merchant_uid,
            amount: r.amount,
            name: r.name,
            channel_key: r.channel_key,
        })
    }
}

/// One scheduled payment.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct ScheduleItem {
    /// Unique order id of this run.
    pub merchant_uid: String,
    /// When to charge (unix s).
    pub schedule_at: i64,
    /// Amount.
    pub amount: f64,
    /// Order name.
    pub name: String,
    /// Currency (paypal_v2 cannot use KRW).
    #[uniffi(default = "KRW")]
    pub currency: String,
    /// Buyer and order options.
    #[uniffi(default = None)]
    pub options: Option<PaymentOptions>,
}

impl TryFrom<ScheduleItem> for core::ScheduleItem {
    type Error = PaywireError;
    fn try_from(s: ScheduleItem) -> Result<Self, PaywireError> {
        Ok(Self {
            options: options(s.options)?,
            merchant_uid: s.merchant_uid,
            schedule_at: s.schedule_at,
            currency: s.currency,
            amount: s.amount,
            name: s.name,
        })
    }
}

/// Schedules for a billing key (`subscribe/payments/schedule`); with `card`, the key is issued first.
/// The card prints as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct SchedulePayments {
    /// The billing key (issued from `card` when it does not exist yet).
    pub customer_uid: String,
    /// The runs.
    pub schedules: Vec<ScheduleItem>,
    /// Card data, only when the key does not exist yet.
    #[uniffi(default = None)]
    pub card: Option<CardInput>,
    /// A test charge, cancelled automatically (0 = none).
    #[uniffi(default = None)]
    pub checking_amount: Option<i64>,
    /// Channel.
    #[uniffi(default = None)]
    pub channel_key: Option<String>,
    /// Customer id (tosspayments).
    #[uniffi(default = None)]
    pub customer_id: Option<String>,
}

impl TryFrom<SchedulePayments> for core::SchedulePayments {
    type Error = PaywireError;
    fn try_from(r: SchedulePayments) -> Result<Self, PaywireError> {
        Ok(Self {
            schedules: list(Some(r.schedules))?.unwrap_or_default(),
            card: r.card.map(Into::into),
            customer_uid: r.customer_uid,
            checking_amount: r.checking_amount,
            channel_key: r.channel_key,
            customer_id: r.customer_id,
        })
    }
}

/// A virtual account to issue (`POST vbanks`).
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct IssueVbank {
    /// The order.
    pub merchant_uid: String,
    /// Amount due.
    pub amount: f64,
    /// Bank code (`088` = 신한).
    pub vbank_code: String,
    /// Deposit deadline (unix s).
    pub vbank_due: i64,
    /// Channel (required by current iamport; older accounts route by `pg`).
    #[uniffi(default = None)]
    pub channel_key: Option<String>,
    /// PG (older routing).
    #[uniffi(default = None)]
    pub pg: Option<String>,
    /// Account holder shown to the buyer.
    #[uniffi(default = None)]
    pub vbank_holder: Option<String>,
    /// Order name.
    #[uniffi(default = None)]
    pub name: Option<String>,
    /// Buyer name.
    #[uniffi(default = None)]
    pub buyer_name: Option<String>,
    /// Buyer e-mail.
    #[uniffi(default = None)]
    pub buyer_email: Option<String>,
    /// Buyer phone.
    #[uniffi(default = None)]
    pub buyer_tel: Option<String>,
    /// Deposit webhook URLs.
    #[uniffi(default = None)]
    pub notice_url: Option<Vec<String>>,
    /// Merchant data.
    #[uniffi(default = None)]
    pub custom_data: Option<String>,
    /// Any other field (`tax_free`, `vat_amount`, `vbank_num`, …), as JSON-object text.
    #[uniffi(default = None)]
    pub other_json: Option<String>,
}

impl TryFrom<IssueVbank> for core::IssueVbank {
    type Error = PaywireError;
    fn try_from(r: IssueVbank) -> Result<Self, PaywireError> {
        Ok(Self {
            other: json_map("other_json", r.other_json)?,
            merchant_uid: r.merchant_uid,
            amount: r.amount,
            vbank_code: r.vbank_code,
            vbank_due: r.vbank_due,
            channel_key: r.channel_key,
            pg: r.pg,
            vbank_holder: r.vbank_holder,
            name: r.name,
            buyer_name: r.buyer_name,
            buyer_email: r.buyer_email,
            buyer_tel: r.buyer_tel,
            notice_url: r.notice_url,
            custom_data: r.custom_data,
        })
    }
}

/// An OTP (SMS/app) identity verification request. `birth` and `gender_digit` print as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct CertificationOtpRequest {
    /// Name.
    pub name: String,
    /// Phone (non-digits are stripped by iamport).
    pub phone: String,
    /// Birth date `YYMMDD`. Secret.
    pub birth: String,
    /// 7th digit of the resident number (1–4; foreigners 5–8). Secret.
    pub gender_digit: String,
    /// `SKT`, `KT` or `LGT`.
    pub carrier: String,
    /// MVNO line.
    #[uniffi(default = None)]
    pub is_mvno: Option<bool>,
    /// Service name in the SMS.
    #[uniffi(default = None)]
    pub company: Option<String>,
    /// The merchant's id.
    #[uniffi(default = None)]
    pub merchant_uid: Option<String>,
    /// Channel (required for kcp_v2).
    #[uniffi(default = None)]
    pub channel_key: Option<String>,
    /// `SMS` or `APP` (kcp_v2).
    #[uniffi(default = None)]
    pub verification_method: Option<String>,
}

impl From<CertificationOtpRequest> for core::CertificationOtpRequest {
    fn from(r: CertificationOtpRequest) -> Self {
        Self {
            name: r.name,
            phone: r.phone,
            birth: r.birth.into(),
            gender_digit: r.gender_digit.into(),
            carrier: r.carrier,
            is_mvno: r.is_mvno,
            company: r.company,
            merchant_uid: r.merchant_uid,
            channel_key: r.channel_key,
            verification_method: r.verification_method,
        }
    }
}

/// An escrow sender or receiver.
#[derive(Clone, PartialEq, Default, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct EscrowParty {
    /// Name.
    #[uniffi(default = None)]
    pub name: Option<String>,
    /// Phone.
    #[uniffi(default = None)]
    pub tel: Option<String>,
    /// Address.
    #[uniffi(default = None)]
    pub addr: Option<String>,
    /// Postcode.
    #[uniffi(default = None)]
    pub postcode: Option<String>,
    /// Other fields (`relationship`, `formed_address`), as JSON-object text.
    #[uniffi(default = None)]
    pub other_json: Option<String>,
}

impl TryFrom<EscrowParty> for core::EscrowParty {
    type Error = PaywireError;
    fn try_from(p: EscrowParty) -> Result<Self, PaywireError> {
        Ok(Self {
            other: json_map("other_json", p.other_json)?,
            name: p.name,
            tel: p.tel,
            addr: p.addr,
            postcode: p.postcode,
        })
    }
}

/// The shipment itself.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct EscrowShipment {
    /// Courier code (`CJGLS`, `HANJIN`, `EPOST`, …; unknown → `ETC`).
    pub company: String,
    /// Tracking number.
    pub invoice: String,
    /// When it was sent (unix s).
    pub sent_at: i64,
    /// Expected delivery `YYYYMMDD` (daou).
    #[uniffi(default = None)]
    pub receiving_at: Option<String>,
    /// Address (daou).
    #[uniffi(default = None)]
    pub address: Option<String>,
}

impl From<EscrowShipment> for core::EscrowShipment {
    fn from(s: EscrowShipment) -> Self {
        Self {
            company: s.company,
            invoice: s.invoice,
            sent_at: s.sent_at,
            receiving_at: s.receiving_at,
            address: s.address,
        }
    }
}

/// Shipping information to register or update (`escrows/logis/{imp_uid}`).
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct EscrowLogisRequest {
    /// The shipment.
    pub logis: EscrowShipment,
    /// Sender (null: sent as `{}`).
    #[uniffi(default = None)]
    pub sender: Option<EscrowParty>,
    /// Receiver (null: sent as `{}`).
    #[uniffi(default = None)]
    pub receiver: Option<EscrowParty>,
    /// Products (welcome requires them), as JSON-array text.
    #[uniffi(default = None)]
    pub products_json: Option<String>,
    /// Send the buyer an e-mail (nice_v2).
    #[uniffi(default = None)]
    pub send_email: Option<bool>,
}

impl TryFrom<EscrowLogisRequest> for core::EscrowLogisRequest {
    type Error = PaywireError;
    fn try_from(r: EscrowLogisRequest) -> Result<Self, PaywireError> {
        let products = match r.products_json {
            None => None,
            Some(text) => match serde_json::from_str::<Value>(&text) {
                Ok(Value::Array(items)) => Some(items),
                Ok(_) => {
                    return Err(PaywireError::invalid_input(
                        "products_json",
                        "must be a JSON array",
                    ))
                }
                Err(e) => {
                    return Err(PaywireError::invalid_input(
                        "products_json",
                        &format!("is not valid JSON ({e})"),
                    ))
                }
            },
        };
        Ok(Self {
            sender: opt(r.sender)?.unwrap_or_default(),
            receiver: opt(r.receiver)?.unwrap_or_default(),
            logis: r.logis.into(),
            products,
            send_email: r.send_email,
        })
    }
}

/// A cash receipt for a PortOne payment (`receipts/{imp_uid}`). `identifier` prints as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct IssueCashReceipt {
    /// Tax card, phone, resident or business number. Secret.
    pub identifier: String,
    /// `person`, `business`, `phone` or `taxcard`.
    #[uniffi(default = None)]
    pub identifier_type: Option<String>,
    /// `person` (income deduction, default) or `company` (expense proof).
    #[uniffi(default = None)]
    pub r#type: Option<String>,
    /// Buyer name.
    #[uniffi(default = None)]
    pub buyer_name: Option<String>,
    /// Buyer e-mail.
    #[uniffi(default = None)]
    pub buyer_email: Option<String>,
    /// Buyer phone.
    #[uniffi(default = None)]
    pub buyer_tel: Option<String>,
    /// Tax-free part.
    #[uniffi(default = None)]
    pub tax_free: Option<i64>,
    /// Other PG-specific fields (`product_type`, `corp_reg_no`, …), as JSON-object text.
    #[uniffi(default = None)]
    pub other_json: Option<String>,
}

impl TryFrom<IssueCashReceipt> for core::IssueCashReceipt {
    type Error = PaywireError;
    fn try_from(r: IssueCashReceipt) -> Result<Self, PaywireError> {
        Ok(Self {
            other: json_map("other_json", r.other_json)?,
            identifier: r.identifier.into(),
            identifier_type: r.identifier_type,
            r#type: r.r#type,
            buyer_name: r.buyer_name,
            buyer_email: r.buyer_email,
            buyer_tel: r.buyer_tel,
            tax_free: r.tax_free,
        })
    }
}

/// A cash receipt for a sale outside PortOne (`receipts/external/{merchant_uid}`). `identifier` prints
/// as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct IssueExternalCashReceipt {
    /// Sale name.
    pub name: String,
    /// Amount.
    pub amount: f64,
    /// Tax card, phone, resident or business number. Secret.
    pub identifier: String,
    /// Channel.
    #[uniffi(default = None)]
    pub channel_key: Option<String>,
    /// PG (older routing).
    #[uniffi(default = None)]
    pub pg: Option<String>,
    /// `person`, `business`, `phone` or `taxcard`.
    #[uniffi(default = None)]
    pub identifier_type: Option<String>,
    /// `person` or `company`.
    #[uniffi(default = None)]
    pub r#type: Option<String>,
    /// Other fields (`buyer_*`, `tax_free`, `pay_method`, …), as JSON-object text.
    #[uniffi(default = None)]
    pub other_json: Option<String>,
}

impl TryFrom<IssueExternalCashReceipt> for core::IssueExternalCashReceipt {
    type Error = PaywireError;
    fn try_from(r: IssueExternalCashReceipt) -> Result<Self, PaywireError> {
        Ok(Self {
            other: json_map("other_json", r.other_json)?,
            identifier: r.identifier.into(),
            name: r.name,
            amount: r.amount,
            channel_key: r.channel_key,
            pg: r.pg,
            identifier_type: r.identifier_type,
            r#type: r.r#type,
        })
    }
}

crate::redact::redacted!(
    ListOptions,
    IamportCancelPayment,
    CardInput,
    IamportIssueBillingKey,
    PaymentOptions,
    OnetimePayment,
    AgainPayment,
    ScheduleItem,
    SchedulePayments,
    IssueVbank,
    CertificationOtpRequest,
    EscrowParty,
    EscrowShipment,
    EscrowLogisRequest,
    IssueCashReceipt,
    IssueExternalCashReceipt,
);
