package io.rtlbench.rtl.mem;

/**
 * The off-chip memory model both cores share, so they are compared on equal terms.
 *
 * @param busBytes       bytes per beat on the port (a power of two, 4..64)
 * @param bytesPerCycle  sustained bandwidth in bytes/cycle (1..busBytes): a beat may start only
 *                       when busBytes of credit have accumulated at this rate
 * @param latencyCycles  cycles from an accepted read request to its response (1..4096)
 * @param sizeBytes      capacity of the backing store in bytes (a power of two, >= busBytes)
 */
public record OffChipConfig(int busBytes, int bytesPerCycle, int latencyCycles, long sizeBytes) {
    public OffChipConfig {
        if (busBytes < 4 || busBytes > 64 || Integer.bitCount(busBytes) != 1)
            throw new IllegalArgumentException("off-chip bus must be 4..64 bytes, a power of two; got " + busBytes);
        if (bytesPerCycle < 1 || bytesPerCycle > busBytes)
            throw new IllegalArgumentException("off-chip bandwidth must be 1.." + busBytes + " bytes/cycle; got " + bytesPerCycle);
        if (latencyCycles < 1 || latencyCycles > 4096)
            throw new IllegalArgumentException("off-chip latency must be 1..4096 cycles; got " + latencyCycles);
        if (sizeBytes < busBytes || Long.bitCount(sizeBytes) != 1 || sizeBytes > (1L << 30))
            throw new IllegalArgumentException("off-chip size must be a power of two, " + busBytes + " B..1 GiB; got " + sizeBytes);
    }

    /** Default: 16-byte bus at full rate, 20-cycle latency, 1 MiB. */
    public static OffChipConfig defaults() { return new OffChipConfig(16, 16, 20, 1 << 20); }

    public int beatBits() { return busBytes * 8; }
    public long words() { return sizeBytes / busBytes; }
    public int addrBits() { return 32; }
    /** Depth of the in-flight response queue: a power of two >= latency + 2. */
    public int inflightDepth() { return Integer.highestOneBit(latencyCycles + 1) << 1; }
    public OffChipConfig withBandwidth(int bytesPerCycle) { return new OffChipConfig(busBytes, bytesPerCycle, latencyCycles, sizeBytes); }
    public OffChipConfig withLatency(int cycles) { return new OffChipConfig(busBytes, bytesPerCycle, cycles, sizeBytes); }
    public OffChipConfig withSize(long bytes) { return new OffChipConfig(busBytes, bytesPerCycle, latencyCycles, bytes); }
}
