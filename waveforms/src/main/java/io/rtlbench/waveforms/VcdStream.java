package io.rtlbench.waveforms;

/**
 * Streams the value-change section of a VCD once, front to back. Every token is checked (known
 * identifier code, legal value characters, width, times that never decrease), but current values
 * and bit-toggle counts are kept only for the watched slots, so memory is bounded by the watched
 * signals' widths, whatever the file size. A listener hears each new time and each change of a
 * watched slot and may stop the stream early.
 * Simplifications: values are 4-state ('0','1','x','z'; other 9-state letters are rejected); a
 * change before the first {@code #time} counts as time 0; the first value of a signal is not a
 * toggle, later changes count every differing bit (x/z included);
 * {@code $dumpoff} does not force values to x.
 */
final class VcdStream {
    /** Hears the stream; {@link #time} may return false to stop reading. */
    interface Listener {
        /** Called when the time advances to {@code t} (changes that follow happen at {@code t}). */
        boolean time(long t);

        /** A watched slot changed (read it with {@link VcdStream#bits}). */
        default void change(int slot) {}
    }

    private final TokenScanner sc;
    private final VcdHeader h;
    private final boolean[] watched;
    private final byte[][] cur;
    private final String[] real;
    private final long[] toggles;
    private final boolean[] assigned;
    private long time = -1, lastTime = -1, firstTime = -1;
    private long changes;

    VcdStream(TokenScanner sc, VcdHeader h, boolean[] watched) {
        this.sc = sc;
        this.h = h;
        this.watched = watched;
        this.cur = new byte[h.slots()][];
        this.real = new String[h.slots()];
        this.toggles = new long[h.slots()];
        this.assigned = new boolean[h.slots()];
        for (int s = 0; s < h.slots(); s++)
            if (watched[s]) {
                cur[s] = new byte[h.slotWidth(s)];
                java.util.Arrays.fill(cur[s], (byte) 'x');
            }
    }

    /** Current bits of a watched slot, most significant first ('0','1','x','z'). Do not modify. */
    byte[] bits(int slot) { return cur[slot]; }

    /** Last real value of a watched real slot (null before any). */
    String real(int slot) { return real[slot]; }

    long toggles(int slot) { return toggles[slot]; }

    /** First and last {@code #time} seen (-1 when none). */
    long firstTime() { return firstTime; }
    long lastTime() { return lastTime; }
    long changes() { return changes; }

    /** Reads to the end (or until the listener stops); returns true when the end was reached. */
    boolean run(Listener l) {
        while (sc.next()) {
            byte c = sc.tok[0];
            switch (c) {
                case '#' -> {
                    long t = parseTime();
                    if (t < time) throw sc.error("time goes backwards: #" + t + " after #" + time);
                    if (firstTime < 0) firstTime = t;
                    time = lastTime = t;
                    if (!l.time(t)) return false;
                }
                case '0', '1', 'x', 'X', 'z', 'Z' -> {
                    int slot = slot(1, sc.len - 1);
                    startTime(l);
                    changes++;
                    if (watched[slot]) { applyScalar(slot, c); l.change(slot); }
                }
                case 'b', 'B' -> vector(l);
                case 'r', 'R', 's', 'S' -> {
                    String v = sc.text().substring(1);
                    long line = sc.tokLine;
                    if (!sc.next()) throw VcdException.at(sc.file, line, "truncated: value '" + VcdHeaderParser.abbreviate(v) + "' has no identifier code");
                    int slot = slot(0, sc.len);
                    startTime(l);
                    changes++;
                    if (watched[slot]) { real[slot] = v; l.change(slot); }
                }
                case '$' -> {
                    if (sc.is("$comment")) skipComment();
                    else if (!(sc.is("$dumpvars") || sc.is("$dumpall") || sc.is("$dumpon") || sc.is("$dumpoff") || sc.is("$end")))
                        throw sc.error("unexpected '" + sc.text() + "' in the value changes");
                }
                default -> throw sc.error("unexpected '" + VcdHeaderParser.abbreviate(sc.text()) + "' (expected #time or a value change)");
            }
        }
        if (changes + (lastTime >= 0 ? 1 : 0) > 0 && !sc.endedWithNewline())
            throw VcdException.at(sc.file, sc.line(), "truncated: the last line (" + sc.line() + ") is cut off (no line end)");
        return true;
    }

