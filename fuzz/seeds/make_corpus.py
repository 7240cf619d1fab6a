#!/usr/bin/env python3
"""Writes the seed corpus under fuzz/corpus/<target>/: answers shaped like the sandbox's and the providers'
(field names from sandbox/src and the spec), error envelopes, gateway pages and edge values.

Layouts (see core/src/fuzzing.rs): answers = 2 bytes HTTP status (big endian) + body; webhooks = 1 byte
content-type index + body; redaction = 1 byte snippet length + text. Re-run after editing; file names are
content hashes so re-running is idempotent."""
import hashlib
import json
import os
import struct

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus")


def write(target, data):
    d = os.path.join(ROOT, target)
    os.makedirs(d, exist_ok=True)
    name = "seed-" + hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def answer(target, status, body):
    if not isinstance(body, (bytes, str)):
        body = json.dumps(body, ensure_ascii=False)
    if isinstance(body, str):
        body = body.encode()
    write(target, struct.pack(">H", status) + body)


# ---- Bootpay -------------------------------------------------------------------------------------------
receipt = {
    "receipt_id": "6100e8e7019943003850f9b0", "order_id": "order-1001", "order_name": "Coffee beans 1kg",
    "price": 30000, "tax_free": 0, "cancelled_price": 0, "cancelled_tax_free": 0,
    "company_name": "Paywire Sandbox", "gateway_url": "http://127.0.0.1:8080/gateway", "metadata": {"cart": "c-1"},
    "sandbox": True, "pg": "nicepay", "method": "card", "method_symbol": "card", "method_origin": "card",
    "method_origin_symbol": "card", "purchased_at": "2026-11-23T10:00:00+09:00",
    "requested_at": "2026-11-23T09:59:30+09:00", "status": 1, "status_locale": "결제완료",
    "receipt_url": "http://127.0.0.1:8080/receipt/6100e8e7019943003850f9b0", "currency": "KRW",
    "card_data": {"tid": "T1234", "card_approve_no": "30012345", "card_no": "41111111****1111", "card_quota": "00",
                  "card_company_code": "361", "card_company": "BC카드", "card_interest": "0"},
}
B = "bootpay_answer"
answer(B, 200, receipt)
cancelled = dict(receipt, status=20, cancelled_price=1000, cancelled_at="2026-11-23T11:00:00+09:00",
                 cancel_history=[{"cancel_id": "refund-1", "cancel_price": 1000}])
answer(B, 200, cancelled)
vbank = dict(receipt, status=5, method="vbank", card_data=None,
             vbank_data={"tid": "V1", "bank_code": "004", "bank_name": "국민은행", "bank_username": "홍길동",
                         "bank_account": "56211234567890", "sender_name": "홍길동", "expired_at": "2026-11-30T23:59:59+09:00"})
answer(B, 200, vbank)
answer(B, 200, dict(receipt, price=1000.0, cancelled_price="0", status="1", escrow_data={"status": 1, "status_locale": "배송중"},
                    cash_receipt_data={"tid": "C1", "cash_receipt_type": 1, "cash_receipt_no": "010-1234-5678"}))
answer(B, 200, [receipt, cancelled])
answer(B, 200, [])
answer(B, 200, {"access_token": "tok_0123456789abcdef", "server_time": 1796095844881, "expired_at": "2026-11-23T10:30:00+09:00", "expire_in": 1800})
answer(B, 200, {"access_token": "tok_x", "expire_in": 9223372036854775807})
answer(B, 200, {"access_token": "tok_x", "expire_in": -1})
answer(B, 200, {"billing_key": "66aa11bb22cc33dd44ee55ff", "receipt_id": "billing-r1", "pg": "nicepay", "method": "card",
                "published_at": "2026-11-23T10:00:00+09:00", "billing_expire_at": "2031-11-23", "status": 1,
                "billing_data": {"card_no": "41111111****1111", "card_company": "KB국민", "card_company_code": "381", "card_type": "신용"}})
