package io.rtlbench.testbenches.systolic;

import java.util.Arrays;

/**
 * The off-chip memory contents a program starts from: a bump allocator of beat-aligned regions and
 * little-endian byte writes (byte i of a beat = bits 8i+7..8i, as in the memory model). A
 * {@link #sizeOnly} image only allocates (the compiler's dry run that sizes the memories).
 */
public final class OffChipImage {
    private final int busBytes;
    private final boolean dry;
    private byte[] bytes;
    private int top;

    public OffChipImage(int busBytes) { this(busBytes, false); }

    private OffChipImage(int busBytes, boolean dry) {
        this.busBytes = busBytes;
        this.dry = dry;
        bytes = new byte[dry ? 0 : 1024];
    }

    /** An image that tracks only its size (no contents). */
    public static OffChipImage sizeOnly(int busBytes) { return new OffChipImage(busBytes, true); }

    public boolean dry() { return dry; }

    /** Reserves {@code beats} beats and returns the region's byte address. */
    public int alloc(long beats) {
        long size = beats * busBytes;
        if (top + size > (1L << 30)) throw new IllegalArgumentException("program needs more than 1 GiB of off-chip memory");
        int addr = top;
        top += (int) size;
        if (!dry && top > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(top, 2 * bytes.length));
        return addr;
    }

    public void put8(int addr, byte v) { bytes[addr] = v; }
    public void put32(int addr, int v) { for (int i = 0; i < 4; i++) bytes[addr + i] = (byte) (v >>> (8 * i)); }
    public int busBytes() { return busBytes; }
    public int size() { return top; }

    /**
     * Contents in the emulator's memory word layout: one beat per memory word, each word as
     * ceil(beat bits / 64) longs, low bytes first (a 4-byte beat takes one long).
     */
    public long[] words() {
        if (dry) throw new IllegalStateException("a size-only image has no contents");
        return toWords(bytes, top, busBytes);
    }

    static long[] toWords(byte[] bytes, int length, int busBytes) {
        int perBeat = Math.max(1, busBytes / 8), beats = length / busBytes;
        long[] w = new long[beats * perBeat];
        for (int i = 0; i < length; i++) w[i / busBytes * perBeat + i % busBytes / 8] |= (bytes[i] & 0xFFL) << (8 * (i % busBytes % 8));
        return w;
    }

    /** The inverse of {@link #words()}: memory words back to bytes. */
    public static byte[] toBytes(long[] words, int busBytes) {
        int perBeat = Math.max(1, busBytes / 8), beats = words.length / perBeat;
        byte[] b = new byte[beats * busBytes];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (words[i / busBytes * perBeat + i % busBytes / 8] >>> (8 * (i % busBytes % 8)));
        return b;
    }

    /** Reads a little-endian INT32 from raw memory bytes. */
    public static int get32(byte[] mem, int addr) {
        int v = 0;
        for (int i = 0; i < 4; i++) v |= (mem[addr + i] & 0xFF) << (8 * i);
        return v;
    }
}
