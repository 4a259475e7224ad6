package io.rtlbench.testbenches.simt;

import io.rtlbench.emulator.CycleLimitException;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.rtl.simt.SimtConfig;
import io.rtlbench.rtl.simt.SimtCounter;
import io.rtlbench.rtl.simt.SimtIsa;
import io.rtlbench.rtl.simt.SimtSoc;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Driver of the SIMT core ({@link SimtSoc} on the emulator): loads an ELF (text into
 * {@code core.fetchUnit.imem}, every segment into {@code offchip.store} at address - 0x80000000), points
 * {@code tohostAddr} at the ELF's {@code tohost} symbol, resets, runs to completion in one native
 * call and returns the counters. Global memory can be read and written between runs. A run that
 * does not finish within maxCycles throws {@link SimtHangException} listing every warp's PC,
 * instruction and thread mask; a trap without a handler stops the core at once and throws
 * {@link SimtTrapException}.
 */
public final class SimtMachine implements AutoCloseable {
    /** Backdoor name of the (first) core's instruction memory (one 32-bit word per entry, from 0x80000000). */
    public static final String IMEM = "core.fetchUnit.imem";
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
        for (int c = 0; c < cfg.cores(); c++) {
            String core = core(c);
            sim.writeMemory(core + ".fetchUnit.imem", 0, imem);
            for (var m : sim.memories())  // registers, divergence stacks and shared memory start at zero
                if (m.name().startsWith(core + ".regFile") || m.name().startsWith(core + ".lsu.sharedMemory.")
                        || m.name().equals(core + ".warpControl.stack"))
                    sim.writeMemory(m.name(), 0, new long[(int) m.depth() * m.words()]);
        }
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
        if (sim.peek("io_trapped") == 1) throw trap();
        if (sim.peek("io_stackError") == 1)
            throw new SimtHangException("divergence stack error (depth " + cfg.stackDepth() + " entries per warp, 2 per"
                    + " divergent SPLIT): SPLITs nested too deeply, or a JOIN with a token but no SPLIT; warps then:\n"
                    + warpReport(), null);
        Map<SimtCounter, Long> c = counters();
        return new Result(sim.peek("io_tohostValid") == 1 ? sim.peek("io_tohostValue") : 0, c.get(SimtCounter.CYCLES),
                c.get(SimtCounter.WARP_INSTRS), c.get(SimtCounter.THREAD_INSTRS), c.get(SimtCounter.MUL_CYCLES),
                c.get(SimtCounter.MUL_LANES), c.get(SimtCounter.STALL_SCOREBOARD), c.get(SimtCounter.STALL_MEMORY),
                c.get(SimtCounter.STALL_BARRIER), c.get(SimtCounter.STALL_DIVERGENCE), c.get(SimtCounter.DIVERGENT_BRANCHES),
                sim.peek("io_bytesRead"), sim.peek("io_bytesWritten"));
    }

    /** Every performance counter of the core now, by its declaration ({@link SimtCounter}). */
    public Map<SimtCounter, Long> counters() {
        Map<SimtCounter, Long> out = new EnumMap<>(SimtCounter.class);
        for (SimtCounter c : SimtCounter.values()) out.put(c, sim.peek("io_" + c.portName()));
        return out;
    }

    /** The fatal trap as a one-line exception naming the cause, the PC (mepc) and the instruction (0 for a fetch fault). */
    private SimtTrapException trap() {
        long cause = sim.peek("io_trapMcause"), pc = sim.peek("io_trapMepc"), warp = sim.peek("io_trapWarp");
        String where = cfg.cores() > 1 ? "core " + sim.peek("io_trapCore") + " warp " + warp : "warp " + warp;
        int inst = switch ((int) cause) {  // mtval holds the instruction of an illegal one
            case SimtIsa.MCAUSE_ECALL_M -> 0x73;
            case SimtIsa.MCAUSE_BREAKPOINT -> 0x0010_0073;
            case SimtIsa.MCAUSE_ILLEGAL -> (int) sim.peek("io_trapMtval");
            default -> 0;
        };
        String what = switch ((int) cause) {
            case SimtIsa.MCAUSE_FETCH_ACCESS -> String.format("instruction fetch outside the instruction memory 0x%x..0x%x",
                    SimtConfig.GLOBAL_BASE, SimtConfig.GLOBAL_BASE + cfg.imemBytes() - 1);
            case SimtIsa.MCAUSE_ILLEGAL -> String.format("illegal instruction 0x%08x%s", inst,
                    (inst & 3) != 3 ? " (compressed code? the core runs RV32IM without C)" : "");
            default -> SimtIsa.causeName(cause);
        };
        return new SimtTrapException(String.format("SIMT trap without a handler (mtvec not in the instruction memory): %s at pc"
                + " 0x%08x in %s (mcause %d, mepc 0x%08x)", what, pc, where, cause, pc), (int) warp, cause, pc, inst);
    }

    /** One line per warp: active or stopped, PC, the instruction there, thread mask, barrier wait. */
    public String warpReport() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cfg.cores() * cfg.warps(); i++) {
            int w = i % cfg.warps();
            long pc = sim.peek("io_warpPc_" + i);
            long word = (pc - SimtConfig.GLOBAL_BASE) / 4;
            int inst = word >= 0 && word < cfg.imemWords() ? (int) sim.readMemory(core(i / cfg.warps()) + ".fetchUnit.imem", word, 1)[0] : 0;
            b.append(String.format("  %swarp %d: %s pc=0x%08x (%s) mask=0x%x%s%n", cfg.cores() > 1 ? "core " + i / cfg.warps() + " " : "", w,
                    sim.peek("io_warpActive_" + i) == 1 ? "active " : "stopped", pc, SimtIsa.disassemble(inst, cfg.datapath()),
                    sim.peek("io_warpMask_" + i), sim.peek("io_warpAtBarrier_" + i) == 1 ? " waiting at a barrier" : ""));
        }
        return b.toString();
    }

    /** Instance name of core {@code c}: {@code core} alone, {@code core0}, {@code core1}, ... in a GPU. */
    public String core(int c) { return cfg.cores() == 1 ? "core" : "core" + c; }

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

    /**
     * A program did not complete: it hit the cycle limit or broke the divergence stack (the message lists
     * the warps), or it trapped without a handler ({@link SimtTrapException}).
     */
    public static class SimtHangException extends RuntimeException {
        public SimtHangException(String message, Throwable cause) { super(message, cause); }
    }

    /**
     * A trap with no handler installed (an illegal or compressed instruction, ecall, ebreak, a jump outside
     * the instruction memory or to a misaligned address) stopped the core; the message is one line.
     */
    public static final class SimtTrapException extends SimtHangException {
        public final int warp, instruction;
        public final long mcause, mepc;

        SimtTrapException(String message, int warp, long mcause, long mepc, int instruction) {
            super(message, null);
            this.warp = warp;
            this.mcause = mcause;
            this.mepc = mepc;
            this.instruction = instruction;
        }
    }
}
