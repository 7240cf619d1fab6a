// The little JSON the sandbox admin helpers need (the project has no JSON library, and the admin API is
// small): a reader to Map/List/String/Long/Double/Boolean/null and a writer of the same.

package paywire

import paywire.types.*

/** JSON text kept as it is inside a written document (already checked to be JSON). */
internal class RawJson(val text: String)

internal object SandboxJson {
    /** Parses `text`; [IllegalArgumentException] when it is not one JSON value. */
    fun parse(text: String): Any? {
        val reader = Reader(text)
        reader.ws()
        val value = reader.value()
        reader.ws()
        require(reader.pos == text.length) { "trailing characters at ${reader.pos}" }
        return value
    }

    /** `value` as JSON text (maps with string keys, iterables, strings, numbers, booleans, null, [RawJson]). */
    fun write(value: Any?): String = StringBuilder().also { write(it, value) }.toString()

    private fun write(out: StringBuilder, value: Any?) {
        when (value) {
            null -> out.append("null")
            is RawJson -> out.append(value.text)
            is String -> string(out, value)
            is Boolean -> out.append(value)
            is Double -> {
                require(value.isFinite()) { "not a JSON number: $value" }
                if (value == Math.floor(value) && Math.abs(value) < 1e15) out.append(value.toLong()) else out.append(value)
            }
            is Float -> write(out, value.toDouble())
            is Number -> out.append(value.toLong())
            is Map<*, *> -> {
                out.append('{')
                var first = true
                for ((k, v) in value) {
                    if (!first) out.append(',')
                    first = false
                    string(out, k.toString())
                    out.append(':')
                    write(out, v)
                }
                out.append('}')
            }
            is Iterable<*> -> {
                out.append('[')
                value.forEachIndexed { i, v ->
                    if (i > 0) out.append(',')
                    write(out, v)
                }
                out.append(']')
            }
            else -> string(out, value.toString())
        }
    }

    private fun string(out: StringBuilder, s: String) {
        out.append('"')
        for (c in s) {
            when {
                c == '"' -> out.append("\\\"")
                c == '\\' -> out.append("\\\\")
                c == '\n' -> out.append("\\n")
                c == '\r' -> out.append("\\r")
                c == '\t' -> out.append("\\t")
                c < ' ' -> out.append(String.format("\\u%04x", c.code))
                else -> out.append(c)
            }
        }
        out.append('"')
    }

    private class Reader(val s: String) {
        var pos = 0

        fun ws() {
            while (pos < s.length && s[pos] in " \t\r\n") pos++
        }

        private fun fail(what: String): Nothing = throw IllegalArgumentException("invalid JSON at $pos: $what")

        private fun expect(c: Char) {
            if (pos >= s.length || s[pos] != c) fail("expected '$c'")
            pos++
        }

        fun value(): Any? {
            if (pos >= s.length) fail("unexpected end")
            return when (val c = s[pos]) {
                '{' -> obj()
                '[' -> array()
                '"' -> str()
                't' -> literal("true", true)
                'f' -> literal("false", false)
                'n' -> literal("null", null)
                else -> if (c == '-' || c in '0'..'9') number() else fail("unexpected '$c'")
            }
        }

        private fun literal(word: String, value: Any?): Any? {
            if (!s.startsWith(word, pos)) fail("expected $word")
            pos += word.length
            return value
        }

        private fun obj(): Map<String, Any?> {
            expect('{')
            val map = LinkedHashMap<String, Any?>()
            ws()
            if (pos < s.length && s[pos] == '}') {
                pos++
                return map
            }
            while (true) {
                ws()
                val key = str()
                ws()
                expect(':')
                ws()
                map[key] = value()
                ws()
                if (pos < s.length && s[pos] == ',') {
                    pos++
                    continue
                }
                expect('}')
                return map
            }
        }

        private fun array(): List<Any?> {
            expect('[')
            val list = ArrayList<Any?>()
            ws()
            if (pos < s.length && s[pos] == ']') {
                pos++
                return list
            }
            while (true) {
                ws()
                list.add(value())
                ws()
                if (pos < s.length && s[pos] == ',') {
                    pos++
                    continue
                }
                expect(']')
                return list
            }
        }

        private fun str(): String {
            expect('"')
            val out = StringBuilder()
            while (true) {
                if (pos >= s.length) fail("unterminated string")
                val c = s[pos++]
                when {
                    c == '"' -> return out.toString()
                    c == '\\' -> {
                        if (pos >= s.length) fail("unterminated escape")
                        when (val e = s[pos++]) {
                            '"', '\\', '/' -> out.append(e)
                            'b' -> out.append('\b')
                            'f' -> out.append('\u000c')
                            'n' -> out.append('\n')
                            'r' -> out.append('\r')
                            't' -> out.append('\t')
                            'u' -> {
                                if (pos + 4 > s.length) fail("short \\u escape")
                                val code = s.substring(pos, pos + 4).toIntOrNull(16) ?: fail("bad \\u escape")
                                out.append(code.toChar())
                                pos += 4
                            }
                            else -> fail("bad escape \\$e")
                        }
                    }
                    c < ' ' -> fail("control character in a string")
                    else -> out.append(c)
                }
            }
        }

        private fun number(): Number {
            val start = pos
            if (s[pos] == '-') pos++
            while (pos < s.length && s[pos] in "0123456789.eE+-") pos++
            val text = s.substring(start, pos)
            if (text.none { it in ".eE" }) text.toLongOrNull()?.let { return it }
            return text.toDoubleOrNull() ?: fail("bad number $text")
        }
    }
}

// Typed reads of a parsed object, for the admin models: a missing or mistyped required key is an
// IllegalArgumentException naming it (SandboxAdmin turns it into SandboxAdminException).

internal fun Map<String, Any?>.str(key: String): String =
    this[key] as? String ?: throw IllegalArgumentException("$key: expected a string, got ${this[key]}")

internal fun Map<String, Any?>.strOrNull(key: String): String? = this[key] as? String

internal fun Map<String, Any?>.long(key: String): Long =
    (this[key] as? Number)?.toLong() ?: throw IllegalArgumentException("$key: expected a number, got ${this[key]}")

internal fun Map<String, Any?>.longOrNull(key: String): Long? = (this[key] as? Number)?.toLong()

internal fun Map<String, Any?>.double(key: String): Double =
    (this[key] as? Number)?.toDouble() ?: throw IllegalArgumentException("$key: expected a number, got ${this[key]}")

internal fun Map<String, Any?>.doubleOrNull(key: String): Double? = (this[key] as? Number)?.toDouble()

internal fun Map<String, Any?>.bool(key: String): Boolean = this[key] as? Boolean ?: false

@Suppress("UNCHECKED_CAST")
internal fun Map<String, Any?>.obj(key: String): Map<String, Any?> =
    this[key] as? Map<String, Any?> ?: throw IllegalArgumentException("$key: expected an object, got ${this[key]}")

@Suppress("UNCHECKED_CAST")
internal fun Map<String, Any?>.objects(key: String): List<Map<String, Any?>> =
    (this[key] as? List<*> ?: throw IllegalArgumentException("$key: expected a list, got ${this[key]}"))
        .map { it as? Map<String, Any?> ?: throw IllegalArgumentException("$key: expected objects, got $it") }

internal fun Map<String, Any?>.stringMap(key: String): Map<String, String> =
    (this[key] as? Map<*, *>)?.entries?.associate { (k, v) -> k.toString() to (v?.toString() ?: "") } ?: emptyMap()

/** The value under `key` as JSON text ("null" when absent). */
internal fun Map<String, Any?>.json(key: String): String = SandboxJson.write(this[key])
