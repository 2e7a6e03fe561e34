package dev.ferry.data.postgres;

import java.util.Arrays;

/**
 * The source's row fingerprints taken from the COPY stream the copy reads anyway, instead of a second scan of every
 * source table: each line of {@code COPY … TO STDOUT} (text format) is turned into the row's record text, exactly
 * what the target's server prints for {@code ROW(columns)::text}, and hashed as {@code hashtextextended(…, 0)} does
 * ({@link PgHashBytes}). The target's fingerprint ({@link PgChecksums#tableSum}) is then comparable with it.
 *
 * <p>Both forms come from the same type output functions (same session settings on both sides), so only the framing
 * differs: COPY separates fields by tabs, writes NULL as {@code \N} and escapes backslash and the control characters
 * {@code \b \f \n \r \t \v}; a record is {@code (a,b,…)}, NULL empty, and a value is double-quoted when it is empty
 * or holds {@code " \ ( ) ,} or white space, with {@code "} and {@code \} doubled. {@code CopyLineHashIT} holds
 * this against a real server for every common type.
 *
 * <p>Lines may arrive split or several to a chunk; a partial line waits for the rest.
 */
final class CopyLineHash {

    /** What a byte of a COPY line means for the record text: copied as is, or one of the other cases. */
    private static final byte PLAIN = 0;
    /** tab (next field) or newline (end of row) */
    private static final byte END = 1;
    /** copied, and the value must be quoted: ( ) , and space (the other white space arrives escaped) */
    private static final byte QUOTE = 2;
    /** a double quote: doubled, and the value quoted */
    private static final byte DOUBLE = 3;
    /** a backslash: COPY's escape */
    private static final byte ESCAPE = 4;
    private static final byte[] CLASS = new byte[256];

    static {
        CLASS['\t'] = END;
        CLASS['\n'] = END;
        CLASS['('] = QUOTE;
        CLASS[')'] = QUOTE;
        CLASS[','] = QUOTE;
        CLASS[' '] = QUOTE;
        CLASS['"'] = DOUBLE;
        CLASS['\\'] = ESCAPE;
    }

    private final boolean noColumns;
    private final RowSum sum;
    private byte[] pending = new byte[256];
    private int pendingLength;
    private byte[] record = new byte[1024];

    /**
     * @param noColumns a table without columns: every line is empty and its record is {@code ()} (a one-column
     *     table's empty line is a row holding an empty string)
     */
    CopyLineHash(boolean noColumns, RowSum sum) {
        this.noColumns = noColumns;
        this.sum = sum;
    }

    /**
     * Whether the stream's sums can stand for the source's: the server-side hash is {@code hashtextextended} (11+),
     * both servers print floats the same way at any {@code extra_float_digits} above 0 (12+: shortest exact), and
     * the target stores the stream's UTF-8 bytes as they are (the hash is of the server's bytes).
     */
    static boolean applies(RowHash hash, int sourceMajor, int targetMajor, String targetEncoding) {
        return hash == RowHash.HASHTEXT_EXTENDED && Math.min(sourceMajor, targetMajor) >= 12
                && "UTF8".equalsIgnoreCase(targetEncoding);
    }

    /** Hashes every complete line of the chunk (and of what an earlier chunk left). */
    void feed(byte[] chunk, int offset, int length) {
        int end = offset + length;
        int i = offset;
        if (pendingLength > 0) {
            int newline = i;
            while (newline < end && chunk[newline] != '\n') {
                newline++;
            }
            if (newline == end) {
                append(chunk, i, end - i);
                return;
            }
            append(chunk, i, newline + 1 - i);
            lines(pending, 0, pendingLength);
            pendingLength = 0;
            i = newline + 1;
        }
        // the driver hands over one row per message, so the last newline is usually the last byte
        int last = end - 1;
        while (last >= i && chunk[last] != '\n') {
            last--;
        }
        if (last >= i) {
            lines(chunk, i, last + 1);
        }
        if (last + 1 < end) {
            append(chunk, last + 1, end - last - 1);
        }
    }

    /** Whether a line was left incomplete (a stream that ended mid-row). */
    boolean hasPartialLine() {
        return pendingLength > 0;
    }

    private void append(byte[] chunk, int start, int length) {
        if (pendingLength + length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + length));
        }
        System.arraycopy(chunk, start, pending, pendingLength, length);
        pendingLength += length;
    }

    /** Whole lines, each ending in a newline. */
    private void lines(byte[] in, int from, int to) {
        // at most 2 bytes per input byte (doubled " and \), 3 per field (quotes, comma), and the parentheses
        int worst = 5 * (to - from) + 8;
        if (record.length < worst) {
            record = new byte[Math.max(worst, record.length * 2)];
        }
        int i = from;
        while (i < to) {
            i = line(in, i);
        }
    }

    /** One row, from {@code i} to its newline: its record text into {@link #record}, its hash into the sum. */
    private int line(byte[] in, int i) {
        byte[] out = record;
        int o = 0;
        out[o++] = '(';
        if (noColumns) {
            while (in[i] != '\n') {
                i++;
            }
            i++;
        } else {
            while (true) {
                if (in[i] == '\\' && in[i + 1] == 'N' && (in[i + 2] == '\t' || in[i + 2] == '\n')) {
                    i += 2; // NULL: nothing between the commas
                } else {
                    int start = o;
                    boolean quote = false;
                    scan:
                    while (true) {
                        byte b = in[i];
                        byte kind = CLASS[b & 0xff];
                        if (kind == PLAIN) { // most bytes: tested first, without the switch
                            out[o++] = b;
                            i++;
                            continue;
                        }
                        switch (kind) {
                            case END -> {
                                break scan;
                            }
                            case QUOTE -> {
                                out[o++] = b;
                                quote = true;
                                i++;
                            }
                            case DOUBLE -> {
                                out[o++] = b;
                                out[o++] = b;
                                quote = true;
                                i++;
                            }
                            default -> { // a backslash escape
                                byte u = unescape(in[i + 1]);
                                i += 2;
                                if (u == '\\') {
                                    out[o++] = u;
                                    quote = true;
                                } else if (u == '\t' || u == '\n' || u == 0x0b || u == '\f' || u == '\r') {
                                    quote = true;
                                }
                                out[o++] = u;
                            }
                        }
                    }
                    if (quote || o == start) {
                        System.arraycopy(out, start, out, start + 1, o - start);
                        out[start] = '"';
                        out[o + 1] = '"';
                        o += 2;
                    }
                }
                if (in[i++] == '\n') {
                    break;
                }
                out[o++] = ',';
            }
        }
        out[o++] = ')';
        sum.add(PgHashBytes.extended(out, 0, o));
        return i;
    }

    /** COPY's text escapes (what follows the backslash); any other character stands for itself. */
    private static byte unescape(byte b) {
        return switch (b) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 0x0b;
            default -> b;
        };
    }
}
