// The official Bootpay Java SDK (io.github.bootpay:backend 3.1.0) as one benchmark client, run as a source file:
// java -cp 'bench/java/target/deps/*' bench/clients/JavaOfficial.java BASE RID N M
// Pointed at the bench server through its public baseUrl field; one token, N look-ups, then M on 32 threads
// sharing the client. The JVM gets min(N, 500) untimed warm-up look-ups (JIT), as the Kotlin client does.

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kr.co.bootpay.pg.Bootpay;

public class JavaOfficial {
    public static void main(String[] args) throws Exception {
        int k = args.length;
        String base = args[k - 4].replaceAll("/$", "") + "/";
        String rid = args[k - 3];
        int n = Integer.parseInt(args[k - 2]);
        int m = Integer.parseInt(args[k - 1]);
        Bootpay client = new Bootpay("bench-application-id", "bench-private-key-0000000000000000000000000=");
        client.baseUrl = base;
        long t0 = System.nanoTime();
        HashMap<String, Object> token = client.getAccessToken();
        if (client.token == null || client.token.isEmpty()) throw new IllegalStateException("no token: " + token);
        double tokenS = (System.nanoTime() - t0) / 1e9;
        for (int i = 0; i < Math.min(n, 500); i++) one(client, rid);
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) one(client, rid);
        double seqS = (System.nanoTime() - t1) / 1e9;
        AtomicInteger left = new AtomicInteger(m);
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        long t2 = System.nanoTime();
        for (int i = 0; i < 32; i++) {
            pool.execute(() -> {
                while (left.getAndDecrement() > 0) {
                    try { one(client, rid); } catch (Exception e) { failures.incrementAndGet(); }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        double concS = (System.nanoTime() - t2) / 1e9;
        if (failures.get() > 0) throw new IllegalStateException(failures.get() + " concurrent look-ups failed");
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) rss = Long.parseLong(line.split("\\s+")[1]);
        }
        System.out.printf("{\"token_s\":%f,\"seq_calls\":%d,\"seq_s\":%f,\"conc_calls\":%d,\"conc_s\":%f,\"rss_kb\":%d}%n",
            tokenS, n, seqS, m, concS, rss);
    }

    static void one(Bootpay client, String rid) throws Exception {
        HashMap<String, Object> receipt = client.getReceipt(rid);
        if (!rid.equals(receipt.get("receipt_id"))) throw new IllegalStateException("wrong receipt: " + receipt);
    }
}
