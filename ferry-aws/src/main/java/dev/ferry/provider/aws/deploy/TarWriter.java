package dev.ferry.provider.aws.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a POSIX (ustar) tar stream with fixed owner and time, so that the same files always give the same bytes.
 * Names longer than ustar allows go into a PAX extended header, as Docker's and GNU tar's readers expect.
 */
final class TarWriter implements AutoCloseable {

    /** Every entry's modification time: 2000-01-01, fixed so that the archive's hash depends on content only. */
    static final long MTIME = 946_684_800L;
    private static final int BLOCK = 512;

    private final OutputStream out;

    TarWriter(OutputStream out) {
        this.out = out;
    }

    void directory(String name, int mode) throws IOException {
        header(name.endsWith("/") ? name : name + "/", mode, 0, '5', "");
    }

    void file(String name, int mode, long size, InputStream content) throws IOException {
        header(name, mode, size, '0', "");
        long copied = content.transferTo(out);
        if (copied != size) {
            throw new IOException(name + " changed while it was archived");
        }
        pad(size);
    }

    void symlink(String name, String target) throws IOException {
        header(name, 0777, 0, '2', target);
    }

    private void header(String name, int mode, long size, char type, String link) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] linkBytes = link.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 100 || linkBytes.length > 100 || !isAscii(name) || !isAscii(link)) {
            StringBuilder pax = new StringBuilder(record("path", name));
            if (!link.isEmpty()) {
                pax.append(record("linkpath", link));
            }
            byte[] body = pax.toString().getBytes(StandardCharsets.UTF_8);
            out.write(block("PaxHeader/" + shortName(name), 0644, body.length, 'x', ""));
            out.write(body);
            pad(body.length);
        }
        out.write(block(shortName(name), mode, size, type, shortName(link)));
    }

    private static byte[] block(String name, int mode, long size, char type, String link) {
        byte[] h = new byte[BLOCK];
        put(h, 0, 100, name.getBytes(StandardCharsets.UTF_8));
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, MTIME);
        Arrays.fill(h, 148, 156, (byte) ' ');
        h[156] = (byte) type;
        put(h, 157, 100, link.getBytes(StandardCharsets.UTF_8));
        put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
        put(h, 265, 32, "root".getBytes(StandardCharsets.US_ASCII));
        put(h, 297, 32, "root".getBytes(StandardCharsets.US_ASCII));
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        byte[] chk = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        put(h, 148, 6, chk);
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    /** A PAX record: "LENGTH key=value\n", where LENGTH counts the whole record, itself included. */
    private static String record(String key, String value) {
        int rest = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
        int length = rest + String.valueOf(rest).length();
        if (String.valueOf(length).length() != String.valueOf(rest).length()) {
            length++;
        }
        return length + " " + key + "=" + value + "\n";
    }

    private static String shortName(String name) {
        StringBuilder ascii = new StringBuilder();
        for (char c : name.toCharArray()) {
            ascii.append(c < 128 ? c : '_');
        }
        String s = ascii.toString();
        return s.length() <= 100 ? s : s.substring(s.length() - 100);
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }

    private static void put(byte[] h, int at, int length, byte[] value) {
        System.arraycopy(value, 0, h, at, Math.min(length, value.length));
    }

    private static void octal(byte[] h, int at, int length, long value) {
        String digits = String.format("%0" + (length - 1) + "o", value);
        put(h, at, length - 1, digits.getBytes(StandardCharsets.US_ASCII));
    }

    private void pad(long size) throws IOException {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            out.write(new byte[BLOCK - rest]);
        }
    }

    /** Ends the archive (two zero blocks); does not close the stream underneath. */
    @Override
    public void close() throws IOException {
        out.write(new byte[2 * BLOCK]);
        out.flush();
    }
}
