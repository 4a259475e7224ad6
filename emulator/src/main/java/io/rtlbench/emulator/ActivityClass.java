package io.rtlbench.emulator;

/**
 * What a counted signal is, for the energy model. Toggle classes count bit flips between
 * consecutive cycles (XOR + popcount); access classes count cycles in which the signal is non-zero
 * (a memory port's enable). All are sampled once per cycle, after the inputs settle, before the edge.
 */
public enum ActivityClass {
    /** A register's bits (flip-flops). */
    REG(true),
    /** Operands of a multiplier ({@code *} in the Verilog). */
    MUL_IN(true),
    /** Operands of an adder or subtractor ({@code +}, {@code -}). */
    ADD_IN(true),
    /** Read data of a memory port. */
    MEM_RDATA(true),
    /** Write data of a memory port. */
    MEM_WDATA(true),
    /** Read enable of a memory port: counts read accesses. */
    MEM_READ(false),
    /** Write enable of a memory port: counts write accesses. */
    MEM_WRITE(false);

    public final boolean toggles;

    ActivityClass(boolean toggles) { this.toggles = toggles; }
}
