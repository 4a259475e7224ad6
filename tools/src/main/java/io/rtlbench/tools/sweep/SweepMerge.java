package io.rtlbench.tools.sweep;

import io.rtlbench.tools.cli.UserError;
import io.rtlbench.tools.json.JsonFiles;
import io.rtlbench.tools.sweep.SweepCommand.SweepJson;
import io.rtlbench.tools.sweep.SweepDescription.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rtlbench sweep merge DIR... --out FILE}: joins the shard CSVs of one sweep into one CSV (and
 * JSON). Refuses, naming them, shards of different sweeps, missing or still running shards, rows of
 * points outside the sweep, and any (point, layer) missing or present twice. The output is in the
 * description's order (point, then layer) and written at once, so merging again gives the same bytes.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge the shard folders of one sweep (from --shard or --slurm) into one CSV (and JSON): exact, checked, repeatable.")
final class SweepMerge implements Callable<Integer> {
    private static final int LISTED = 12;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "shard folders (each with sweep.json and shard-I-of-N.csv files)")
    List<Path> dirs;
    @Option(names = "--out", paramLabel = "FILE", required = true, description = "merged CSV")
    Path out;
    @Option(names = "--json", paramLabel = "FILE", description = "also write the merged rows as JSON (with the description and sweep id)")
    Path json;

    @Override public Integer call() {
        if (Files.isDirectory(out)) throw new UserError("--out " + out + " is a directory; give a CSV file name");
        JsonFiles.checkTarget(json);
        ShardSet set = ShardSet.read(dirs);
        SweepDescription sweep = set.sweep();
        List<Integer> missing = set.missingShards();
        if (!missing.isEmpty())
            throw new UserError("missing shard(s) " + String.join(", ", missing.stream().map(i -> i + "/" + set.count()).toList()) + " of sweep "
                    + sweep.id() + " (no shard-I-of-" + set.count() + ".csv in " + set.dirs() + "); run them: " + set.rerunHint(missing));
        List<String> running = set.csvs().values().stream().filter(ShardFolder::running).map(Path::toString).toList();
        if (!running.isEmpty()) throw new UserError("shard(s) still running (their CSV is locked): " + String.join(", ", running) + "; wait for them");

        Map<String, SweepRow> byCell = new HashMap<>();
        Set<String> duplicated = new LinkedHashSet<>(), foreign = new LinkedHashSet<>();
        Set<String> keys = new java.util.HashSet<>();
        for (Point p : sweep.points()) keys.add(sweep.key(p));
        List<String> layers = sweep.layerNames();
        for (Path csv : set.csvs().values())
            for (SweepRow r : SweepCsv.read(csv)) {
                if (!keys.contains(r.pointKey()) || !layers.contains(r.layer())) foreign.add(csv.getFileName() + ": " + r.core() + " " + r.config()
                        + " @ " + r.offchipBw() + " B/cycle, " + r.layer() + " (" + r.workload() + ", seed " + r.seed() + ")");
                else if (byCell.putIfAbsent(ShardSet.cell(r.pointKey(), r.layer()), r) != null)
                    duplicated.add(r.core() + " " + r.config() + " @ " + r.offchipBw() + " B/cycle, " + r.layer());
            }
        if (!foreign.isEmpty()) throw new UserError(foreign.size() + " row(s) are not of sweep " + sweep.id() + ": " + listed(foreign));
        if (!duplicated.isEmpty()) throw new UserError(duplicated.size() + " (point, layer) row(s) are duplicated: " + listed(duplicated)
                + "; remove the extra rows (or the shard file copied twice)");

        List<SweepRow> rows = new ArrayList<>();
        Set<String> incomplete = new LinkedHashSet<>();
        Set<Integer> incompleteShards = new java.util.TreeSet<>();
        List<List<Point>> byShard = set.pointsByShard();
        for (int s = 0; s < byShard.size(); s++)
            for (Point p : byShard.get(s))
                for (String layer : layers)
                    if (!byCell.containsKey(ShardSet.cell(sweep.key(p), layer))) {
                        incomplete.add(p.label() + " (shard " + s + "/" + set.count() + ")");
                        incompleteShards.add(s);
                    }
        if (!incomplete.isEmpty())
            throw new UserError(incomplete.size() + " point(s) of sweep " + sweep.id() + " have no rows yet: " + listed(incomplete)
                    + "; run their shards again (finished points are kept): " + set.rerunHint(List.copyOf(incompleteShards)));
        for (Point p : sweep.points()) for (String layer : layers) rows.add(byCell.get(ShardSet.cell(sweep.key(p), layer)));
        SweepCsv.write(out, rows);
        if (json != null) JsonFiles.write(json, new SweepJson(sweep.id(), sweep, rows));
        System.out.printf("merged sweep %s: %d rows (%d points x %d layers) from %d shards into %s%n", sweep.id(), rows.size(), sweep.points().size(),
                layers.size(), set.count(), out);
        return rows.stream().allMatch(SweepRow::verified) ? 0 : 1;
    }

    static String listed(Set<String> items) {
        List<String> l = new ArrayList<>(items);
        return String.join("; ", l.subList(0, Math.min(LISTED, l.size()))) + (l.size() > LISTED ? "; and " + (l.size() - LISTED) + " more" : "");
    }
}