answer(B, 200, {"billing_key": "66aa11bb22cc33dd44ee55ff", "status": 0})
answer(B, 200, {"reserve_id": "rsv-1", "reserve_execute_at": "2026-12-01T00:00:00+09:00"})
answer(B, 200, {"reserve_id": "rsv-1", "price": 5000, "status": 1, "billing_key": "66aa"})
answer(B, 200, {"success": True})
answer(B, 200, {"receipt_id": "cert-1", "authenticate_id": "auth-1", "pg": "danal", "method": "auth",
                "authenticated_at": "2026-11-23T10:00:00+09:00", "status": 12,
                "authenticate_data": {"name": "홍길동", "phone": "01012345678", "unique": "CI...", "birth": "19900101",
                                      "gender": 1, "foreigner": 0, "carrier": "SKT", "number_of_realarms": 0}})
answer(B, 200, [{"method": "card", "pg": "nicepay", "name": "신용카드"}, {"method": "vbank", "pg": "kcp"}])
answer(B, 200, {"user_token": "utok_1", "expired_unixtime": 1796095844, "expired_at": "2026-11-23T10:30:00+09:00"})
answer(B, 200, {"url": "https://pay.example/l/abc"})
answer(B, 200, "https://pay.example/l/abc")
answer(B, 200, {"data": "https://pay.example/l/abc"})
answer(B, 200, "")
answer(B, 200, "   \n")
answer(B, 200, {"error_code": "RC_NOT_FOUND", "message": "영수증을 찾을 수 없습니다."})
answer(B, 404, {"error_code": "RC_NOT_FOUND", "message": "영수증을 찾을 수 없습니다.", "success": False})
answer(B, 500, {"error_code": -15006, "message": "금액오류", "data": {"ResultCode": "3041", "ResultMsg": "금액오류(100원 미만)"}})
answer(B, 400, {"error_code": "RC_CANCEL_ID_DUPLICATE", "message": "이미 처리된 cancel_id"})
answer(B, 400, {"code": -2, "msg": "bad", "pg_error_code": 3011, "pg_error_message": "카드번호 4111111111111111 오류"})
answer(B, 401, {"error_code": "TOKEN_EXPIRED", "message": "토큰 만료"})
answer(B, 403, {"error_code": "AUTH_FAILED"})
answer(B, 429, {"message": "too many"})
answer(B, 502, b"<html><head><title>502 Bad Gateway</title></head><body><center>502 Bad Gateway</center></body></html>")
answer(B, 504, b"")
answer(B, 503, b"upstream connect error or disconnect/reset before headers")
answer(B, 307, b"")
answer(B, 200, b'{"receipt_id":"r1","price":1e400}')
answer(B, 200, b'{"receipt_id":"r1","price":-9223372036854775808,"cancelled_price":9223372036854775807}')
answer(B, 200, b'{"receipt_id":"r1","price":1.5}')
answer(B, 200, b'{"receipt_id":"r1","price":"30000 ","status":null,"requested_at":null}')
answer(B, 200, b'[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]')
answer(B, 200, b'{"receipt_id":"r1" "price":1}')
answer(B, 200, b'\xef\xbb\xbf{"receipt_id":"r1"}')
answer(B, 200, b'{"receipt_id":"\\ud800","order_name":"\\u0000"}')

# ---- iamport -------------------------------------------------------------------------------------------
payment = {
    "imp_uid": "imp_123456789012", "merchant_uid": "order-2001", "pay_method": "card", "channel": "pc",
    "pg_provider": "html5_inicis", "emb_pg_provider": None, "pg_tid": "sandbox_0a1b2c3d4e", "pg_id": "INIpayTest",
    "sandbox": True, "escrow": False, "apply_num": "30012345", "bank_code": None, "bank_name": None,
    "card_code": "361", "card_name": "BC카드", "card_quota": 0, "card_number": "411111*********1", "card_type": 0,
    "vbank_code": None, "vbank_name": None, "vbank_num": None, "vbank_holder": None, "vbank_date": 0,
    "vbank_issued_at": 0, "name": "Coffee beans", "amount": 30000, "cancel_amount": 0, "currency": "KRW",
    "buyer_name": "홍길동", "buyer_email": "buyer@example.com", "buyer_tel": "010-1234-5678",
    "buyer_addr": None, "buyer_postcode": None, "custom_data": None, "user_agent": "sorry_not_supported",
    "status": "paid", "started_at": 1796095800, "paid_at": 1796095844, "failed_at": 0, "cancelled_at": 0,
    "fail_reason": None, "cancel_reason": None, "receipt_url": "http://127.0.0.1:8080/receipt/imp_123456789012",
    "cancel_history": [], "cancel_receipt_urls": [], "deposit_history": [], "cash_receipt_issued": False,
    "customer_uid": None, "customer_uid_usage": None, "promotion": None,
}
I = "iamport_answer"


