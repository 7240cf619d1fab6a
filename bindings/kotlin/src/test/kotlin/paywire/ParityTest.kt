// One source of truth: the four client objects expose exactly the operations of core's tables
// (paywire::bootpay::OPERATIONS, paywire::iamport::OPERATIONS), in Kotlin casing, no more, no fewer.
// Reflects over the interfaces UniFFI generates for each object, minus the object's own view/base-URL
// methods and per-call views (withTimeout, withRetry), which are not operations of the API.

package paywire

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class ParityTest {
    /** What an object has beside the table's operations. */
    private val objectMethods = setOf("blocking", "asyncClient", "baseUrl", "withTimeout", "withRetry")

    private fun camel(name: String): String =
        name.split('_').mapIndexed { i, part -> if (i == 0) part else part.replaceFirstChar(Char::uppercase) }.joinToString("")

    private fun operationsOf(type: Class<*>): Set<String> =
        type.declaredMethods.filter { !it.isSynthetic && "$" !in it.name }.map { it.name }.filter { it !in objectMethods }.toSet()

    @Test
    fun `every client object exposes exactly its provider's operation table`() {
        val bootpay = bootpayOperations().map(::camel).toSet()
        val iamport = iamportOperations().map(::camel).toSet()
        assertEquals(bootpayOperations().size, bootpay.size)
        assertEquals(iamportOperations().size, iamport.size)
        assertEquals(bootpay, operationsOf(BootpayInterface::class.java), "Bootpay")
        assertEquals(bootpay, operationsOf(BootpayBlockingInterface::class.java), "BootpayBlocking")
        assertEquals(iamport, operationsOf(IamportInterface::class.java), "Iamport")
        assertEquals(iamport, operationsOf(IamportBlockingInterface::class.java), "IamportBlocking")
    }
}
