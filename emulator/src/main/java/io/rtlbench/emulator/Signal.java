package io.rtlbench.emulator;

/**
 * A named thing of a simulated design: a port, a memory or a toggle-counted register.
 *
 * @param name   port name ({@code io_a_0}), memory path ({@code grid.spad}) or register path ({@code pe_0_0.acc})
 * @param index  position in the native tables
 * @param width  bits (per word, for memories)
 * @param depth  words for memories, 1 otherwise
 * @param input  true for input ports
 */
public record Signal(String name, int index, int width, long depth, boolean input) {
    /** 64-bit words a value of this signal occupies in batched buffers. */
    public int words() { return (width + 63) / 64; }
}
