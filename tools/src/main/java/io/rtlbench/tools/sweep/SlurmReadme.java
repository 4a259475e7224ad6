package io.rtlbench.tools.sweep;

import java.nio.file.Path;

/** The README.md that {@code sweep --slurm DIR} writes next to the batch script: the three steps, for this sweep. */
final class SlurmReadme {
    private SlurmReadme() {}

    static String text(SweepDescription sweep, int tasks, Path dir, boolean submitted) {
        String script = dir.resolve(SlurmJob.SCRIPT).toString();
        return "# rtlbench sweep " + sweep.id() + " on Slurm\n\n"
                + sweep.points().size() + " points (" + sweep.settings().workload() + ", " + sweep.layers().size() + " layers each) split into "
                + tasks + " shards by estimated cost; array task I runs shard I (0-based) and writes `shard-I-of-" + tasks + ".csv` here.\n"
                + "`sweep.json` is the exact sweep (its `sweep_id` is a hash of it): every task checks that its own options describe the same\n"
                + "sweep before it runs. Task logs go to `logs/`.\n\n"
                + "1. Submit" + (submitted ? " (done by --submit)" : "") + ":\n\n"
                + "       sbatch " + script + "\n\n"
                + "2. Follow: finished points per shard, and which are missing:\n\n"
                + "       rtlbench sweep status " + dir + "\n\n"
                + "   A failed or cancelled task's shard runs again alone (finished points are kept, the rest resume):\n\n"
                + "       sbatch --array=I " + script + "\n\n"
                + "3. Merge, when every shard is done (refuses missing or duplicated points and shards of other sweeps;\n"
                + "   the output is the same, byte for byte, every time):\n\n"
                + "       rtlbench sweep merge " + dir + " --out merged.csv --json merged.json\n";
    }
}
