package io.rtlbench.waveforms;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps VCD identifier codes to dense slots without allocating per lookup: codes of up to 9
 * printable characters are packed into a long (base 95) and looked up in an open-addressing table;
 * longer or unusual codes fall back to a HashMap.
 */
final class IdTable {
    private long[] keys = new long[64];
    private int[] vals = new int[64];
    private int size;
    private final Map<String, Integer> other = new HashMap<>();

    /** Packed key of {@code b[off..off+len)}, or -1 when it does not pack. */
    static long pack(byte[] b, int off, int len) {
        if (len == 0 || len > 9) return -1;
        long k = 0;
        for (int i = off; i < off + len; i++) {
            int c = b[i];
            if (c < 33 || c > 126) return -1;
            k = k * 95 + (c - 32);
        }
        return k;
    }

    /** The slot of a code, or -1 when unknown. */
    int get(byte[] b, int off, int len) {
        long k = pack(b, off, len);
        if (k < 0) {
            Integer v = other.get(new String(b, off, len, java.nio.charset.StandardCharsets.ISO_8859_1));
            return v == null ? -1 : v;
        }
        int mask = keys.length - 1;
        for (int i = hash(k) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == 0) return -1;
            if (keys[i] == k) return vals[i];
        }
    }

    void put(String code, int slot) {
        byte[] b = code.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        long k = pack(b, 0, b.length);
        if (k < 0) { other.put(code, slot); return; }
        if (2 * (size + 1) > keys.length) grow();
        insert(k, slot);
    }

    private void insert(long k, int v) {
        int mask = keys.length - 1;
        for (int i = hash(k) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == 0) { keys[i] = k; vals[i] = v; size++; return; }
            if (keys[i] == k) { vals[i] = v; return; }
        }
    }

    private void grow() {
        long[] ok = keys;
        int[] ov = vals;
        keys = new long[ok.length * 2];
        vals = new int[ok.length * 2];
        size = 0;
        for (int i = 0; i < ok.length; i++) if (ok[i] != 0) insert(ok[i], ov[i]);
    }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
