/**
 * Order-preserving encoding of typed values into byte keys.
 *
 * <p>{@link io.shaledb.kv.encoding.OrderedEncoder} appends fields to a key; {@link
 * io.shaledb.kv.encoding.OrderedDecoder} reads them back. Guarantees, for values of one type and
 * direction: the unsigned lexicographic order of encodings ({@link
 * io.shaledb.kv.encoding.Keys#compare}, RocksDB's bytewise comparator) equals the SQL order of the
 * values (reversed for {@code DESC}); encodings are prefix-free, so a concatenation of fields
 * compares field by field; NULL sorts first ascending and last descending.
 *
 * <pre>
 *   field      = marker body                       (ascending)
 *              | ~(marker body)                    (descending: every byte inverted)
 *   NULL       = 0x01
 *   LONG       = 0x0C+n  n big-endian bytes        (v >= 0, n = bytes needed, 0 for zero)
 *              | 0x0B-n  low n bytes of v          (v < 0,  n = bytes needed for ~v)
 *   BOOLEAN    = 0x20 (false) | 0x21 (true)
 *   DOUBLE     = 0x28  8 bytes: IEEE bits, sign flipped (>= 0) or all inverted (< 0);
 *                      -0.0 folded into +0.0, NaN canonical and above +Infinity
 *   DECIMAL    = 0x31 (zero)
 *              | 0x32 E mantissa 0x00              (positive; value = 0.d1d2... x 10^E, d1 != 0,
 *                                                    E a LONG field, digit pairs as bytes 1..100)
 *              | 0x30 ~(E mantissa 0x00)           (negative, magnitude encoded as positive)
 *   STRING     = 0x40 escaped(UTF-8) 0x00 0x01     (escaped: 0x00 becomes 0x00 0xFF)
 *   BYTES      = 0x41 escaped(bytes) 0x00 0x01
 *   DATE       = 0x48 LONG(epoch day)
 *   TIMESTAMP  = 0x49 LONG(epoch microseconds, no zone)
 * </pre>
 *
 * <p>Ascending markers lie in {@code [0x01, 0x7F]}, descending ones in {@code [0x80, 0xFE]}, so
 * {@link io.shaledb.kv.encoding.OrderedDecoder#skipField()} needs no schema. All classes are
 * plain values or single-threaded builders; {@link io.shaledb.kv.encoding.Keys} is stateless.
 */
package io.shaledb.kv.encoding;
