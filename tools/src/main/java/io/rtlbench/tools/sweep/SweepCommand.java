package io.rtlbench.tools.sweep;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.testbenches.bench.BenchSetup;
import io.rtlbench.testbenches.bench.CoreBench;
import io.rtlbench.testbenches.bench.CoreSpec;
import io.rtlbench.testbenches.bench.SystolicSpec;
import io.rtlbench.testbenches.sampling.SampleMode;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.workloads.LayerTensors;
import io.rtlbench.testbenches.workloads.WorkloadSet;
import io.rtlbench.tools.cli.DataOptions;
import io.rtlbench.tools.cli.FormatSampleOptions;
import io.rtlbench.tools.cli.OffChipOptions;
import io.rtlbench.tools.cli.TechOption;
import io.rtlbench.tools.cli.UserError;
import io.rtlbench.tools.energy.GateCounts;
import io.rtlbench.tools.energy.TechTable;
import io.rtlbench.tools.json.JsonFiles;
import io.rtlbench.tools.sweep.ShardPlan.Shard;
import io.rtlbench.tools.sweep.SweepDescription.Point;
import io.rtlbench.tools.sweep.SweepDescription.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rtlbench sweep}: a design-space sweep. Every (core config x off-chip bandwidth) point runs
 * every layer of the workload; points are independent simulations run in parallel (one emulator per
 * point, {@code --jobs} at a time), in one number format, each layer emulated whole or as a verified
 * sample of tiles ({@code --sample}, default auto). Rows go to one CSV as they finish; a point whose
 * rows (with the same workload, scale, seed, data, tech, latency, format and sample mode) are already
 * in the CSV is skipped, so an
 * interrupted sweep resumes where it stopped. {@code --json} writes all rows at the end.
 * Beyond one machine: {@code --shard I/N} runs one shard of the points into a shard folder,
 * {@code --slurm DIR} writes a Slurm job array of N shards, {@code sweep status} and
 * {@code sweep merge} follow and join the shards.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, subcommands = {SweepStatus.class, SweepMerge.class},
        description = {"Design-space sweep: array sizes, dataflows, warps x threads, off-chip bandwidth, across workloads; parallel and resumable.",
            "On a cluster: --slurm DIR writes a Slurm job array whose task I runs --shard I/N; then 'sweep status DIR' and 'sweep merge DIR --out FILE'."})
public final class SweepCommand implements Callable<Integer> {
    @Option(names = "--workload", defaultValue = "default", description = "as for compare (default ${DEFAULT-VALUE})")
    String workload;
    @Option(names = "--scale", defaultValue = "1.0", description = "shrink factor for a library workload (default ${DEFAULT-VALUE})")
    double scale;
    @Option(names = "--systolic", defaultValue = "8x8,ws;16x16,ws;16x16,os",
            description = "systolic configs RxC,ws|os separated by ';' (default ${DEFAULT-VALUE}); '' for none")
    String systolic;
    @Option(names = "--simt", defaultValue = "2x4,4x8",
            description = "SIMT configs [CORESx]WARPSxTHREADS[,scalar|dp4a|tensor] separated by ',' or ';' (a datapath name belongs to the "
                    + "config before it: 2x4,4x8,tensor is 2x4 and 4x8,tensor) (default ${DEFAULT-VALUE}); '' for none")
    String simt;
    @Option(names = "--format", defaultValue = "int8",
            description = "number format of every point: int8, fp8e4m3, fp8e5m2, mxfp4 (floating point: weight-stationary systolic configs "
                    + "only, whole layers; default ${DEFAULT-VALUE})")
    String format;
    @Option(names = "--sample", defaultValue = "auto",
            description = "sampled emulation of each layer: auto (tiles until the 95%% interval of cycles is within 1%%, or the whole layer "
                    + "when that is cheaper), N (tiles per layer), off (every tile); every emulated tile is verified (default ${DEFAULT-VALUE}: "
                    + "the default workloads are at real shapes; int8 only, the floating-point formats run --sample off)")
    String sample;
    @Option(names = "--offchip-bw", defaultValue = "4,16", description = "off-chip bandwidths, bytes/cycle 1..16, comma-separated (default ${DEFAULT-VALUE})")
    String bandwidths;
    @Mixin OffChipOptions offchip;
    @Option(names = "--jobs", description = "simulations in parallel (default: available processors)")
    Integer jobs;
    @Option(names = "--out", paramLabel = "PATH",
            description = "CSV of results, appended and resumed (default sweep.csv); with --shard a folder (default sweep-shards)")
    Path out;
    @Option(names = "--json", description = "also write every row as JSON (with the sweep's description and id)")
    Path json;
    @Mixin DataOptions data;
    @Mixin TechOption tech;
    @Option(names = "--max-cycles", defaultValue = "100000000", description = "cycle limit per layer run (default ${DEFAULT-VALUE})")
    long maxCycles;
    @Option(names = "--shard", paramLabel = "I/N", converter = ShardPlan.ShardConverter.class,
            description = "run only shard I of N (0-based: 0/N .. N-1/N) of the points, split by estimated cost the same way on every machine;"
                    + " writes shard-I-of-N.csv/.json and sweep.json into the --out folder")
    Shard shard;
    @Mixin SlurmJob.Options slurm;
    @Spec CommandSpec spec;

    /** The rows as {@code --json}, a shard and a merge write them. */
    record SweepJson(String sweepId, SweepDescription sweep, List<SweepRow> rows) {}

    @Override public Integer call() throws Exception {
        try (var prefetch = GateCounts.prefetchWithBuilds()) {  // Yosys alongside the emulator builds and runs
            return sweep();
        }
    }

