package io.rtlbench.waveforms;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a VCD byte stream into whitespace-separated tokens without building Strings: the current
 * token lives in a reusable byte array. Counts lines so errors can name them. Reads through a 1 MB
 * buffer, so memory does not grow with the file. Simplification: bytes are ASCII (VCD is).
 */
final class TokenScanner implements Closeable {
    private final InputStream in;
    final String file;
    private final byte[] buf = new byte[1 << 20];
    private int pos, lim;
    private boolean eof;
    private long line = 1;
    private int lastByte = '\n';
    /** The current token: {@code tok[0..len)}, starting on line {@link #tokLine}. */
    byte[] tok = new byte[256];
    int len;
    long tokLine;

    TokenScanner(InputStream in, String file) {
        this.in = in;
        this.file = file;
    }

    private boolean fill() {
        if (eof) return false;
        try {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) { eof = true; return false; }
            pos = 0;
            lim = n;
            return true;
        } catch (IOException e) {
            throw new VcdException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Advances to the next token; false at the end of the file. */
    boolean next() {
        // skip whitespace
        while (true) {
            if (pos >= lim && !fill()) { len = 0; return false; }
            byte b = buf[pos];
            if (b == '\n') { line++; lastByte = b; pos++; }
            else if (b == ' ' || b == '\t' || b == '\r' || b == '\f') { lastByte = b; pos++; }
            else break;
        }
        tokLine = line;
        len = 0;
        while (true) {
            if (pos >= lim && !fill()) return true;
            byte b = buf[pos];
            if (b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f') return true;
            if (len == tok.length) tok = java.util.Arrays.copyOf(tok, len * 2);
            tok[len++] = b;
            lastByte = b;
            pos++;
        }
    }

    /** The current token as a String (allocates; for the header and errors). */
    String text() { return new String(tok, 0, len, StandardCharsets.US_ASCII); }

    boolean is(String s) {
        if (s.length() != len) return false;
        for (int i = 0; i < len; i++) if (tok[i] != s.charAt(i)) return false;
        return true;
    }

    /** Current line (of the last byte read). */
    long line() { return line; }

    /** True when the file's last byte was a line end (false suggests a cut-off file). */
    boolean endedWithNewline() { return lastByte == '\n'; }

    VcdException error(String what) { return VcdException.at(file, tokLine, what); }

    @Override public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // reading is over; nothing to recover
        }
    }
}
