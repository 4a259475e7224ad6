package io.rtlbench.tools.sweep;

import io.rtlbench.tools.sweep.SweepDescription.Point;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code rtlbench sweep status DIR...}: progress of a sharded sweep, read from the shard CSVs
 * (also while shards run): per shard, the points done out of the points it has, whether it is running
 * (its CSV is locked), not started (no CSV) or incomplete, and which points are missing. Exit 0
 * when every point is done, 3 when some are not (so scripts can wait on it).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Finished points per shard of a sharded sweep (from --shard or --slurm), and the missing ones; exit 0 when all are done, 3 if not.")
final class SweepStatus implements Callable<Integer> {
    static final int NOT_DONE = 3;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "shard folders of one sweep (each with sweep.json)")
    List<Path> dirs;

    @Override public Integer call() {
        ShardSet set = ShardSet.read(dirs);
        SweepDescription sweep = set.sweep();
        List<List<Point>> byShard = set.pointsByShard();
        List<String> layers = sweep.layerNames();
        int done = 0;
        List<Integer> toRerun = new ArrayList<>();
        System.out.printf("sweep %s: %d points x %d layers in %d shards%n", sweep.id(), sweep.points().size(), layers.size(), set.count());
        for (int s = 0; s < set.count(); s++) {
            Path csv = set.csvs().get(s);
            Set<String> cells = new HashSet<>();
            if (csv != null) for (SweepRow r : SweepCsv.read(csv)) cells.add(ShardSet.cell(r.pointKey(), r.layer()));
            List<String> missing = new ArrayList<>();
            for (Point p : byShard.get(s))
                if (!layers.stream().allMatch(l -> cells.contains(ShardSet.cell(sweep.key(p), l)))) missing.add(p.label());
            int shardDone = byShard.get(s).size() - missing.size();
            done += shardDone;
            boolean running = csv != null && ShardFolder.running(csv);
            String state = missing.isEmpty() ? "done" : running ? "running" : csv == null ? "not started" : "incomplete";
            if (!missing.isEmpty() && !running) toRerun.add(s);
            System.out.printf("shard %d/%d: %d/%d points done, %s%s%n", s, set.count(), shardDone, byShard.get(s).size(), state,
                    missing.isEmpty() ? "" : "; missing: " + SweepMerge.listed(new java.util.LinkedHashSet<>(missing)));
        }
        System.out.printf("total: %d/%d points done%n", done, sweep.points().size());
        if (!toRerun.isEmpty()) System.out.println("to run the shards that are neither done nor running: " + set.rerunHint(toRerun));
        if (done == sweep.points().size()) System.out.println("complete: rtlbench sweep merge " + String.join(" ", dirs.stream().map(Path::toString)
                .toList()) + " --out merged.csv");
        return done == sweep.points().size() ? 0 : NOT_DONE;
    }
}