    private int sweep() throws Exception {
        checkCombinations();
        List<Point> points = points();
        if (points.isEmpty()) throw new UserError("nothing to sweep: --systolic and --simt are both empty");
        CoreBench.checkMaxCycles(maxCycles);
        JsonFiles.checkTarget(json);
        TechTable techTable = tech.table();
        String fmt = formatOf(points);
        SampleMode sampleMode = sampleMode(fmt);
        BenchSetup setup = offchip.setup(new BuildOptions(false, true)).withSample(sampleMode);
        List<WorkloadSet.Entry> entries = WorkloadSet.load(workload, scale);
        Settings settings = new Settings(workload, scale, data.seed, data.data.toString(), techTable.name(), setup.offchipLatency(), fmt,
                sampleMode.toString());
        SweepDescription sweep = SweepDescription.of(settings, entries, points);
        if (slurm.dir != null) return SlurmJob.write(sweep, slurm, spec.commandLine().getParseResult());

        Path csvFile = out != null ? out : Path.of("sweep.csv");
        List<Point> mine = sweep.points();
        if (shard != null) {
            Path dir = out != null ? out : Path.of("sweep-shards");
            ShardFolder.claim(dir, sweep, shard.count(), "--out");
            csvFile = ShardFolder.csv(dir, shard);
            mine = ShardPlan.pointsOf(sweep, shard);
        }
        java.util.Random rnd = new java.util.Random(data.seed);
        List<GemmJob> layerJobs = new ArrayList<>();
        for (WorkloadSet.Entry e : entries) layerJobs.add(LayerTensors.of(e.layer(), data.data, rnd).job(fmt));
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        SweepRunner runner = new SweepRunner(sweep, entries, layerJobs, setup, techTable, maxCycles, threads);
        try (SweepCsv csv = SweepCsv.open(csvFile)) {
            runner.run(mine, csv, shard == null ? csvFile.toString() : csvFile + " (shard " + shard + ")");
            List<SweepRow> rows = csv.rows();
            if (shard != null) JsonFiles.write(ShardFolder.json(csvFile.getParent(), shard), new SweepJson(sweep.id(), sweep, sweep.inOrder(rows)));
            if (json != null) JsonFiles.write(json, new SweepJson(sweep.id(), sweep, rows));
            System.out.printf("%d rows in %s%n", rows.size(), csvFile);
            return rows.stream().allMatch(SweepRow::verified) ? 0 : 1;
        }
    }

    /** Options that would be ignored or contradict each other are refused before any work. */
    private void checkCombinations() {
        if (jobs != null && jobs < 1) throw new UserError("--jobs must be >= 1, got " + jobs);
        slurm.check();
        if (slurm.dir != null) {
            if (shard != null) throw new UserError("--shard and --slurm do not go together: each array task of --slurm runs one --shard");
            if (out != null) throw new UserError("--out is not used with --slurm: the shards write into the --slurm folder " + slurm.dir);
            if (json != null) throw new UserError("--json is not used with --slurm: 'rtlbench sweep merge " + slurm.dir + " --out FILE --json FILE' writes it");
            if (jobs != null) throw new UserError("--jobs is not used with --slurm: each task runs --cpus simulations in parallel");
        }
    }

    /** The canonical format; a floating-point one needs weight-stationary systolic configs. */
    private String formatOf(List<Point> points) {
        String f = FormatSampleOptions.format(format);
        if (f.equals("int8")) return f;
        for (Point p : points)
            if (p.spec() instanceof SystolicSpec s && s.dataflow() == SystolicSpec.Dataflow.OS)
                throw new UserError("--format " + f + " runs on weight-stationary arrays only: drop " + p.config() + " from --systolic"
                        + " (output-stationary is int8 only)");
        return f;
    }

    /** The sample mode in force: as given, but off for a floating-point format (refused if the user asked for a sample). */
    private SampleMode sampleMode(String fmt) {
        return FormatSampleOptions.sample(sample, fmt, spec.commandLine().getParseResult().hasMatchedOption("--sample"), "layers");
    }

    /** The SIMT configs of {@code --simt}: separated by ',' or ';', a datapath name joining the config before it. */
    static List<String> simtConfigs(String list) {
        List<String> out = new ArrayList<>();
        for (String s : list.split("[,;]")) {
            String t = s.strip();
            if (t.isEmpty()) continue;
            if (t.matches("(?i)scalar|dp4a|tensor")) {
                if (out.isEmpty()) throw new UserError("--simt: datapath '" + t + "' needs a config before it (e.g. 4x8," + t + ")");
                out.set(out.size() - 1, out.get(out.size() - 1) + "," + t);
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private List<Point> points() {
        List<Point> out = new ArrayList<>();
        List<Integer> bws = new ArrayList<>();
        for (String s : bandwidths.split(",")) {
            if (s.isBlank()) continue;
            try {
                bws.add(BenchSetup.checkBandwidth(Integer.parseInt(s.strip()), "--offchip-bw values"));
            } catch (NumberFormatException e) {
                throw new UserError("--offchip-bw takes comma-separated bytes/cycle (e.g. 4,16); '" + s.strip() + "' is not a number");
            }
        }
        if (bws.isEmpty()) throw new UserError("--offchip-bw needs at least one bandwidth");
        for (String s : systolic.split(";")) if (!s.isBlank()) for (int b : bws) out.add(Point.of(CoreSpec.parse("systolic", s, "--systolic"), b));
        for (String s : simtConfigs(simt)) for (int b : bws) out.add(Point.of(CoreSpec.parse("simt", s, "--simt"), b));
        return out;
    }
}