def env(response, code=0, message=None):
    return {"code": code, "message": message, "response": response}


answer(I, 200, env(payment))
part = dict(payment, status="cancelled", amount=30000, cancel_amount=1000, cancelled_at=1796096000,
            cancel_history=[{"pg_tid": "sandbox_ff", "amount": 1000, "cancelled_at": 1796096000, "reason": "partial",
                             "cancellation_id": "c-1", "receipt_url": "http://127.0.0.1:8080/receipt/c-1"}])
answer(I, 200, env(part))
answer(I, 200, env(dict(payment, status="ready", pay_method="vbank", vbank_code="004", vbank_name="KB국민은행",
                        vbank_num="56211234567890", vbank_holder="(주)페이와이어", vbank_date=1796700000, paid_at=0)))
answer(I, 200, env(dict(payment, amount=12.34, currency="USD", cancel_amount="0", paid_at=1796095844.881)))
answer(I, 200, env({"total": 2, "previous": 0, "next": 0, "list": [payment, part]}))
answer(I, 207, env([payment]))
answer(I, 200, env([payment, part]))
answer(I, 200, env({"access_token": "tok_abcdef0123456789", "now": 1796095844, "expired_at": 1796097644}))
answer(I, 200, env({"access_token": "tok_x", "now": -9223372036854775808, "expired_at": 9223372036854775807}))
answer(I, 200, env({"merchant_uid": "order-2001", "amount": 30000}))
answer(I, 200, env({"customer_uid": "cust-1", "pg_provider": "kcp_billing", "pg_id": "T0000", "card_name": "신한카드",
                    "card_code": "366", "card_number": "4111-****-****-1111", "card_type": 0, "customer_name": "홍길동",
                    "customer_tel": "01012345678", "customer_email": "a@b.c", "inserted": 1796095844, "updated": 1796095844}))
answer(I, 200, env([{"customer_uid": "cust-1", "pg_provider": "kcp_billing"}]))
answer(I, 200, env([{"customer_uid": "cust-1", "merchant_uid": "sch-1", "imp_uid": None, "schedule_at": 1796200000,
                     "executed_at": 0, "revoked_at": 0, "amount": 9900, "name": "월 구독", "schedule_status": "scheduled",
                     "payment_status": None, "fail_reason": None}]))
answer(I, 200, env({"total": 1, "previous": 0, "next": 2, "list": [{"merchant_uid": "sch-1", "amount": 9900, "schedule_status": "executed"}]}))
answer(I, 200, env({"imp_uid": "imp_cert1", "merchant_uid": "cert-1", "pg_provider": "danal", "name": "홍길동", "gender": "male",
                    "birthday": "1990-01-01", "foreigner": False, "phone": "01012345678", "carrier": "SKT",
                    "certified": True, "certified_at": 1796095844, "unique_key": "CI", "unique_in_site": "DI"}))
answer(I, 200, env({"imp_uid": "imp_cert1"}))
answer(I, 200, env({"company": "CJ대한통운", "invoice": "123456789012", "sent_at": 1796095844, "applied_at": 1796095900}))
answer(I, 200, env({"imp_uid": "imp_123456789012", "merchant_uid": "order-2001", "receipt_tid": "R1", "apply_num": "123",
                    "type": "person", "amount": 30000, "vat": 2727, "receipt_url": "https://r.example", "applied_at": 1796095844,
                    "cancelled_at": 0}))
