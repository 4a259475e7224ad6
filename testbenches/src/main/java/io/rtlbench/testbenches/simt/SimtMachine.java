package io.rtlbench.testbenches.simt;

import io.rtlbench.emulator.CycleLimitException;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.rtl.simt.SimtConfig;
import io.rtlbench.rtl.simt.SimtIsa;
import io.rtlbench.rtl.simt.SimtSoc;
import java.util.Arrays;

/**
 * Driver of the SIMT core ({@link SimtSoc} on the emulator): loads an ELF (text into
 * {@code core.fetch.imem}, every segment into {@code offchip.store} at address - 0x80000000), points
 * {@code tohostAddr} at the ELF's {@code tohost} symbol, resets, runs to completion in one native
 * call and returns the counters. Global memory can be read and written between runs. A run that
 * does not finish within maxCycles throws {@link SimtHangException} listing every warp's PC,
 * instruction and thread mask.
 */
public final class SimtMachine implements AutoCloseable {
    private final SimtConfig cfg;
    private final Simulator sim;
    private final int beatBytes;

    public SimtMachine(SimtConfig cfg) { this(cfg, io.rtlbench.emulator.BuildOptions.PLAIN); }

    /** With a trace and/or toggle-counting build of the emulator. */
    public SimtMachine(SimtConfig cfg, io.rtlbench.emulator.BuildOptions options) {
        this.cfg = cfg;
        this.sim = Simulator.create(io.rtlbench.testbenches.Designs.elaborate(() -> new SimtSoc(cfg)), options);
        this.beatBytes = cfg.offchip().busBytes();
    }

    public SimtConfig config() { return cfg; }
    public Simulator simulator() { return sim; }

    /** Counters of one run. tohost is 0 when the program ended by stopping all warps. */
    public record Result(long tohost, long cycles, long warpInstrs, long threadInstrs, long mulCycles, long mulLanes,
                         long stallScoreboard, long stallMemory, long stallBarrier, long stallDivergence,
                         long divergentBranches, long bytesRead, long bytesWritten) {
        public double ipc() { return cycles == 0 ? 0 : (double) warpInstrs / cycles; }
        public double threadIpc() { return cycles == 0 ? 0 : (double) threadInstrs / cycles; }
    }

    /** Clears global memory, loads the program and resets the core (call before {@link #run}). */
    public void load(Elf elf) {
        if (elf.entry() != SimtConfig.GLOBAL_BASE)
            throw new IllegalArgumentException(String.format("ELF entry point 0x%x is not the core's reset PC 0x%x: link the"
                    + " start-up code first at 0x80000000", elf.entry(), SimtConfig.GLOBAL_BASE));
        long size = cfg.offchip().sizeBytes();
        sim.writeMemory("offchip.store", 0, new long[(int) (size / 8)]);
        long[] imem = new long[cfg.imemWords()];
        for (Elf.Segment s : elf.segments()) {
            long off = s.address() - SimtConfig.GLOBAL_BASE;
            if (off < 0 || off + s.memSize() > size)
                throw new IllegalArgumentException(String.format("ELF segment at 0x%x (%d bytes) is outside global memory "
                        + "0x%x..0x%x", s.address(), s.memSize(), SimtConfig.GLOBAL_BASE, SimtConfig.GLOBAL_BASE + size));
            writeGlobal(s.address(), s.data());
            for (int i = 0; i + 3 < s.data().length; i += 4) {
                long word = (off + i) / 4;
                if (word < imem.length) imem[(int) word] = le32(s.data(), i);
            }
        }
        sim.writeMemory("core.fetch.imem", 0, imem);
        for (var m : sim.memories())  // registers, divergence stacks and shared memory start at zero
            if (m.name().startsWith("core.rf") || m.name().startsWith("core.lsu.smem.") || m.name().equals("core.ctl.stack"))
                sim.writeMemory(m.name(), 0, new long[(int) m.depth() * m.words()]);
        Long tohost = elf.symbols().get("tohost");
        sim.poke("io_tohostAddr", tohost == null ? 0xFFFF_FFFCL : tohost);
        sim.reset(2);
    }

