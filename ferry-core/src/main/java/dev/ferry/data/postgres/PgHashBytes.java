package dev.ferry.data.postgres;

/**
 * PostgreSQL's {@code hash_bytes_extended} with seed 0 (Bob Jenkins' lookup3 mixing, 64-bit result): what
 * {@code hashtextextended(text, 0)} returns for a text's bytes on a little-endian server (x86-64 and ARM, i.e. every
 * server ferry meets). Computing it here lets the copy fingerprint the source's rows from the COPY stream it reads
 * anyway, in the very form the target's server computes ({@link CopyLineHash}); {@code CopyLineHashIT} checks the
 * two agree on a real server.
 */
final class PgHashBytes {

    private PgHashBytes() {
    }

    static long extended(byte[] k, int offset, int length) {
        int a = 0x9e3779b9 + length + 3923095;
        int b = a;
        int c = a;
        int i = offset;
        int left = length;
        while (left >= 12) {
            // little-endian words, spelt out: the simple JIT (C1) neither inlines a helper this size nor turns a
            // VarHandle view into a plain load
            a += (k[i] & 0xff) | (k[i + 1] & 0xff) << 8 | (k[i + 2] & 0xff) << 16 | k[i + 3] << 24;
            b += (k[i + 4] & 0xff) | (k[i + 5] & 0xff) << 8 | (k[i + 6] & 0xff) << 16 | k[i + 7] << 24;
            c += (k[i + 8] & 0xff) | (k[i + 9] & 0xff) << 8 | (k[i + 10] & 0xff) << 16 | k[i + 11] << 24;
            a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
            a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
            i += 12;
            left -= 12;
        }
        // the last 0-11 bytes, little-endian into a, b and c (c's lowest byte stays free, as in lookup3)
        if (left >= 11) { c += (k[i + 10] & 0xff) << 24; }
        if (left >= 10) { c += (k[i + 9] & 0xff) << 16; }
        if (left >= 9) { c += (k[i + 8] & 0xff) << 8; }
        if (left >= 8) { b += (k[i + 7] & 0xff) << 24; }
        if (left >= 7) { b += (k[i + 6] & 0xff) << 16; }
        if (left >= 6) { b += (k[i + 5] & 0xff) << 8; }
        if (left >= 5) { b += k[i + 4] & 0xff; }
        if (left >= 4) { a += (k[i + 3] & 0xff) << 24; }
        if (left >= 3) { a += (k[i + 2] & 0xff) << 16; }
        if (left >= 2) { a += (k[i + 1] & 0xff) << 8; }
        if (left >= 1) { a += k[i] & 0xff; }
        c ^= b; c -= Integer.rotateLeft(b, 14);
        a ^= c; a -= Integer.rotateLeft(c, 11);
        b ^= a; b -= Integer.rotateLeft(a, 25);
        c ^= b; c -= Integer.rotateLeft(b, 16);
        a ^= c; a -= Integer.rotateLeft(c, 4);
        b ^= a; b -= Integer.rotateLeft(a, 14);
        c ^= b; c -= Integer.rotateLeft(b, 24);
        return ((long) b << 32) | (c & 0xffffffffL);
    }
}
