// The sandbox from plain Java: SandboxServer.startWith with options built by sandboxOptions (Java has no UShort),
// and the typed admin helpers (SandboxAdmin) with their static shorthands and builder-style copies.

package paywire;

import paywire.types.*;
import paywire.sandbox.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class SandboxAdminJavaTest {
    @Test
    void startWithOptionsAndDriveTheAdminApi() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        SandboxServer server = SandboxServer.Companion.startWith(SandboxMainKt.sandboxOptions(port));
        try {
            assertEquals("http://127.0.0.1:" + port, server.url());
            SandboxAdmin admin = new SandboxAdmin(server.url());
            BootpayReceipt receipt = admin.createBootpayReceipt(NewBootpayReceipt.awaitingConfirm(30000L).withOrderId("java-admin-1"));
            assertEquals(2, receipt.getStatus());
            assertEquals("java-admin-1", receipt.getOrderId());
            BootpayReceipt vbank = admin.createBootpayReceipt(NewBootpayReceipt.virtualAccount(9000L));
            assertEquals(1, admin.depositBootpayVbank(vbank.getReceiptId()).getStatus());
            IamportPayment ready = admin.createIamportPayment(NewIamportPayment.virtualAccount(5000.0).withMerchantUid("java-vb-1"));
            assertEquals("ready", ready.getStatus());
            assertEquals("paid", admin.depositIamportVbank(ready.getImpUid()).getStatus());

            Fault fault = admin.addFault(FaultSpec.bootpay("confirm").withMethod("POST").withStatus(503).withTimes(1L));
            assertEquals(Integer.valueOf(503), fault.getSpec().getStatus());
            assertEquals(1, admin.listFaults().size());
            admin.clearFaults();
            assertEquals(0, admin.listFaults().size());
            assertTrue(admin.advanceClock(60.0).getOffsetSeconds() >= 60.0);
            assertEquals(0L, admin.counters().getTokenRequests());

            SandboxAdminException refused = assertThrows(SandboxAdminException.class,
                    () -> admin.depositBootpayVbank(receipt.getReceiptId()));
            assertEquals(400, refused.getStatus());
            assertThrows(IllegalArgumentException.class, () -> SandboxMainKt.sandboxOptions(70000));
            SandboxException.InvalidInput badHost = assertThrows(SandboxException.InvalidInput.class,
                    () -> SandboxServer.Companion.startWith(SandboxMainKt.sandboxOptions(0, null, "localhost")));
            assertEquals("host", badHost.getField());
        } finally {
            server.stop();
        }
    }
}
