package io.rtlbench.tools.sweep;

import io.rtlbench.tools.cli.UserError;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code rtlbench sweep ... --slurm DIR}: writes a Slurm job array for a sweep. DIR gets
 * {@code sweep.sbatch} (array task I runs {@code rtlbench sweep <the same options> --shard I/N --out DIR}
 * with the Java and class path of the command that wrote it, so nodes need no Maven build),
 * {@code sweep.json} (the exact description; each task refuses to run if its own differs),
 * {@code README.md} (submit, follow, merge) and {@code logs/}. With {@code --submit} it calls
 * {@code sbatch} and prints the job id. Simplification: the nodes must see DIR, the class path and
 * the working folder at the same paths (a shared file system), as Slurm jobs usually do.
 */
final class SlurmJob {
    static final String SCRIPT = "sweep.sbatch";
    /** Options of the writing command that the tasks must not repeat (each task gets its own). */
    private static final Set<String> NOT_FORWARDED = Set.of("--slurm", "--tasks", "--submit", "--partition", "--time", "--cpus", "--cache", "--out",
            "--json", "--jobs", "--shard");

    /** The {@code --slurm} options of {@code sweep} (a picocli mixin). */
    public static final class Options {
        @Option(names = "--slurm", paramLabel = "DIR", description = "do not run: write a Slurm job array for this sweep into DIR (batch script,"
                + " sweep.json, README.md); task I of N runs --shard I/N into DIR")
        Path dir;
        @Option(names = "--tasks", paramLabel = "N", description = "with --slurm: array tasks = shards (default: one per point)")
        Integer tasks;
        @Option(names = "--submit", description = "with --slurm: submit the job array with sbatch and print its job id")
        boolean submit;
        @Option(names = "--partition", paramLabel = "P", description = "with --slurm: Slurm partition (#SBATCH --partition)")
        String partition;
        @Option(names = "--time", paramLabel = "T", description = "with --slurm: time limit per task, Slurm's form (MM, HH:MM:SS, D-HH:MM)")
        String time;
        @Option(names = "--cpus", paramLabel = "C", description = "with --slurm: CPUs per task = simulations it runs in parallel (default 1)")
        Integer cpus;
        @Option(names = "--cache", paramLabel = "PATH", description = "with --slurm: RTLBENCH_CACHE of the tasks (emulator and kernel builds);"
                + " default: each node's own")
        Path cache;

        void check() {
            if (dir == null) {
                String stray = tasks != null ? "--tasks" : submit ? "--submit" : partition != null ? "--partition" : time != null ? "--time"
                        : cpus != null ? "--cpus" : cache != null ? "--cache" : null;
                if (stray != null) throw new UserError(stray + " needs --slurm DIR (it only shapes the Slurm job array)");
                return;
            }
            if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UserError("--slurm " + dir + " is a file; give a folder for the job array");
            if (dir.toAbsolutePath().toString().matches(".*[\\s'\"%\\\\].*"))
                throw new UserError("--slurm " + dir + ": the folder's path must not contain spaces, quotes, % or \\ (it goes into #SBATCH lines)");
            if (tasks != null && tasks < 1) throw new UserError("--tasks must be >= 1, got " + tasks);
            if (cpus != null && cpus < 1) throw new UserError("--cpus must be >= 1, got " + cpus);
            if (time != null && !time.matches("\\d+(:\\d+){0,2}|\\d+-\\d+(:\\d+){0,2}|UNLIMITED|INFINITE"))
                throw new UserError("--time takes Slurm's forms MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS; got '" + time + "'");
            if (partition != null && !partition.matches("[A-Za-z0-9_.,-]+"))
                throw new UserError("--partition takes a partition name (letters, digits, _ . - and ',' between names); got '" + partition + "'");
        }
    }

    private SlurmJob() {}

