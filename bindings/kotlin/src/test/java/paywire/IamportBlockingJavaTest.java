// The iamport blocking API from plain Java: IamportBlocking, records built positionally, PaywireException
// fields (an HTTP-200 business failure), the forgery check, a webhook, and secrets out of toString().

package paywire;

import paywire.types.*;
import paywire.sandbox.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IamportBlockingJavaTest {
    private static SandboxServer server;
    private static SandboxAdmin admin;
    private static IamportBlocking iamport;

    @BeforeAll
    static void start() throws PaywireException, SandboxException {
        server = SandboxServer.Companion.start();
        admin = new SandboxAdmin(server); // paywire's typed admin helpers, from Java
        // Java: the key pair is required (constructor), the rest are named setters.
        IamportConfig config = new IamportConfig("sandbox-imp-key", "sandbox-imp-secret", null, null, null);
        config.setBaseUrl(server.iamportUrl());
        iamport = new IamportBlocking(config);
    }

    @AfterAll
    static void stop() {
        iamport.close();
        server.stop();
    }

    @Test
    void lookUpCancelAndVerify() throws Exception {
        String id = admin.createIamportPayment(NewIamportPayment.paid(10000.0)).getImpUid();
        Payment payment = iamport.getPayment(id, true);
        assertEquals(10000.0, payment.getAmount());
        assertSame(PaymentStatus.Paid.INSTANCE, payment.getStatus());

        IamportCancelPayment partial = new IamportCancelPayment(
                id, null, 4000.0, null, null, null, "java refund", null, null, null, null, null, null, null);
        Payment cancelled = iamport.cancelPayment(partial);
        assertEquals(4000.0, cancelled.getCancelAmount());
        assertEquals(1, cancelled.getCancelHistory().size());

        VerifiedPayment verified = iamport.verifyPayment(id, 10000.0);
        assertEquals(VerifiedState.PAID, verified.getState());

        PaywireException.Verification forged =
                assertThrows(PaywireException.Verification.class, () -> iamport.verifyPayment(id, 100.0));
        VerificationFailure.AmountMismatch amount =
                assertInstanceOf(VerificationFailure.AmountMismatch.class, forged.getFailure());
        assertEquals(100L, amount.getExpected());
    }

    @Test
    void http200BusinessFailuresAreApiExceptions() {
        AgainPayment unknownKey = new AgainPayment("cust-java-none", "order-java-1", 9900.0, "정기", null, new PaymentOptions());
        PaywireException.Api e = assertThrows(PaywireException.Api.class, () -> iamport.payAgain(unknownKey));
        assertEquals("iamport", e.getProvider());
        assertEquals(200, e.getHttpStatus());
        assertEquals("1", e.getCode());
        assertTrue(e.getSummary().startsWith("iamport API error (HTTP 200"), e.getSummary());

        // PaywireException is a checked exception in Java: catch it to handle every variant.
        try {
            iamport.getPayment("", false);
        } catch (PaywireException any) {
            PaywireException.InvalidInput bad = assertInstanceOf(PaywireException.InvalidInput.class, any);
            assertEquals("imp_uid", bad.getField());
        }
    }

    @Test
    void billingKeyAndPartialLookUp() throws Exception {
        CardInput card = new CardInput("5570-1234-5678-1234", "2028-12", null, null, null);
        IamportIssueBillingKey request = new IamportIssueBillingKey(card, null, null, null, "홍길동", null, null, null, null);
        BillingCustomer key = iamport.issueBillingKey("cust-java-1", request);
        assertEquals("cust-java-1", key.getCustomerUid());
        PartialBillingCustomers some = iamport.getBillingKeys(List.of("cust-java-1", "cust-java-2"));
        assertFalse(some.getComplete());
        assertEquals(List.of("cust-java-2"), some.getMissing());

        Payment paid = iamport.payAgain(new AgainPayment("cust-java-1", "order-java-2", 9900.0, "정기", null, new PaymentOptions()));
        assertSame(PaymentStatus.Paid.INSTANCE, paid.getStatus());
    }

    @Test
    void webhookAndFutures() throws Exception {
        String id = admin.createIamportPayment(NewIamportPayment.paid(7000.0)).getImpUid();
        IamportWebhook hook = Paywire_ffiKt.parseIamportWebhook(
                admin.iamportWebhookPayload(id).getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(7000.0, iamport.verifyWebhook(hook).getAmount());

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CompletableFuture<Payment> future = PaywireFutures.supplyAsync(() -> iamport.getPayment(id, false), pool);
            assertEquals(id, future.get().getImpUid());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void secretsStayOutOfToString() {
        IamportConfig config = new IamportConfig("k", "java-imp-secret", null, null, null);
        assertFalse(config.toString().contains("java-imp-secret"), config.toString());
        CardInput card = new CardInput("5570-9999-8888-7777", "2031-07", "850505", "12", null);
        assertFalse(card.toString().contains("5570-9999-8888-7777"), card.toString());
        assertFalse(new OnetimePayment("o", 1000.0, card, null, null, null, new PaymentOptions()).toString().contains("850505"));
    }
}