    /** Runs the loaded program until tohost is written or every warp stopped. */
    public Result run(long maxCycles) {
        try {
            sim.runUntil("io_done", maxCycles);
        } catch (CycleLimitException e) {
            throw new SimtHangException("SIMT core did not finish within " + maxCycles + " cycles (--max-cycles);"
                    + " warps then:\n" + warpReport(), e);
        }
        if (sim.peek("io_stackError") == 1)
            throw new SimtHangException("divergence stack error (depth " + cfg.stackDepth() + " entries per warp, 2 per"
                    + " divergent SPLIT): SPLITs nested too deeply, or a JOIN with a token but no SPLIT; warps then:\n"
                    + warpReport(), null);
        return new Result(sim.peek("io_tohostValid") == 1 ? sim.peek("io_tohostValue") : 0, sim.peek("io_cycles"),
                sim.peek("io_warpInstrs"), sim.peek("io_threadInstrs"), sim.peek("io_mulCycles"), sim.peek("io_mulLanes"),
                sim.peek("io_stallScoreboard"), sim.peek("io_stallMemory"), sim.peek("io_stallBarrier"),
                sim.peek("io_stallDivergence"), sim.peek("io_divergentBranches"), sim.peek("io_bytesRead"),
                sim.peek("io_bytesWritten"));
    }

    /** One line per warp: active or stopped, PC, the instruction there, thread mask, barrier wait. */
    public String warpReport() {
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < cfg.warps(); w++) {
            long pc = sim.peek("io_warpPc_" + w);
            long word = (pc - SimtConfig.GLOBAL_BASE) / 4;
            int inst = word >= 0 && word < cfg.imemWords() ? (int) sim.readMemory("core.fetch.imem", word, 1)[0] : 0;
            b.append(String.format("  warp %d: %s pc=0x%08x (%s) mask=0x%x%s%n", w,
                    sim.peek("io_warpActive_" + w) == 1 ? "active " : "stopped", pc, SimtIsa.disassemble(inst),
                    sim.peek("io_warpMask_" + w), sim.peek("io_warpAtBarrier_" + w) == 1 ? " waiting at a barrier" : ""));
        }
        return b.toString();
    }

    // ---- global memory backdoor (little-endian bytes) -------------------------------------------
    public void writeGlobal(long address, byte[] data) {
        if (data.length == 0) return;
        long off = offset(address, data.length);
        long first = off / beatBytes, last = (off + data.length - 1) / beatBytes;
        int lpw = beatBytes / 8;
        long[] words = sim.readMemory("offchip.store", first, (int) (last - first + 1));
        byte[] raw = toBytes(words);
        System.arraycopy(data, 0, raw, (int) (off - first * beatBytes), data.length);
        sim.writeMemory("offchip.store", first, fromBytes(raw, lpw));
    }

    public byte[] readGlobal(long address, int length) {
        if (length == 0) return new byte[0];
        long off = offset(address, length);
        long first = off / beatBytes, last = (off + length - 1) / beatBytes;
        byte[] raw = toBytes(sim.readMemory("offchip.store", first, (int) (last - first + 1)));
        return Arrays.copyOfRange(raw, (int) (off - first * beatBytes), (int) (off - first * beatBytes) + length);
    }

    public void writeWord(long address, int value) {
        writeGlobal(address, new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)});
    }

    public int readWord(long address) { return (int) le32(readGlobal(address, 4), 0); }

    private long offset(long address, long length) {
        long off = address - SimtConfig.GLOBAL_BASE;
        if (off < 0 || off + length > cfg.offchip().sizeBytes())
            throw new IllegalArgumentException(String.format("global access 0x%x+%d is outside 0x%x..0x%x", address, length,
                    SimtConfig.GLOBAL_BASE, SimtConfig.GLOBAL_BASE + cfg.offchip().sizeBytes()));
        return off;
    }

    static long le32(byte[] b, int i) {
        long v = 0;
        for (int k = 3; k >= 0; k--) v = (v << 8) | ((i + k < b.length ? b[i + k] : 0) & 0xFF);
        return v;
    }

    private static byte[] toBytes(long[] words) {
        byte[] out = new byte[words.length * 8];
        for (int i = 0; i < words.length; i++)
            for (int k = 0; k < 8; k++) out[8 * i + k] = (byte) (words[i] >>> (8 * k));
        return out;
    }

    private static long[] fromBytes(byte[] raw, int lpw) {
        long[] out = new long[raw.length / 8];
        for (int i = 0; i < out.length; i++)
            for (int k = 7; k >= 0; k--) out[i] = (out[i] << 8) | (raw[8 * i + k] & 0xFF);
        return out;
    }

    @Override public void close() { sim.close(); }

    /** A program hit the cycle limit or broke the divergence stack; the message lists the warps. */
    public static final class SimtHangException extends RuntimeException {
        public SimtHangException(String message, Throwable cause) { super(message, cause); }
    }
}
