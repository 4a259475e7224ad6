package io.rtlbench.tools.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.testbenches.workloads.WorkloadSet;
import io.rtlbench.tools.sweep.ShardPlan.Shard;
import io.rtlbench.tools.sweep.SweepDescription.Point;
import io.rtlbench.tools.sweep.SweepDescription.Settings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The split of a sweep into shards (pure Java, no emulation): the same set of points gives the same
 * description, id and split whatever order it was typed in; every point is in exactly one shard; the
 * split is balanced by estimated cost; a changed setting or layer changes the id.
 */
class ShardPlanTest {
    static final Settings SETTINGS = new Settings("default", 1.0, 1, "random", "45nm", 20, "int8", "auto");

    static List<Point> points() {
        List<Point> p = new ArrayList<>();
        for (String s : List.of("4x4,ws", "8x8,ws", "16x16,ws", "16x16,os")) for (int bw : List.of(2, 4, 16)) p.add(new Point("systolic", s, bw));
        for (String s : List.of("2x4", "4x8")) for (int bw : List.of(2, 4, 16)) p.add(new Point("simt", s, bw));
        return p;
    }

    static SweepDescription describe(List<Point> points) { return SweepDescription.of(SETTINGS, WorkloadSet.load("default", 1.0), points); }

    @Test void theSameSetInAnotherOrderIsTheSameSweepAndSplit() {
        SweepDescription a = describe(points());
        List<Point> shuffled = new ArrayList<>(points());
        Collections.shuffle(shuffled, new Random(7));
        shuffled.add(shuffled.get(0));  // a point given twice is one point
        SweepDescription b = describe(shuffled);
        assertEquals(a, b);
        assertEquals(a.id(), b.id());
        assertEquals(16, a.id().length());
        for (int n = 1; n <= 20; n++) assertArrayEquals(ShardPlan.assign(a, n), ShardPlan.assign(b, n), "split into " + n);
        assertEquals(List.of("4x4,ws", "8x8,ws", "16x16,os", "16x16,ws"),
                a.points().stream().filter(p -> p.core().equals("systolic")).map(Point::config).distinct().toList(), "numbers compare as numbers");
    }

    @Test void theSplitIsPinned() {
        // A change here changes which shard runs which point: folders of older splits could not be merged with new ones.
        assertArrayEquals(new int[] {0, 1, 2, 3, 3, 0, 1, 2, 3, 3, 2, 1, 2, 3, 2, 1, 3, 1}, ShardPlan.assign(describe(points()), 4));
    }

    @Test void everyPointIsInExactlyOneShardAndTheSplitIsBalanced() {
        SweepDescription d = describe(points());
        long[] cost = d.points().stream().mapToLong(p -> ShardPlan.cost(p, d.layers())).toArray();
        long total = java.util.Arrays.stream(cost).sum(), largest = java.util.Arrays.stream(cost).max().orElseThrow();
        for (int n = 1; n <= 25; n++) {
            List<Point> seen = new ArrayList<>();
            long[] load = new long[n];
            int[] shardOf = ShardPlan.assign(d, n);
            for (int s = 0; s < n; s++) seen.addAll(ShardPlan.pointsOf(d, new Shard(s, n)));
            for (int i = 0; i < shardOf.length; i++) load[shardOf[i]] += cost[i];
            assertEquals(d.points().size(), seen.size(), "no point twice, split into " + n);
            assertEquals(asSet(d.points()), asSet(seen), "no point lost, split into " + n);
            long max = java.util.Arrays.stream(load).max().orElseThrow();
            assertTrue(max <= total / n + largest, "longest shard " + max + " exceeds mean + largest point, split into " + n);
            if (n <= d.points().size()) assertTrue(java.util.Arrays.stream(load).allMatch(l -> l > 0), "no empty shard, split into " + n);
        }
    }

    @Test void theLongestShardIsWithinGrahamsBoundOfTheBestSplit() {
        // LPT's longest shard is at most (4/3 - 1/(3N)) x the best possible one (Graham 1969); the best found by trying every split
        for (int seed = 0; seed < 6; seed++) {
            List<Point> some = new ArrayList<>(points());
            Collections.shuffle(some, new Random(seed));
            SweepDescription d = describe(some.subList(0, 9));
            long[] cost = d.points().stream().mapToLong(p -> ShardPlan.cost(p, d.layers())).toArray();
            int n = 3;
            long[] load = new long[n];
            int[] shardOf = ShardPlan.assign(d, n);
            for (int i = 0; i < shardOf.length; i++) load[shardOf[i]] += cost[i];
            long lpt = java.util.Arrays.stream(load).max().orElseThrow(), best = Long.MAX_VALUE;
            for (int code = 0; code < Math.pow(n, cost.length); code++) {
                long[] l = new long[n];
                for (int i = 0, c = code; i < cost.length; i++, c /= n) l[c % n] += cost[i];
                best = Math.min(best, java.util.Arrays.stream(l).max().orElseThrow());
            }
            assertTrue(lpt <= (4.0 / 3 - 1.0 / (3 * n)) * best, "seed " + seed + ": LPT " + lpt + " vs best " + best);
        }
    }

    @Test void costFollowsMacsCoreAndBandwidth() {
        SweepDescription d = describe(points());
        long simt = ShardPlan.cost(new Point("simt", "4x8", 16), d.layers()), systolic = ShardPlan.cost(new Point("systolic", "16x16,ws", 16), d.layers());
        assertTrue(simt > 10 * systolic, simt + " vs " + systolic);
        assertTrue(ShardPlan.cost(new Point("systolic", "16x16,ws", 2), d.layers()) > systolic, "more cycles at 2 B/cycle");
        assertEquals(ShardPlan.cost(new Point("simt", "4x8", 2), d.layers()), simt, "the SIMT core is issue-bound");
    }

    @Test void anythingThatChangesTheNumbersChangesTheId() {
        SweepDescription base = describe(points());
        assertNotEquals(base.id(), SweepDescription.of(new Settings("default", 1.0, 2, "random", "45nm", 20, "int8", "auto"), WorkloadSet.load("default", 1.0),
                points()).id(), "seed");
        for (Settings other : List.of(new Settings("default", 1.0, 1, "random", "45nm", 20, "mxfp4", "off"),
                new Settings("default", 1.0, 1, "random", "45nm", 20, "int8", "8")))
            assertNotEquals(base.id(), SweepDescription.of(other, WorkloadSet.load("default", 1.0), points()).id(), "format and sample: " + other);
        assertNotEquals(base.id(), SweepDescription.of(SETTINGS, WorkloadSet.load("default", 1.0).subList(1, 6), points()).id(), "layers");
        assertNotEquals(base.id(), describe(points().subList(1, points().size())).id(), "points");
    }

    @Test void shardSpecsAreCheckedWithOneLine() {
        assertEquals(new Shard(3, 4), Shard.parse("3/4"));
        assertEquals(new Shard(0, 1), Shard.parse(" 0 / 1 "));
        assertEquals("--shard 5/4: the shard index is 0-based, so it must be 0..3",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("5/4")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/4")).getMessage().contains("0..3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/0")).getMessage().contains("N must be >= 1"));
        for (String bad : List.of("x", "1", "1/2/3", "-1/4", "a/4", "", "99999999999/4"))
            assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad)).getMessage().startsWith("--shard takes I/N"), bad);
    }

    private static java.util.Set<Point> asSet(List<Point> l) { return new java.util.HashSet<>(l); }
}
