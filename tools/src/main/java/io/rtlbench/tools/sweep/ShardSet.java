package io.rtlbench.tools.sweep;

import io.rtlbench.tools.cli.UserError;
import io.rtlbench.tools.sweep.ShardPlan.Shard;
import io.rtlbench.tools.sweep.SweepDescription.Point;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shards of one sweep found in one or more shard folders (what {@code sweep status} and
 * {@code sweep merge} read): every folder must hold the same sweep split the same way, and each
 * shard's CSV may be in only one of them. Shards that have not written a CSV yet are absent.
 */
record ShardSet(SweepDescription sweep, int count, List<Path> dirs, Map<Integer, Path> csvs) {

    /** Reads and cross-checks the folders; any disagreement is one line naming them. */
    static ShardSet read(List<Path> dirs) {
        if (dirs.isEmpty()) throw new UserError("give at least one folder of sweep shards");
        Map<Path, ShardFolder.FolderFile> folders = new LinkedHashMap<>();
        for (Path d : dirs) folders.put(d, ShardFolder.read(d));
        ShardFolder.FolderFile first = folders.values().iterator().next();
        List<String> ids = new ArrayList<>();
        folders.forEach((d, f) -> ids.add(d + " holds sweep " + f.sweepId() + " (" + f.description().points().size() + " points, "
                + f.description().settings().workload() + ")"));
        if (folders.values().stream().anyMatch(f -> !f.sweepId().equals(first.sweepId())))
            throw new UserError("these shards belong to different sweeps: " + String.join("; ", ids) + "; give folders of one sweep");
        if (folders.values().stream().anyMatch(f -> !f.shards().equals(first.shards())))
            throw new UserError("these folders split sweep " + first.sweepId() + " differently: " + String.join("; ",
                    folders.entrySet().stream().map(e -> e.getKey() + " into " + e.getValue().shards() + " shards").toList()));
        int count = first.shards();
        Map<Integer, Path> csvs = new TreeMap<>();
        for (Path d : dirs)
            for (Map.Entry<Shard, Path> e : ShardFolder.shardFiles(d).entrySet()) {
                Shard s = e.getKey();
                if (s.count() != count)
                    throw new UserError(e.getValue() + " is shard " + s + " but " + d + " holds sweep " + first.sweepId() + " split into " + count
                            + " shards; move it away");
                Path before = csvs.put(s.index(), e.getValue());
                if (before != null) throw new UserError("shard " + s + " is in two folders: " + before + " and " + e.getValue() + "; keep one");
            }
        return new ShardSet(first.description(), count, List.copyOf(dirs), csvs);
    }

    /** The shard indices with no CSV in any folder. */
    List<Integer> missingShards() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) if (!csvs.containsKey(i)) out.add(i);
        return out;
    }

    /** Points of every shard, by index. */
    List<List<Point>> pointsByShard() {
        int[] shardOf = ShardPlan.assign(sweep, count);
        List<List<Point>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(new ArrayList<>());
        for (int i = 0; i < shardOf.length; i++) out.get(shardOf[i]).add(sweep.points().get(i));
        return out;
    }

    /** How to run shards again: with the folder's batch script when there is one. */
    String rerunHint(List<Integer> shards) {
        String list = String.join(",", shards.stream().map(String::valueOf).toList());
        for (Path d : dirs)
            if (java.nio.file.Files.exists(d.resolve(SlurmJob.SCRIPT))) return "sbatch --array=" + list + " " + d.resolve(SlurmJob.SCRIPT);
        return "rtlbench sweep <the same options> --shard I/" + count + " --out " + dirs.get(0) + " for I in " + list;
    }

    /** The key of a (point, layer) pair: what must occur exactly once in a merge. */
    static String cell(String pointKey, String layer) { return pointKey + "|" + layer; }
}
