package io.rtlbench.tools.sweep;

import io.rtlbench.testbenches.bench.CoreSpec;
import io.rtlbench.testbenches.bench.SimtSpec;
import io.rtlbench.tools.sweep.SweepDescription.LayerInfo;
import io.rtlbench.tools.sweep.SweepDescription.Point;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How a sweep is split into N shards: every point goes to exactly one shard, decided only by the
 * description (so every machine computes the same split), balanced by an estimated cost.
 * <p>
 * Cost of a point = estimated simulated cycles summed over its layers (one copy each):
 * MACs / (peak MACs per cycle x a utilization guess), plus, on the systolic core, the layer's
 * compulsory off-chip bytes / bandwidth (the systolic core is memory-bound at low bandwidth; the
 * SIMT core is bound by instruction issue). The utilization guesses are the whole-workload
 * utilizations measured on the default comparison in the README (16x16,ws 3.0%, 4x8 0.9%).
 * Simplifications: compulsory bytes are a lower bound (tiling re-reads operands); emulation speed
 * per cycle differs between designs and is ignored; so is a point's build time (cached after the first).
 * <p>
 * Split: longest-processing-time first: points by cost, largest first (ties by the canonical order),
 * each to the shard with the least cost so far (ties to the lowest index). Any shard's cost is then at
 * most the mean plus the largest single point, and at most 4/3 of the best split's longest (Graham 1969).
 */
public final class ShardPlan {
    static final double SYSTOLIC_UTILIZATION_GUESS = 0.030, SIMT_UTILIZATION_GUESS = 0.009;

    private ShardPlan() {}

    /** Shard {@code index} of {@code count} (0-based), as given to {@code --shard I/N}. */
    public record Shard(int index, int count) {
        public Shard {
            if (count < 1) throw new IllegalArgumentException("--shard " + index + "/" + count + ": the number of shards N must be >= 1");
            if (index < 0 || index >= count)
                throw new IllegalArgumentException("--shard " + index + "/" + count + ": the shard index is 0-based, so it must be 0.." + (count - 1));
        }

        public static Shard parse(String text) {
            String[] f = text.strip().split("/", -1);
            if (f.length != 2 || !f[0].strip().matches("\\d{1,9}") || !f[1].strip().matches("\\d{1,9}"))
                throw new IllegalArgumentException("--shard takes I/N (shard I of N, 0-based: 0/4 .. 3/4), got '" + text + "'");
            return new Shard(Integer.parseInt(f[0].strip()), Integer.parseInt(f[1].strip()));
        }

        @Override public String toString() { return index + "/" + count; }
    }

    /** picocli converter for {@code --shard}: one-line errors. */
    public static final class ShardConverter implements ITypeConverter<Shard> {
        @Override public Shard convert(String value) {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Estimated simulated cycles of one point (see the class comment). */
    public static long cost(Point p, List<LayerInfo> layers) {
        CoreSpec spec = p.spec();
        boolean simt = spec instanceof SimtSpec;
        double macsPerCycle = spec.peakMacsPerCycle() * (simt ? SIMT_UTILIZATION_GUESS : SYSTOLIC_UTILIZATION_GUESS);
        double cycles = 0;
        for (LayerInfo l : layers) {
            cycles += l.macs() / macsPerCycle;
            if (!simt) cycles += (double) l.offchipBytesMin() / p.offchipBw();
        }
        return Math.max(1, Math.round(cycles));
    }

    /** For each point of {@code d} (in its order), the shard it belongs to when split into {@code count}. */
    public static int[] assign(SweepDescription d, int count) {
        if (count < 1) throw new IllegalArgumentException("the number of shards must be >= 1, got " + count);
        List<Point> points = d.points();
        long[] cost = new long[points.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            cost[i] = cost(points.get(i), d.layers());
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingLong(i -> -cost[i]).thenComparingInt(i -> i));
        long[] load = new long[count];
        int[] shardOf = new int[points.size()];
        for (int i : order) {
            int best = 0;
            for (int s = 1; s < count; s++) if (load[s] < load[best]) best = s;
            shardOf[i] = best;
            load[best] += cost[i];
        }
        return shardOf;
    }

    /** The points of {@code shard}, in the description's order. */
    public static List<Point> pointsOf(SweepDescription d, Shard shard) {
        int[] shardOf = assign(d, shard.count());
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < shardOf.length; i++) if (shardOf[i] == shard.index()) out.add(d.points().get(i));
        return out;
    }
}