    private void startTime(Listener l) {
        if (time < 0) { time = lastTime = firstTime = 0; l.time(0); }
    }

    private long parseTime() {
        if (sc.len < 2 || sc.len > 19) throw sc.error("bad time '" + VcdHeaderParser.abbreviate(sc.text()) + "'");
        long t = 0;
        for (int i = 1; i < sc.len; i++) {
            int d = sc.tok[i] - '0';
            if (d < 0 || d > 9) throw sc.error("bad time '" + VcdHeaderParser.abbreviate(sc.text()) + "' (expected #digits)");
            t = t * 10 + d;
        }
        return t;
    }

    private int slot(int off, int len) {
        if (len <= 0) throw sc.error("value change '" + sc.text() + "' has no identifier code");
        int s = h.ids.get(sc.tok, off, len);
        if (s < 0) throw sc.error("value change for undeclared identifier code '" + new String(sc.tok, off, len, java.nio.charset.StandardCharsets.ISO_8859_1)
                + "' (truncated or corrupt file?)");
        return s;
    }

    private void applyScalar(int slot, byte c) {
        byte[] v = cur[slot];
        byte nb = lower(c), fill = nb == '1' ? (byte) '0' : nb;
        long t = 0;
        for (int i = 0; i < v.length; i++) {
            byte want = i == v.length - 1 ? nb : fill;
            if (v[i] != want) { v[i] = want; t++; }
        }
        if (assigned[slot]) toggles[slot] += t;
        assigned[slot] = true;
    }

    private void vector(Listener l) {
        long line = sc.tokLine;
        int n = sc.len - 1;
        for (int i = 1; i <= n; i++) {
            byte b = sc.tok[i];
            if (b != '0' && b != '1' && b != 'x' && b != 'z' && b != 'X' && b != 'Z')
                throw sc.error("bad vector value '" + VcdHeaderParser.abbreviate(sc.text()) + "' (bits must be 0, 1, x or z)");
        }
        if (n == 0) throw sc.error("empty vector value 'b'");
        byte[] val = watchedCopy(n);
        if (!sc.next()) throw VcdException.at(sc.file, line, "truncated: vector value on line " + line + " has no identifier code");
        int slot = slot(0, sc.len);
        int w = h.slotWidth(slot);
        if (n > w) throw VcdException.at(sc.file, line, "vector value has " + n + " bits but '" + sc.text() + "' is " + w + " bits wide");
        startTime(l);
        changes++;
        if (!watched[slot]) return;
        byte[] v = cur[slot];
        byte first = lower(val[0]), fill = first == '1' ? (byte) '0' : first;
        long t = 0;
        for (int i = 0; i < w; i++) {
            int j = i - (w - n);
            byte want = j < 0 ? fill : lower(val[j]);
            if (v[i] != want) { v[i] = want; t++; }
        }
        if (assigned[slot]) toggles[slot] += t;
        assigned[slot] = true;
        l.change(slot);
    }

    private byte[] scratch = new byte[64];

    /** The value bits of the current token copied aside (the token buffer is reused by next()). */
    private byte[] watchedCopy(int n) {
        if (scratch.length < n) scratch = new byte[Math.max(n, scratch.length * 2)];
        System.arraycopy(sc.tok, 1, scratch, 0, n);
        return scratch;
    }

    private static byte lower(byte b) { return b == 'X' ? (byte) 'x' : b == 'Z' ? (byte) 'z' : b; }

    private void skipComment() {
        long line = sc.tokLine;
        while (sc.next()) if (sc.is("$end")) return;
        throw VcdException.at(sc.file, sc.line(), "truncated: $comment opened on line " + line + " is not closed by $end");
    }
}
