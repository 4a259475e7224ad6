package io.rtlbench.testbenches.sampling;

import io.rtlbench.testbenches.sampling.TiledLayer.Measurement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sampled emulation of a layer, after SMARTS (Wunderlich et al., ISCA 2003: measure a systematic
 * sample of units in detail, each after a warm-up, and report the estimate with a confidence
 * interval). Units are the layer's tiles, stratified by {@link TiledLayer#stratum}; each stratum gets
 * a systematic sample with a random start (at least two tiles, or all of a stratum of two or fewer);
 * totals and their 95% intervals come from the stratified estimator ({@link Stratified}). AUTO starts
 * with a pilot of {@value #PILOT} tiles and grows each stratum's sample by the factor the interval
 * needs to shrink (variance ~ 1/n) until the cycles interval is within {@value #AUTO_TARGET} (relative
 * half-width) or, when that would emulate as many tiles as the whole layer, emulates the whole layer.
 * Every measured tile is verified; the estimate says whether all were bit-exact.
 */
public final class Sampler {
    /** AUTO's target: relative half-width of the 95% interval of total cycles. */
    public static final double AUTO_TARGET = 0.01;
    static final int PILOT = 8, ROUNDS = 4;

    private Sampler() {}

    public static Estimate run(TiledLayer layer, SampleMode mode, MetricProbe probe, long seed) {
        int n = layer.tiles();
        if (mode.kind() == SampleMode.Kind.OFF || mode.kind() == SampleMode.Kind.FIXED && mode.units() >= n) return full(layer, probe);
        Map<String, List<Integer>> strata = new LinkedHashMap<>();
        for (int t = 0; t < n; t++) strata.computeIfAbsent(layer.stratum(t), k -> new ArrayList<>()).add(t);
        Random rnd = new Random(seed);
        int want = mode.kind() == SampleMode.Kind.FIXED ? mode.units() : PILOT;
        Map<String, Integer> quota = allocate(strata, want);
        if (mode.kind() == SampleMode.Kind.AUTO && cost(quota, layer) >= n) return full(layer, probe);
        Map<Integer, Measurement> done = new TreeMap<>();
        Measurement fixed = layer.fixed(probe);
        for (int round = 0; ; round++) {
            for (var e : strata.entrySet()) measureMore(layer, probe, e.getValue(), quota.get(e.getKey()), done, rnd);
            Estimate est = estimate(strata, done, fixed, n);
            if (mode.kind() == SampleMode.Kind.FIXED || est.cyclesCi() <= AUTO_TARGET || round + 1 == ROUNDS) return est;
            double grow = Math.pow(est.cyclesCi() / AUTO_TARGET, 2) * 1.1;
            Map<String, Integer> next = new LinkedHashMap<>();
            for (var e : strata.entrySet())
                next.put(e.getKey(), (int) Math.min(e.getValue().size(), Math.ceil(quota.get(e.getKey()) * grow)));
            if (cost(next, layer) >= n) return full(layer, probe);
            quota = next;
        }
    }

    /** Every tile: exact totals. */
    static Estimate full(TiledLayer layer, MetricProbe probe) {
        Measurement m = layer.full(probe);
        Map<String, Double> ci = new LinkedHashMap<>();
        for (String k : m.metrics().keySet()) ci.put(k, 0.0);
        return new Estimate(false, layer.tiles(), layer.tiles(), m.cycles(), 0, m.metrics(), ci, m.mismatch() == null, m.mismatch());
    }

    /** Proportional allocation of {@code want} tiles, at least two per stratum (all of a stratum of two or fewer). */
    static Map<String, Integer> allocate(Map<String, List<Integer>> strata, int want) {
        int total = strata.values().stream().mapToInt(List::size).sum();
        Map<String, Integer> q = new LinkedHashMap<>();
        for (var e : strata.entrySet()) {
            int size = e.getValue().size();
            q.put(e.getKey(), Math.min(size, Math.max(2, (int) Math.round((double) want * size / total))));
        }
        return q;
    }

    private static double cost(Map<String, Integer> quota, TiledLayer layer) {
        return quota.values().stream().mapToInt(Integer::intValue).sum() * layer.tilesPerMeasurement();
    }

    /** Measures tiles of one stratum until {@code quota} are done: a systematic pass over the ones not yet measured. */
    private static void measureMore(TiledLayer layer, MetricProbe probe, List<Integer> tiles, int quota, Map<Integer, Measurement> done,
                                    Random rnd) {
        List<Integer> left = new ArrayList<>();
        for (int t : tiles) if (!done.containsKey(t)) left.add(t);
        int have = tiles.size() - left.size(), need = Math.min(left.size(), quota - have);
        if (need <= 0) return;
        double step = (double) left.size() / need, start = rnd.nextDouble() * step;
        Set<Integer> pick = new LinkedHashSet<>();
        for (int i = 0; i < need; i++) pick.add(left.get(Math.min(left.size() - 1, (int) (start + i * step))));
        for (int t : pick) done.put(t, layer.measure(t, probe));
    }

    private static Estimate estimate(Map<String, List<Integer>> strata, Map<Integer, Measurement> done, Measurement fixed, int n) {
        Set<String> keys = new LinkedHashSet<>(fixed.metrics().keySet());
        for (Measurement m : done.values()) keys.addAll(m.metrics().keySet());
        Stratified.Total cycles = total(strata, done, m -> (double) m.cycles());
        Map<String, Double> metrics = new LinkedHashMap<>(), ci = new LinkedHashMap<>();
        for (String k : keys) {
            Stratified.Total t = total(strata, done, m -> m.metrics().getOrDefault(k, 0.0));
            double value = t.total() + fixed.metrics().getOrDefault(k, 0.0);
            metrics.put(k, value);
            ci.put(k, value == 0 ? 0 : t.halfWidth() / Math.abs(value));
        }
        double c = cycles.total() + fixed.cycles();
        String mismatch = fixed.mismatch();
        for (Measurement m : done.values()) if (mismatch == null) mismatch = m.mismatch();
        return new Estimate(done.size() < n, n, done.size(), c, c == 0 ? 0 : cycles.halfWidth() / c, metrics, ci, mismatch == null, mismatch);
    }

    private static Stratified.Total total(Map<String, List<Integer>> strata, Map<Integer, Measurement> done,
                                          java.util.function.ToDoubleFunction<Measurement> value) {
        List<Stratified.Stratum> s = new ArrayList<>();
        for (List<Integer> tiles : strata.values()) {
            List<Double> v = new ArrayList<>();
            for (int t : tiles) if (done.containsKey(t)) v.add(value.applyAsDouble(done.get(t)));
            s.add(new Stratified.Stratum(tiles.size(), v));
        }
        return Stratified.estimate(s);
    }
}
