// The blocking API from plain Java: BootpayBlocking, PaywireException fields, the confirm flow with a Java
// lambda (ConfirmFlow.confirmVerified), and a CompletableFuture built on the blocking calls.

package paywire;

import paywire.types.*;
import paywire.sandbox.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BlockingJavaTest {
    private static SandboxServer server;
    private static SandboxHarness admin;
    private static BootpayBlocking bootpay;

    @BeforeAll
    static void start() throws PaywireException, SandboxException {
        server = SandboxServer.Companion.start();
        admin = new SandboxHarness(server);
        // Java: the no-argument constructor and named setters (every BootpayConfig field is optional).
        BootpayConfig config = new BootpayConfig();
        config.setClientKey("sandbox-client-key");
        config.setSecretKey("sandbox-secret-key");
        config.setBaseUrl(server.bootpayUrl());
        bootpay = new Bootpay(config).blocking();
    }

    @AfterAll
    static void stop() {
        bootpay.close();
        server.stop();
    }

    @Test
    void lookUpConfirmAndCancel() throws Exception {
        String id = admin.receipt(2, 10000L, null);
        Receipt receipt = bootpay.getReceipt(id, false);
        assertEquals(10000L, receipt.getPrice());
        assertEquals(ReceiptStatus.AwaitingConfirm.INSTANCE, receipt.getStatus());

        Receipt confirmed = bootpay.confirmPayment(id);
        assertEquals(ReceiptStatus.Paid.INSTANCE, confirmed.getStatus());

        CancelPayment partial = new CancelPayment(id, 4000L, null, "java-refund-1", "cs", "partial", null, null, null);
        Receipt cancelled = bootpay.cancelPayment(partial);
        assertEquals(4000L, cancelled.getCancelledPrice());
        assertTrue(partial.toString().contains("java-refund-1"));
    }

    @Test
    void exceptionsKeepTheirFields() throws Exception {
        PaywireException.Api e = assertThrows(PaywireException.Api.class, () -> bootpay.getReceipt("nope", false));
        assertEquals(404, e.getHttpStatus());
        assertEquals("RC_NOT_FOUND", e.getCode());
        assertTrue(e.getSummary().startsWith("bootpay API error (HTTP 404"), e.getSummary());

        PaywireException.InvalidInput bad =
                assertThrows(PaywireException.InvalidInput.class, () -> bootpay.getReceipt("", false));
        assertEquals("receipt_id", bad.getField());

        // PaywireException is a checked exception in Java: catch it to handle every variant.
        try {
            bootpay.verifyPayment(admin.receipt(1, 1000L, null), 1L);
        } catch (PaywireException any) {
            PaywireException.Verification v = assertInstanceOf(PaywireException.Verification.class, any);
            VerificationFailure.AmountMismatch amount =
                    assertInstanceOf(VerificationFailure.AmountMismatch.class, v.getFailure());
            assertEquals(1L, amount.getExpected());
        }
    }

    @Test
    void confirmVerifiedWithAJavaLambda() throws Exception {
        String id = admin.receipt(2, 30000L, "java-order-1");
        Confirmed<String> done = ConfirmFlow.confirmVerified(bootpay, id, 30000L, receipt -> "reserved " + receipt.getOrderId());
        assertEquals("reserved java-order-1", done.getOutput());
        assertEquals(ReceiptStatus.Paid.INSTANCE, done.getReceipt().getStatus());
    }

    @Test
    void aThrowingJavaStepConfirmsNothing() throws Exception {
        String id = admin.receipt(2, 5000L, null);
        IOException failure = new IOException("inventory service down");
        Exception thrown = assertThrows(Exception.class,
                () -> ConfirmFlow.confirmVerified(bootpay, id, 5000L, receipt -> { throw failure; }));
        assertSame(failure, thrown);
        assertEquals(ReceiptStatus.AwaitingConfirm.INSTANCE, bootpay.getReceipt(id, false).getStatus());
    }

    @Test
    void completableFuturesOverTheBlockingApi() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<String> ids = List.of(admin.receipt(1, 100L, null), admin.receipt(1, 200L, null), admin.receipt(1, 300L, null));
            // A failure completes the future exceptionally with the PaywireException as its cause.
            CompletableFuture<Receipt> missing = PaywireFutures.supplyAsync(() -> bootpay.getReceipt("nope", false), pool);
            java.util.concurrent.ExecutionException failed =
                    assertThrows(java.util.concurrent.ExecutionException.class, missing::get);
            assertInstanceOf(PaywireException.Api.class, failed.getCause());
            List<CompletableFuture<Receipt>> futures = ids.stream()
                    .map(id -> PaywireFutures.supplyAsync(() -> bootpay.getReceipt(id, false), pool))
                    .toList();
            CompletableFuture.allOf(futures.toArray(new CompletableFuture[0])).get();
            assertEquals(600L, futures.stream().mapToLong(f -> f.join().getPrice()).sum());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void secretsStayOutOfToString() {
        BootpayConfig config = new BootpayConfig();
        config.setClientKey("ck");
        config.setSecretKey("java-secret-key");
        assertFalse(config.toString().contains("java-secret-key"), config.toString());
        IssueBillingKey card = new IssueBillingKey("nicepay", "o", "s", "5570999988887777", "12", "900101", "28", "12",
                null, null, null, null, null, null);
        assertFalse(card.toString().contains("5570999988887777"), card.toString());
    }
}
