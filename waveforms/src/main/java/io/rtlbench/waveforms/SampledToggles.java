package io.rtlbench.waveforms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bit toggles between the values at consecutive cycle sample points, ignoring what happens between
 * them: the way the emulator's activity counters count (once per cycle, before the edge). A
 * combinational signal that changes at the edge and again when the next inputs arrive counts
 * both changes in {@link Waveform#toggles} but only the net change here.
 */
public final class SampledToggles {
    private SampledToggles() {}

    /** Toggles between cycles c-1 and c, summed over every c with both in [from, to) inside the dump. */
    public static Map<VcdVar, Long> count(Waveform w, List<VcdVar> vars, long from, long to) {
        List<VcdVar> which = vars.isEmpty() ? w.header().vars() : vars;
        long[] counts = new long[which.size()];
        byte[][] prev = new byte[which.size()][];
        w.stream(which, s -> {
            CycleWalker.walk(s, w.cycles(), from, to, slot -> { }, c -> {
                for (int i = 0; i < counts.length; i++) {
                    byte[] now = s.bits(which.get(i).slot());
                    if (prev[i] == null) { prev[i] = now.clone(); continue; }
                    for (int b = 0; b < now.length; b++)
                        if (now[b] != prev[i][b]) { counts[i]++; prev[i][b] = now[b]; }
                }
                return true;
            });
            return null;
        });
        Map<VcdVar, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) out.put(which.get(i), counts[i]);
        return out;
    }
}
