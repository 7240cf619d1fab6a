// Calls the README's Kotlin and Java blocks (extracted by scripts/dist/readme_blocks.py into
// target/generated-sources/readme; package readme.<doc>.k<n> / j<n> = the n-th block of that language)
// against the sandbox. The blocks take their clients as parameters; the ones that build a client with the
// README's placeholder credentials are called too (building makes no network call).

package example

import paywire.Bootpay
import paywire.types.BootpayConfig
import paywire.Iamport
import paywire.types.IamportConfig
import paywire.types.ReceiptStatus
import paywire.types.VerifiedState
import java.util.concurrent.Executors

suspend fun runReadmeBlocks(admin: SandboxAdmin) {
    val bootpay = Bootpay(BootpayConfig(clientKey = "sandbox-client-key", secretKey = "sandbox-secret-key", baseUrl = admin.server.bootpayUrl()))
    val iamport = Iamport(IamportConfig(impKey = "sandbox-imp-key", impSecret = "sandbox-imp-secret", baseUrl = admin.server.iamportUrl()))

    // README.md, Kotlin quick start
    readme.root.k1.bootpay().close()
    readme.root.k1.onPaid(bootpay, admin.receipt(status = 1, price = 30000))
    step("README.md kotlin: onPaid", true)
    val confirmed = readme.root.k1.onAwaitingConfirm(bootpay, admin.receipt(status = 2, price = 30000))
    step("README.md kotlin: onAwaitingConfirm", confirmed.status == ReceiptStatus.Paid)

    // bindings/README.md, Kotlin (Bootpay)
    readme.bindings.k1.bootpayClient().close()
    val shipped = readme.bindings.k1.shipIfPaid(bootpay, admin.receipt(status = 1, price = 30000))
    step("bindings/README.md kotlin: shipIfPaid", shipped.price == 30000L)
    val order = readme.bindings.k1.confirmOrder(bootpay, admin.receipt(status = 2, price = 30000))
    step("bindings/README.md kotlin: confirmOrder", order.receipt.status == ReceiptStatus.Paid)

    // bindings/README.md, Kotlin (iamport)
    readme.bindings.k2.iamportClient().close()
    val verified = readme.bindings.k2.onIamportPaid(iamport, "readme-order-${System.nanoTime()}", admin.iamportPayment("paid", 30000))
    step("bindings/README.md kotlin: onIamportPaid", verified.state == VerifiedState.PAID)

    // bindings/README.md, Java
    val blocking = Bootpay(BootpayConfig(clientKey = "sandbox-client-key", secretKey = "sandbox-secret-key", baseUrl = admin.server.bootpayUrl())).blocking()
    val checkout = readme.bindings.j1.Checkout(blocking)
    step("bindings/README.md java: confirm", checkout.confirm(admin.receipt(status = 2, price = 30000)).status == ReceiptStatus.Paid)
    val pool = Executors.newSingleThreadExecutor()
    try {
        step("bindings/README.md java: lookUp", checkout.lookUp(admin.receipt(status = 1, price = 5000), pool).join().price == 5000L)
    } finally {
        pool.shutdown()
    }
    blocking.close()

    // bindings/README.md, timeouts and retries (TransportSettings, withTimeout; Java named setters)
    readme.bindings.k3.patientClient("your-client-key", "your-secret-key").close()
    val slow = readme.bindings.k3.slowLookUp(bootpay, admin.receipt(status = 1, price = 6000))
    step("bindings/README.md kotlin: slowLookUp", slow.price == 6000L)
    val javaBootpay = readme.bindings.j2.Clients.bootpay("your-client-key", "your-secret-key")
    val javaIamport = readme.bindings.j2.Clients.iamport("your-imp-key", "your-imp-secret")
    step(
        "bindings/README.md java: Clients (named setters)",
        javaBootpay.baseUrl() == "https://api.bootpay.co.kr/v2" && javaIamport.baseUrl() == "https://static-api.iamport.kr",
    )
    javaBootpay.close()
    javaIamport.close()

    // bindings/README.md, scoped use (Kotlin `use {}`, Java try-with-resources)
    val config = BootpayConfig(clientKey = "sandbox-client-key", secretKey = "sandbox-secret-key", baseUrl = admin.server.bootpayUrl())
    val scoped = readme.bindings.k4.lookUpOnce(config, admin.receipt(status = 1, price = 7000))
    step("bindings/README.md kotlin: lookUpOnce", scoped.price == 7000L)
    val scopedJava = readme.bindings.j3.ScopedLookUp.lookUpOnce(config, admin.receipt(status = 1, price = 8000))
    step("bindings/README.md java: lookUpOnce", scopedJava.price == 8000L)
    bootpay.close()
    iamport.close()
}
