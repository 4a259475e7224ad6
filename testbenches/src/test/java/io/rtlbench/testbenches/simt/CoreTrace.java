package io.rtlbench.testbenches.simt;

import io.rtlbench.waveforms.VcdVar;
import io.rtlbench.waveforms.Waveform;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the SIMT core really did, read back from a VCD of its register files and off-chip port:
 * every register-file write (each write port of each lane's memory {@code regFile<lane>}: address =
 * warp x 32 + register) and every off-chip write beat, by cycle. Observes the core only through
 * signals the emulator dumps anyway; nothing in the core is changed for it.
 */
final class CoreTrace {
    /** A register write of one lane: cycle, warp, lane, register, value. */
    record RegWrite(long cycle, int warp, int lane, int reg, int value) {}

    /** An off-chip write beat: cycle, byte address, byte mask, data (little-endian bytes). */
    record Beat(long cycle, long addr, long mask, BigInteger data) {}

    /** The VCD scopes to dump: the lanes' register files and the off-chip model. */
    static List<String> scopes(int threads) {
        List<String> s = new ArrayList<>(List.of("offchip"));
        for (int l = 0; l < threads; l++) s.add("core.regFile" + l + "_ext");
        return s;
    }

    private static final Pattern RF_PORT = Pattern.compile(".*\\.regFile(\\d+)_ext\\.(W\\d+)_(en|addr|data)");

    final List<RegWrite> regWrites = new ArrayList<>();
    final List<Beat> beats = new ArrayList<>();

    private final long lastCycle;

    CoreTrace(Path vcd) {
        Waveform w = Waveform.open(vcd);
        lastCycle = w.extent().lastCycle();
        Map<String, VcdVar[]> ports = new TreeMap<>();  // "lane/Wk" -> {en, addr, data}
        for (VcdVar v : w.header().vars()) {
            Matcher m = RF_PORT.matcher(v.path());
            if (!m.matches()) continue;
            String key = String.format("%03d/%s", Integer.parseInt(m.group(1)), m.group(2));
            ports.computeIfAbsent(key, k -> new VcdVar[3])[List.of("en", "addr", "data").indexOf(m.group(3))] = v;
        }
        if (ports.isEmpty()) throw new IllegalStateException("no register-file write ports (regFile<lane>_ext.W<k>_*) in " + vcd);
        for (var e : ports.entrySet()) {
            int lane = Integer.parseInt(e.getKey().substring(0, 3));
            VcdVar[] p = e.getValue();
            for (long c : highCycles(w, p[0])) {
                long addr = valueAt(w, p[1], c).longValue();
                regWrites.add(new RegWrite(c, (int) (addr >> 5), lane, (int) (addr & 31), valueAt(w, p[2], c).intValue()));
            }
        }
        regWrites.sort((a, b) -> Long.compare(a.cycle(), b.cycle()));
        String off = "offchip.io_port_";
        VcdVar valid = w.header().find(off + "reqValid"), ready = w.header().find(off + "reqReady"), write = w.header().find(off + "reqWrite");
        VcdVar addr = w.header().find(off + "reqAddr"), mask = w.header().find(off + "reqMask"), data = w.header().find(off + "reqData");
        for (long c : highCycles(w, valid))
            if (valueAt(w, ready, c).signum() != 0 && valueAt(w, write, c).signum() != 0)
                beats.add(new Beat(c, valueAt(w, addr, c).longValue(), valueAt(w, mask, c).longValue(), valueAt(w, data, c)));
    }

    private final Map<VcdVar, TreeMap<Long, BigInteger>> cache = new java.util.HashMap<>();

    /** A signal's value at a cycle (its last change at or before it). */
    private BigInteger valueAt(Waveform w, VcdVar v, long cycle) {
        TreeMap<Long, BigInteger> t = cache.computeIfAbsent(v, k -> {
            TreeMap<Long, BigInteger> m = new TreeMap<>();
            for (Waveform.Transition tr : w.transitions(k.path(), 0, Long.MAX_VALUE / 100))
                m.put(tr.cycle(), tr.value().isKnown() ? tr.value().unsigned() : BigInteger.ZERO);
            return m;
        });
        var e = t.floorEntry(cycle);
        return e == null ? BigInteger.ZERO : e.getValue();
    }

    /** Every cycle at which a 1-bit signal is 1. */
    private List<Long> highCycles(Waveform w, VcdVar v) {
        valueAt(w, v, 0);
        TreeMap<Long, BigInteger> t = cache.get(v);
        List<Long> out = new ArrayList<>();
        for (var e : t.entrySet()) {
            if (e.getValue().signum() == 0) continue;
            Long next = t.higherKey(e.getKey());
            for (long c = e.getKey(); c < (next == null ? lastCycle + 1 : next); c++) out.add(c);
        }
        return out;
    }
}
