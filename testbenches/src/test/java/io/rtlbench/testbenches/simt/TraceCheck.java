package io.rtlbench.testbenches.simt;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares one thread's trace from the core ({@link CoreTrace}) with the interpreter's: per traced
 * register, the values written in order from the marker write on; and the stores into the thread's
 * scratch area in order. The first difference fails with the register or store, the index, both
 * values, the cycle and the instruction that should have made it.
 */
final class TraceCheck {
    private TraceCheck() {}

    /** Returns the number of register writes and stores compared. */
    static int[] compare(String ctx, CoreTrace trace, Elf elf, int warp, int lane, int threads,
                        List<WarpInterpreter.Write> expWrites, List<WarpInterpreter.Store> expStores, long offchipBytes) {
        int g = warp * threads + lane;
        String who = ctx + ", thread " + g + " (warp " + warp + " lane " + lane + ")";
        long start = -1;
        Map<Integer, List<CoreTrace.RegWrite>> actual = new TreeMap<>();
        for (CoreTrace.RegWrite r : trace.regWrites) {
            if (r.warp() != warp || r.lane() != lane) continue;
            if (start < 0 && r.reg() == 23 && r.value() == RandomProgram.MARKER << 12) start = r.cycle();
            else if (start >= 0 && WarpInterpreter.traced(r.reg())) actual.computeIfAbsent(r.reg(), k -> new ArrayList<>()).add(r);
        }
        if (start < 0) fail(who + ": never wrote the start marker to x23");
        Map<Integer, List<WarpInterpreter.Write>> expected = new TreeMap<>();
        for (WarpInterpreter.Write wr : expWrites) expected.computeIfAbsent(wr.reg(), k -> new ArrayList<>()).add(wr);
        for (int reg = 1; reg < 32; reg++) {
            List<WarpInterpreter.Write> e = expected.getOrDefault(reg, List.of());
            List<CoreTrace.RegWrite> a = actual.getOrDefault(reg, List.of());
            for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
                Integer ev = i < e.size() ? e.get(i).value() : null, av = i < a.size() ? a.get(i).value() : null;
                if (ev != null && ev.equals(av)) continue;
                fail(String.format("%s: write %d of x%d: expected %s, core %s%s; instruction: %s", who, i, reg, hex(ev), hex(av),
                        av == null ? "" : " at cycle " + a.get(i).cycle(), i < e.size() ? describe(e.get(i).by()) : "(none: an extra write)"));
            }
        }
        long mask = offchipBytes - 1, base = (elf.symbol("scratch") + (long) g * RandomProgram.SCRATCH) & mask;
        List<long[]> stores = new ArrayList<>();  // {offset, size, value, cycle}
        for (CoreTrace.Beat b : trace.beats) {
            long beat = b.addr() & mask;
            int lo = Long.numberOfTrailingZeros(b.mask());
            if (b.mask() == 0 || beat + lo < base || beat + lo >= base + RandomProgram.SCRATCH) continue;
            int size = Long.bitCount(b.mask());
            long value = b.data().shiftRight(8 * lo).longValue() & ((1L << (8 * size)) - 1);
            stores.add(new long[] {beat + lo - base, size, value, b.cycle()});
        }
        for (int i = 0; i < Math.max(expStores.size(), stores.size()); i++) {
            String e = i < expStores.size() ? fmt(expStores.get(i).offset(), expStores.get(i).size(), expStores.get(i).value() & 0xFFFF_FFFFL) : "none";
            String a = i < stores.size() ? fmt(stores.get(i)[0], stores.get(i)[1], stores.get(i)[2]) : "none";
            if (!e.equals(a))
                fail(String.format("%s: store %d: expected %s, core %s%s; instruction: %s", who, i, e, a,
                        i < stores.size() ? " at cycle " + stores.get(i)[3] : "", i < expStores.size() ? describe(expStores.get(i).by()) : "-"));
        }
        return new int[] {expWrites.size(), expStores.size()};
    }

    private static String fmt(long offset, long size, long value) { return String.format("%d bytes at +%d = 0x%x", size, offset, value); }

    private static String hex(Integer v) { return v == null ? "nothing" : String.format("0x%08x", v); }

    private static String describe(RandomProgram.Ins i) { return i == null ? "initial value (lw from the init table)" : i.toString(); }
}
