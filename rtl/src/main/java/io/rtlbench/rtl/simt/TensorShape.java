package io.rtlbench.rtl.simt;

/**
 * The tile of the warp matrix unit ({@link TensorUnit}) for T threads per warp, T = 2g^2 (g = 1, 2,
 * 4 for T = 2, 8, 32): D (M x N, INT32) = A (M x K, INT8) x B (K x N, INT8) + C with M = N = 2g and
 * K = 4g, so every thread holds one register of A, one of B and two of C/D (at T = 32 this is
 * PTX's {@code mma.m8n8k16.s32.s8.s8.s32}). The unit has M x N x 4 multipliers and covers K in g
 * passes of 4.
 *
 * @param g threads per group (PTX's threadID_in_group runs 0..g-1); 2g groups
 */
public record TensorShape(int g) {
    /** g for T threads per warp, or -1 when T is not 2g^2 with g in {1, 2, 4}. */
    public static int groupSize(int threads) {
        return switch (threads) {
            case 2 -> 1;
            case 8 -> 2;
            case 32 -> 4;
            default -> -1;
        };
    }

    public static TensorShape of(int threads) {
        int g = groupSize(threads);
        if (g < 0) throw new IllegalArgumentException("no tensor tile for " + threads + " threads per warp (2, 8 or 32)");
        return new TensorShape(g);
    }

    public int m() { return 2 * g; }
    public int n() { return 2 * g; }
    public int k() { return 4 * g; }
    /** MACs of one mma instruction. */
    public int macs() { return m() * n() * k(); }
    /** Cycles between two mma instructions at full rate: g passes, at least 2 (two write-backs of D). */
    public int interval() { return Math.max(g, 2); }
    /** Peak MACs per cycle of one unit. */
    public int macsPerCycle() { return macs() / interval(); }
}
