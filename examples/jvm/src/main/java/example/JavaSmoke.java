// The smoke flow from plain Java: the blocking API (BootpayBlocking / IamportBlocking), the confirm flow
// with a Java lambda (ConfirmFlow), and CompletableFuture fan-out over the blocking calls (PaywireFutures).

package example;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import paywire.Bootpay;
import paywire.BootpayBlocking;
import paywire.types.BootpayConfig;
import paywire.types.CancelPayment;
import paywire.ConfirmFlow;
import paywire.Confirmed;
import paywire.IamportBlocking;
import paywire.types.IamportConfig;
import paywire.types.TransportSettings;
import paywire.PaywireException;
import paywire.PaywireFutures;
import paywire.types.Receipt;
import paywire.types.VerifiedState;

public final class JavaSmoke {
    private JavaSmoke() {}

    public static void run(SandboxAdmin admin) throws Exception {
        String url = admin.getServer().bootpayUrl();
        // Java: a configuration is built with the no-argument constructor and named setters (every Bootpay
        // field is optional; iamport's key pair goes in the constructor).
        BootpayConfig legacyConfig = new BootpayConfig();
        legacyConfig.setApplicationId("sandbox-application-id");
        legacyConfig.setPrivateKey("sandbox-private-key");
        legacyConfig.setBaseUrl(url);
        BootpayConfig basicConfig = new BootpayConfig();
        basicConfig.setClientKey("sandbox-client-key");
        basicConfig.setSecretKey("sandbox-secret-key");
        basicConfig.setBaseUrl(url);
        TransportSettings transport = new TransportSettings();
        transport.setTimeout(Duration.ofSeconds(10));
        basicConfig.setTransport(transport);
        IamportConfig iamportConfig = new IamportConfig("sandbox-imp-key", "sandbox-imp-secret", null, null, null);
        iamportConfig.setBaseUrl(admin.getServer().iamportUrl());
        try (BootpayBlocking legacy = new Bootpay(legacyConfig).blocking();
                BootpayBlocking bootpay = new Bootpay(basicConfig).blocking();
                IamportBlocking iamport = new IamportBlocking(iamportConfig)) {
            StepsKt.step("token (blocking)", !legacy.getAccessToken().getAccessToken().isEmpty());

            String paid = admin.receipt(1, 30000L);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<CompletableFuture<Receipt>> lookups = List.of(
                        PaywireFutures.supplyAsync(() -> bootpay.getReceipt(paid, false), pool),
                        PaywireFutures.supplyAsync(() -> bootpay.getReceipt(paid, false), pool),
                        PaywireFutures.supplyAsync(() -> bootpay.getReceipt(paid, false), pool));
                CompletableFuture.allOf(lookups.toArray(new CompletableFuture[0])).join();
                boolean all = lookups.stream().allMatch(f -> f.join().getPrice() == 30000L);
                StepsKt.step("look-up (CompletableFuture x3)", all);
            } finally {
                pool.shutdown();
            }

            boolean refused;
            try {
                bootpay.verifyPayment(paid, 29000L);
                refused = false;
            } catch (PaywireException.Verification e) {
                refused = true;
            }
            StepsKt.step("forgery check (blocking, wrong amount refused)", refused);
            StepsKt.step("forgery check (blocking)", bootpay.verifyPayment(paid, 30000L).getPrice() == 30000L);

            String pending = admin.receipt(2, 12000L);
            Confirmed<String> done = ConfirmFlow.confirmVerified(bootpay, pending, 12000L, receipt -> receipt.getReceiptId());
            StepsKt.step("confirm (blocking, Java lambda step)", pending.equals(done.getOutput()));

            CancelPayment partial = new CancelPayment(paid, 1000L, null, "java-refund-1", null, null, null, null, null);
            StepsKt.step("partial cancel (blocking)", bootpay.cancelPayment(partial).getCancelledPrice() == 1000L);

            String impUid = admin.iamportPayment("paid", 30000L);
            StepsKt.step("iamport verify (blocking)",
                    iamport.verifyPayment(impUid, 30000.0).getState() == VerifiedState.PAID);
        }
    }
}
