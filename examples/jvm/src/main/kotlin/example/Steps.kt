// One line per step of the smoke flow; the first failure stops the program (non-zero exit).

package example

/** Prints one line per step of the smoke flow and stops the program at the first failure. */
fun step(name: String, ok: Boolean) {
    println("  ${if (ok) "ok " else "FAIL"} $name")
    check(ok) { "smoke step failed: $name" }
}
