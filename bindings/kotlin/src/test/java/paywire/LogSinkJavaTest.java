// A log sink from plain Java: a lambda is a LogSink; records carry their fields; a throwing sink breaks nothing.

package paywire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import paywire.types.LogLevel;
import paywire.types.LogRecord;
import paywire.sandbox.*;

class LogSinkJavaTest {
    private static SandboxServer server;
    private static SandboxHarness admin;

    @BeforeAll
    static void start() throws PaywireException, SandboxException {
        server = SandboxServer.Companion.start();
        admin = new SandboxHarness(server);
    }

    @AfterEach
    void unhook() {
        Paywire_ffiKt.clearLogSink();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aLambdaReceivesRecords() throws Exception {
        BootpayBlocking bootpay = admin.basic(null, null).blocking();
        String id = admin.receipt(1, 1000L, null);
        AtomicReference<LogRecord> seen = new AtomicReference<>();
        CountDownLatch arrived = new CountDownLatch(1);
        Paywire_ffiKt.setLogSink(record -> {
            if ("get_receipt".equals(record.getOperation()) && seen.compareAndSet(null, record)) {
                arrived.countDown();
            }
        }, LogLevel.DEBUG);
        assertEquals(1000L, bootpay.getReceipt(id, false).getPrice());
        assertTrue(arrived.await(5, TimeUnit.SECONDS), "no get_receipt record");
        LogRecord record = seen.get();
        assertEquals("bootpay", record.getProvider());
        assertEquals(Integer.valueOf(200), record.getHttpStatus());
        assertEquals(LogLevel.DEBUG, record.getLevel());
    }

    @Test
    void aThrowingLambdaBreaksNothing() throws Exception {
        BootpayBlocking bootpay = admin.basic(null, null).blocking();
        String id = admin.receipt(1, 2000L, null);
        Paywire_ffiKt.setLogSink(record -> {
            throw new IllegalStateException("broken sink");
        }, LogLevel.TRACE);
        assertEquals(2000L, bootpay.getReceipt(id, false).getPrice());
        Paywire_ffiKt.setLogLevel(LogLevel.ERROR);
        assertEquals(2000L, bootpay.getReceipt(id, false).getPrice());
    }
}