    /** Writes the job array folder (and submits it with {@code --submit}); returns the exit code. */
    static int write(SweepDescription sweep, Options o, ParseResult parsed) {
        int tasks = o.tasks != null ? o.tasks : sweep.points().size();
        Path dir = o.dir.toAbsolutePath().normalize();
        ShardFolder.claim(dir, sweep, tasks, "--slurm");
        Path script = dir.resolve(SCRIPT);
        try {
            Files.createDirectories(dir.resolve("logs"));
            Files.writeString(script, script(sweep, o, tasks, dir, forwarded(parsed)));
            script.toFile().setExecutable(true);
            Files.writeString(dir.resolve("README.md"), SlurmReadme.text(sweep, tasks, dir, o.submit));
        } catch (IOException e) {
            throw new UserError("cannot write " + dir + ": " + e.getMessage());
        }
        long empty = java.util.stream.IntStream.range(0, tasks).filter(i -> ShardPlan.pointsOf(sweep, new ShardPlan.Shard(i, tasks)).isEmpty()).count();
        System.out.printf("sweep %s: %d points in %d array tasks%s; wrote %s, %s, %s%n", sweep.id(), sweep.points().size(), tasks,
                empty > 0 ? " (" + empty + " with no point: --tasks is above the number of points)" : "", script, dir.resolve(ShardFolder.DESCRIPTION_FILE),
                dir.resolve("README.md"));
        if (!o.submit) {
            System.out.println("submit it with: sbatch " + script);
            return 0;
        }
        String jobId = submit(script);
        System.out.println("submitted Slurm job " + jobId + " (" + tasks + " array tasks); follow it with: rtlbench sweep status " + dir
                + "; when done: rtlbench sweep merge " + dir + " --out merged.csv");
        return 0;
    }

    /** The batch script: one array task per shard. */
    static String script(SweepDescription sweep, Options o, int tasks, Path dir, List<String> args) {
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("# rtlbench sweep ").append(sweep.id()).append(": ").append(sweep.points().size()).append(" points in ").append(tasks)
                .append(" shards, one per array task (written by rtlbench sweep --slurm; see README.md)\n");
        s.append("#SBATCH --job-name=rtlbench-").append(sweep.id(), 0, 8).append('\n');
        s.append("#SBATCH --array=0-").append(tasks - 1).append('\n');
        s.append("#SBATCH --output=").append(dir.resolve("logs")).append("/shard-%a-of-").append(tasks).append("-job-%A.out\n");
        s.append("#SBATCH --cpus-per-task=").append(o.cpus != null ? o.cpus : 1).append('\n');
        if (o.partition != null) s.append("#SBATCH --partition=").append(o.partition).append('\n');
        if (o.time != null) s.append("#SBATCH --time=").append(o.time).append('\n');
        s.append("set -euo pipefail\n");
        s.append("cd ").append(quote(Path.of("").toAbsolutePath().toString())).append('\n');
        if (o.cache != null) s.append("export RTLBENCH_CACHE=").append(quote(o.cache.toAbsolutePath().normalize().toString())).append('\n');
        s.append("java=").append(quote(Path.of(System.getProperty("java.home"), "bin", "java").toString())).append('\n');
        s.append("classpath=").append(quote(System.getProperty("java.class.path"))).append('\n');
        s.append("rtlbench() { exec \"$java\" -Xss16m ${RTLBENCH_JAVA_OPTS:-} -cp \"$classpath\" io.rtlbench.tools.Main \"$@\"; }\n");
        s.append("rtlbench sweep");
        for (String a : args) s.append(' ').append(quote(a));
        s.append(" --jobs \"${SLURM_CPUS_PER_TASK:-1}\" --out ").append(quote(dir.toString())).append(" --shard \"$SLURM_ARRAY_TASK_ID/")
                .append(tasks).append("\"\n");
        return s.toString();
    }

    /** The options the user gave, as typed, less the ones each task sets itself. */
    static List<String> forwarded(ParseResult parsed) {
        List<String> out = new ArrayList<>();
        for (OptionSpec opt : parsed.matchedOptions()) {
            if (NOT_FORWARDED.contains(opt.longestName())) continue;
            if (opt.arity().max() == 0) out.add(opt.longestName());
            else for (String v : opt.originalStringValues()) out.addAll(List.of(opt.longestName(), v));
        }
        return out;
    }

    /** Submits {@code script} with {@code sbatch --parsable}; returns the job id. */
    static String submit(Path script) {
        if (!onPath("sbatch"))
            throw new UserError("sbatch not found on PATH: run this on a Slurm login node, or submit the written script there: sbatch " + script);
        try {
            Process p = new ProcessBuilder("sbatch", "--parsable", script.toString()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String text = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UserError("sbatch did not answer within 120 s (is slurmctld up?); the script is " + script);
            }
            if (p.exitValue() != 0 || !text.matches("\\d+(;\\S+)?"))
                throw new UserError("sbatch failed (exit " + p.exitValue() + "): " + text.replace('\n', ' '));
            return text.replaceAll(";.*", "");
        } catch (IOException e) {
            throw new UserError("cannot run sbatch: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while waiting for sbatch");
        }
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) return true;
        return false;
    }

    static String quote(String s) { return s.matches("[A-Za-z0-9_./:=,+@-]+") ? s : "'" + s.replace("'", "'\"'\"'") + "'"; }
}
