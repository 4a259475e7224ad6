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
 * half-width) or, when that would emulate half as many tiles as the whole layer, emulates the whole layer.
 * The warm-up bound ({@link TiledLayer#measureLongWarmup}): what a longer warm-up changes on a few
 * tiles, scaled to the sampled tiles, corrects the totals and is added to the intervals. Every measured tile is verified; the
 * estimate says whether all were bit-exact.
 */
public final class Sampler {
    /** AUTO's target: relative half-width of the 95% interval of total cycles. */
    public static final double AUTO_TARGET = 0.01;
    static final int PILOT = 8, ROUNDS = 4, WARMUP_CHECKS = 2;

    private Sampler() {}

    public static Estimate run(TiledLayer layer, SampleMode mode, MetricProbe probe, long seed) {
        int n = layer.tiles();
        if (mode.kind() == SampleMode.Kind.OFF || mode.kind() == SampleMode.Kind.FIXED && mode.units() >= n) return full(layer, probe);
        Map<String, List<Integer>> strata = new LinkedHashMap<>();
        for (int t = 0; t < n; t++) strata.computeIfAbsent(layer.stratum(t), k -> new ArrayList<>()).add(t);
        Random rnd = new Random(seed);
        int want = mode.kind() == SampleMode.Kind.FIXED ? mode.units() : PILOT;
        Map<String, Integer> quota = allocate(strata, want);
        if (mode.kind() == SampleMode.Kind.AUTO && cost(quota, layer) >= n / 2.0) return full(layer, probe);
        Map<Integer, Measurement> done = new TreeMap<>();
        Measurement fixed = layer.fixed(probe);
        for (int round = 0; ; round++) {
            for (var e : strata.entrySet()) measureMore(layer, probe, e.getValue(), quota.get(e.getKey()), done, rnd);
            Estimate est = estimate(strata, done, fixed, n, null, 0);
            if (mode.kind() == SampleMode.Kind.FIXED || est.cyclesCi() <= AUTO_TARGET || round + 1 == ROUNDS)
                return withWarmupBound(layer, probe, strata, done, fixed, n);
            double grow = Math.pow(est.cyclesCi() / AUTO_TARGET, 2) * 1.1;
            Map<String, Integer> next = new LinkedHashMap<>();
            for (var e : strata.entrySet())
                next.put(e.getKey(), (int) Math.min(e.getValue().size(), Math.ceil(quota.get(e.getKey()) * grow)));
            if (cost(next, layer) >= n / 2.0) return full(layer, probe);
            quota = next;
        }
    }

    /**
     * The final estimate with the warm-up bound: up to {@value #WARMUP_CHECKS} measured tiles of sampled
     * strata are measured again with a longer warm-up; the mean difference per tile, times the number
     * of tiles in sampled strata, is added to each total and to each half-width.
     */
    private static Estimate withWarmupBound(TiledLayer layer, MetricProbe probe, Map<String, List<Integer>> strata,
                                            Map<Integer, Measurement> done, Measurement fixed, int n) {
        List<Integer> sampledTiles = new ArrayList<>();
        int units = 0;
        for (List<Integer> tiles : strata.values()) {
            long have = tiles.stream().filter(done::containsKey).count();
            if (have == tiles.size()) continue;
            units += tiles.size();
            for (int t : tiles) if (done.containsKey(t)) sampledTiles.add(t);
        }
        Map<String, Double> delta = new LinkedHashMap<>();
        double cycles = 0;
        int checks = Math.min(WARMUP_CHECKS, sampledTiles.size());
        String mismatch = null;
        for (int i = 0; i < checks; i++) {
            int t = sampledTiles.get((int) ((i + 0.5) * sampledTiles.size() / checks));
            Measurement a = done.get(t), b = layer.measureLongWarmup(t, probe);
            if (mismatch == null) mismatch = b.mismatch();
            cycles += (double) (b.cycles() - a.cycles()) / checks;
            for (var e : b.metrics().entrySet()) delta.merge(e.getKey(), (e.getValue() - a.metrics().getOrDefault(e.getKey(), 0.0)) / checks, Double::sum);
        }
        Estimate est = estimate(strata, done, fixed, n, new Measurement(Math.round(cycles), delta, mismatch), units);
        return est;
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

    /**
     * Totals and intervals; {@code bias} (per tile, or null) times {@code biasUnits} corrects each total
     * (toward the longer warm-up) and widens its half-width by as much.
     */
    private static Estimate estimate(Map<String, List<Integer>> strata, Map<Integer, Measurement> done, Measurement fixed, int n,
                                     Measurement bias, int biasUnits) {
        Set<String> keys = new LinkedHashSet<>(fixed.metrics().keySet());
        for (Measurement m : done.values()) keys.addAll(m.metrics().keySet());
        Stratified.Total cycles = total(strata, done, m -> (double) m.cycles());
        Map<String, Double> metrics = new LinkedHashMap<>(), ci = new LinkedHashMap<>();
        for (String k : keys) {
            Stratified.Total t = total(strata, done, m -> m.metrics().getOrDefault(k, 0.0));
            double shift = bias == null ? 0 : bias.metrics().getOrDefault(k, 0.0) * biasUnits;
            double value = t.total() + fixed.metrics().getOrDefault(k, 0.0) + shift, half = t.halfWidth() + Math.abs(shift);
            metrics.put(k, value);
            ci.put(k, value == 0 ? 0 : half / Math.abs(value));
        }
        double shift = bias == null ? 0 : bias.cycles() * (double) biasUnits;
        double c = cycles.total() + fixed.cycles() + shift, half = cycles.halfWidth() + Math.abs(shift);
        String mismatch = fixed.mismatch();
        for (Measurement m : done.values()) if (mismatch == null) mismatch = m.mismatch();
        if (mismatch == null && bias != null) mismatch = bias.mismatch();
        return new Estimate(done.size() < n, n, done.size(), c, c == 0 ? 0 : half / c, metrics, ci, mismatch == null, mismatch);
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
