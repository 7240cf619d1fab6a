// Issue 14 from plain Java: every failure is a PaywireException a `catch` can name (a lone surrogate, a
// huge id, a redirect, an interrupt), Thread.interrupt() ends a blocking call at once with the flag kept,
// and try-with-resources releases the client's sockets.

package paywire;

import paywire.types.*;
import paywire.sandbox.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RobustnessJavaTest {
    private static SandboxServer server;
    private static SandboxHarness admin;

    @BeforeAll
    static void start() throws PaywireException, SandboxException {
        server = SandboxServer.Companion.start();
        admin = new SandboxHarness(server);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Java builds a configuration with the no-argument constructor and named setters. */
    private static BootpayConfig config(Integer maxInFlight) {
        RetryPolicy never = PaywireKt.defaultRetryPolicy();
        never.setMaxRetries(0);
        TransportSettings transport = new TransportSettings();
        transport.setRetry(never);
        transport.setMaxInFlight(maxInFlight);
        BootpayConfig config = new BootpayConfig();
        config.setClientKey("sandbox-client-key");
        config.setSecretKey("sandbox-secret-key");
        config.setBaseUrl(server.bootpayUrl());
        config.setTransport(transport);
        return config;
    }

    /** Every variant is a subclass Java can name in a catch clause. */
    @Test
    void everyVariantIsAPaywireException() {
        List<Class<? extends PaywireException>> variants = List.of(
                PaywireException.Api.class, PaywireException.Auth.class, PaywireException.InvalidInput.class,
                PaywireException.Timeout.class, PaywireException.Transport.class, PaywireException.OutcomeUnknown.class,
                PaywireException.Redirect.class, PaywireException.Decode.class, PaywireException.Verification.class,
                PaywireException.MerchantStep.class, PaywireException.Config.class, PaywireException.Interrupted.class,
                PaywireException.Internal.class);
        for (Class<? extends PaywireException> variant : variants) {
            assertTrue(PaywireException.class.isAssignableFrom(variant), variant.getName());
        }
    }

    @Test
    void aLoneSurrogateIsInvalidInputNamingTheField() throws Exception {
        try (BootpayBlocking bootpay = new BootpayBlocking(config(null))) {
            try {
                bootpay.getReceipt("abc\uD800", false);
                fail("a lone surrogate was accepted");
            } catch (PaywireException e) {
                PaywireException.InvalidInput bad = assertInstanceOf(PaywireException.InvalidInput.class, e);
                assertEquals("receipt_id", bad.getField());
            }
            try {
                bootpay.cancelPayment(new CancelPayment("r1", 1000L, null, "c\uDC00", null, null, null, null, null));
                fail("a lone surrogate was accepted");
            } catch (PaywireException.InvalidInput e) {
                assertEquals("cancel_id", e.getField());
            }
        }
        try {
            new IamportBlocking(new IamportConfig("k", "secret\uD800", server.iamportUrl(), null, null));
            fail("a lone surrogate was accepted");
        } catch (PaywireException.InvalidInput e) {
            assertEquals("imp_secret", e.getField());
            assertFalse(e.getSummary().contains("secret\uD800"));
        }
    }

    @Test
    void aHugeIdIsAShortInvalidInput() throws Exception {
        String id = "x".repeat(10 * 1024 * 1024);
        try (BootpayBlocking bootpay = new BootpayBlocking(config(null))) {
            bootpay.destroyBillingKey(id);
            fail("a 10 MB id was accepted");
        } catch (PaywireException.InvalidInput e) {
            assertEquals("billing_key", e.getField());
            assertTrue(e.getSummary().length() < 300, "message of " + e.getSummary().length() + " chars");
        }
    }

    @Test
    void aRedirectIsCaughtByName() throws Exception {
        String id = admin.receipt(1, 1000L, null);
        admin.fault("{\"method\":\"GET\",\"path\":\"receipt/*\",\"status\":301,"
                + "\"headers\":{\"location\":\"https://moved.example/v2/receipt\"},\"times\":1}");
        try (BootpayBlocking bootpay = new BootpayBlocking(config(null))) {
            bootpay.getReceipt(id, false);
            fail("the redirect was followed");
        } catch (PaywireException.Redirect e) {
            assertEquals(301, e.getHttpStatus());
            assertEquals("bootpay", e.getProvider());
            assertTrue(e.getLocation().startsWith("https://moved.example/"), e.getLocation());
            assertNotNull(e.getSummary());
            assertFalse(e.getSummary().contains("location="), e.getSummary());
        }
    }

    @Test
    void threadInterruptEndsABlockingCall() throws Exception {
        String id = admin.receipt(1, 1000L, null);
        admin.fault("{\"method\":\"GET\",\"path\":\"receipt/*\",\"latency_ms\":3000,\"times\":1}");
        AtomicReference<PaywireException> thrown = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        try (BootpayBlocking bootpay = new BootpayBlocking(config(null))) {
            Thread caller = new Thread(() -> {
                try {
                    bootpay.getReceipt(id, false);
                } catch (PaywireException e) {
                    thrown.set(e);
                    flagKept.set(Thread.currentThread().isInterrupted());
                }
            });
            caller.start();
            Thread.sleep(200);
            long start = System.nanoTime();
            caller.interrupt();
            caller.join(5_000);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertFalse(caller.isAlive());
            assertTrue(ms < 500, "returned " + ms + " ms after the interrupt");
        }
        PaywireException.Interrupted e = assertInstanceOf(PaywireException.Interrupted.class, thrown.get());
        assertEquals("get_receipt", e.getOperation());
        assertTrue(flagKept.get(), "the interrupt flag stays set");
    }

    @Test
    void tryWithResourcesReleasesTheSockets() throws Exception {
        int port = Sockets.INSTANCE.port(server);
        String id = admin.receipt(1, 1000L, null);
        // The admin's own keep-alive connection to the same port is not paywire's.
        int baseline = Sockets.INSTANCE.clientsTo(port);
        try (BootpayBlocking bootpay = new BootpayBlocking(config(null))) {
            for (int i = 0; i < 5; i++) {
                bootpay.getReceipt(id, false);
            }
            assertTrue(Sockets.INSTANCE.clientsTo(port) > baseline, "the pool keeps a connection open while in use");
        }
        Long ms = Sockets.INSTANCE.within(1_000, () -> Sockets.INSTANCE.clientsTo(port) == baseline);
        assertNotNull(ms, "sockets still open after close(): " + (Sockets.INSTANCE.clientsTo(port) - baseline));
    }
}