answer(I, 200, env([{"code": "004", "name": "KB국민은행"}, {"code": "088", "name": "신한은행"}]))
answer(I, 200, env({"code": "361", "name": "BC카드"}))
answer(I, 200, env({"bank_holder": "홍길동"}))
answer(I, 200, env({"imp_uid": "imp_123456789012", "amount": 30000, "cash_receipt": None, "primary": None, "discount": None}))
answer(I, 200, env(None))
answer(I, 200, {"code": 0})
answer(I, 200, env(None, 1, "취소할 결제건이 존재하지 않습니다."))
answer(I, 200, env(None, -1, "카드번호 4111-1111-1111-1111 오류"))
answer(I, 404, env(None, 1, "존재하지 않는 결제정보입니다."))
answer(I, 401, env(None, -1, "Unauthorized"))
answer(I, 400, env(None, 1, "잘못된 요청"))
answer(I, 500, env(None, -1, "[9999] PG 오류"))
answer(I, 200, {"message": "no code"})
answer(I, 200, {"code": "0", "response": {}})
answer(I, 502, b"<html><body><h1>502 Bad Gateway</h1></body></html>")
answer(I, 504, b"")
answer(I, 200, b'{"code":0,"message":null,"response":{"imp_uid":"imp_1","amount":1e308,"cancel_amount":-1e308}}')
answer(I, 200, b'{"code":0,"message":null,"response":{"imp_uid":"imp_1","amount":"NaN","paid_at":"1e30"}}')
answer(I, 200, b'{"code":0,"response":{"total":"2","list":null}}')

# ---- Webhooks ------------------------------------------------------------------------------------------
W = "webhooks"
CT = {None: 0, "json": 1, "form": 2, "json-charset": 3, "form-charset": 4, "text": 5}


def hook(ct, body):
    if not isinstance(body, (bytes, str)):
        body = json.dumps(body, ensure_ascii=False)
    if isinstance(body, str):
        body = body.encode()
    write(W, bytes([CT[ct]]) + body)


bp_hook = dict(receipt, webhook_type="PAYMENT_COMPLETED")
hook("json", bp_hook)
hook(None, bp_hook)
hook("json-charset", dict(cancelled, webhook_type="PAYMENT_CANCELLED"))
hook("json", {"receipt_id": "6100e8e7019943003850f9b0", "status": 20, "price": 30000, "cancelled_price": 1000})
hook("json", {"receipt_id": "6100e8e7019943003850f9b0", "status": "5", "price": "30000"})
hook("form", "receipt_id=6100e8e7019943003850f9b0&status=1&price=30000&order_id=order-1001")
hook("json", {"imp_uid": "imp_123456789012", "merchant_uid": "order-2001", "status": "paid"})
hook("json", {"imp_uid": "imp_123456789012", "merchant_uid": "order-2001", "status": "cancelled", "cancellation_id": "c-1"})
hook(None, "imp_uid=imp_123456789012&merchant_uid=order-2001&status=ready")
hook("form-charset", "imp_uid=imp_123456789012&merchant_uid=order%2D2001&status=paid&tracking_id=x")
hook("text", "imp_uid=imp_1&status=failed")
hook("json", {"imp_uid": 123456789012, "receipt_id": 42})
hook("json", {"imp_uid": "../../etc/passwd"})
hook("json", {"receipt_id": ""})
hook("json", "[]")
hook("json", "not json")
hook("form", "%ff%fe=%e0&=&&==")
hook(None, b"\xff\xfe")
hook(None, "")
hook("form", "receipt_id=a%20b&status=99999999999999999999&price=1e400")

# ---- Redaction -----------------------------------------------------------------------------------------
R = "redaction"


def red(max_chars, text):
    if isinstance(text, str):
        text = text.encode()
    write(R, bytes([max_chars]) + text)


red(120, json.dumps(vbank, ensure_ascii=False))
red(120, json.dumps(payment, ensure_ascii=False))
red(20, b'{"vbank_num":"56211234567890","amount":1000}')
red(0, b"card 4111-1111-1111-1111 refused (HTTP 502, 1000 won)")
red(5, b"account 110 1234 5678 on 2026-11-23")
red(120, b'invalid type: string "tok_secret", expected i64 at `access_token` line 1 column 12345678')
red(120, b'"unterminated quote 12345678')
red(200, b"https://user:pw@evil.example/v2/token?private_key=abc&bank_num=1234567890#frag")
red(200, b"/relative/12345678901?x=1")
red(1, "한국어 텍스트 😀 1234567890".encode())
red(255, b"<html><body>502 Bad Gateway</body></html>")
red(10, b"12345678-")
red(10, b"1234-56-78")
red(10, b"2026-11-23 2026-11-24")
red(120, b"\xff\xfe\x00\x01 99999999")
red(120, b"   ")
red(120, b"http://[::1]:99999/x")
red(120, b"http://\xe2\x80\xae.example/12345678")
