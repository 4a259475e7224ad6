package io.rtlbench.tools.sweep;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away single-node Slurm cluster for tests (Debian's {@code munge} and {@code slurm-wlm}),
 * everything under one folder: a munge daemon with its own key and socket, {@code slurmctld} and
 * {@code slurmd} in the foreground with a minimal {@code slurm.conf} (root as SlurmUser, this host as
 * the only node with all its CPUs, free ports, {@code proctrack/linuxproc}, {@code task/none},
 * {@code select/cons_tres} by core, no accounting). {@link #env()} points client commands at it.
 * {@link #close()} cancels its jobs and stops every process it started. Needs root (slurmd launches
 * the jobs); {@link #unavailable()} says why it cannot start here, for a test to skip.
 */
final class LocalSlurm implements AutoCloseable {
    private final Path dir;
    private final List<Process> daemons = new ArrayList<>();

    private LocalSlurm(Path dir) { this.dir = dir; }

    /** Null when a cluster can be started here, else why not. */
    static String unavailable() {
        for (String tool : List.of("munged", "slurmctld", "slurmd", "sbatch", "squeue", "sinfo", "scancel"))
            if (!SlurmJob.onPath(tool) && !Files.isExecutable(Path.of("/usr/sbin", tool)))
                return tool + " not found (apt-get install -y munge slurmctld slurmd slurm-client)";
        if (!"root".equals(System.getProperty("user.name"))) return "a local Slurm runs its daemons as root; this is " + System.getProperty("user.name");
        return null;
    }

    /** Starts munged, slurmctld and slurmd under {@code dir}; waits until the node is idle (or throws with the logs' tail). */
    static LocalSlurm start(Path dir) throws Exception {
        LocalSlurm s = new LocalSlurm(dir);
        try {
            s.boot();
            return s;
        } catch (Throwable e) {
            s.close();
            throw e;
        }
    }

    private void boot() throws Exception {
        for (String sub : List.of("munge", "state", "spool", "log")) Files.createDirectories(dir.resolve(sub));
        Files.setPosixFilePermissions(dir.resolve("munge"), PosixFilePermissions.fromString("rwx--x--x"));
        byte[] key = new byte[128];
        new SecureRandom().nextBytes(key);
        Path keyFile = Files.write(dir.resolve("munge/munge.key"), key);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        Path socket = dir.resolve("munge/munge.socket");
        daemon("munged", "-F", "--force", "--socket=" + socket, "--key-file=" + keyFile, "--pid-file=" + dir.resolve("munge/munged.pid"),
                "--seed-file=" + dir.resolve("munge/munged.seed"), "--log-file=" + dir.resolve("log/munged.log"));
        waitFor(() -> Files.exists(socket), 20, "munged did not create its socket");
        String host = output(List.of("hostname", "-s"), Map.of()).strip();
        int cpus = Runtime.getRuntime().availableProcessors();
        Files.writeString(conf(), String.join("\n",
                "ClusterName=rtlbenchtest", "SlurmctldHost=" + host, "SlurmUser=root", "SlurmdUser=root",
                "SlurmctldPort=" + freePort(), "SlurmdPort=" + freePort(),
                "AuthType=auth/munge", "CredType=cred/munge", "AuthInfo=socket=" + socket,
                "StateSaveLocation=" + dir.resolve("state"), "SlurmdSpoolDir=" + dir.resolve("spool"),
                "SlurmctldPidFile=" + dir.resolve("slurmctld.pid"), "SlurmdPidFile=" + dir.resolve("slurmd.pid"),
                "SlurmctldLogFile=" + dir.resolve("log/slurmctld.log"), "SlurmdLogFile=" + dir.resolve("log/slurmd.log"),
                "ProctrackType=proctrack/linuxproc", "TaskPlugin=task/none", "JobAcctGatherType=jobacct_gather/none",
                "SelectType=select/cons_tres", "SelectTypeParameters=CR_Core", "MpiDefault=none", "ReturnToService=2",
                "NodeName=" + host + " CPUs=" + cpus + " State=UNKNOWN",
                "PartitionName=debug Nodes=" + host + " Default=YES MaxTime=INFINITE State=UP", ""));
        daemon("slurmctld", "-D", "-i", "-f", conf().toString());
        daemon("slurmd", "-D", "-f", conf().toString());
        waitFor(() -> output(List.of("sinfo", "-h", "-o", "%t"), env()).strip().equals("idle"), 60, "the node did not become idle");
    }

    Path conf() { return dir.resolve("slurm.conf"); }

    /** The environment that points Slurm's client commands at this cluster. */
    Map<String, String> env() { return Map.of("SLURM_CONF", conf().toString()); }

    /** Waits until job {@code id} (all its array tasks) has left the queue. */
    void awaitJob(String id, int seconds) throws Exception {
        waitFor(() -> output(List.of("squeue", "-h", "-j", id), env()).isBlank(), seconds, "job " + id + " still queued or running");
    }

    /** The last lines of the daemons' logs, for failure messages. */
    String logs() {
        StringBuilder s = new StringBuilder();
        try (var files = Files.list(dir.resolve("log"))) {
            for (Path f : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                s.append("== ").append(f.getFileName()).append('\n').append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())))
                        .append('\n');
            }
        } catch (IOException e) {
            s.append("(logs unreadable: ").append(e.getMessage()).append(")");
        }
        return s.toString();
    }

    @Override public void close() {
        if (daemons.size() == 3) {  // cancel the jobs of this cluster (its own conf) and let slurmd stop them before it goes
            output(List.of("scancel", "--full", "--user=root"), env());
            try {
                waitFor(() -> output(List.of("squeue", "-h"), env()).isBlank(), 30, "jobs still there after scancel");
            } catch (Exception e) {
                // stop the daemons anyway
            }
        }
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process p = daemons.get(i);
            List<ProcessHandle> children = p.descendants().toList();
            p.destroy();
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private void daemon(String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(SlurmJob.onPath(name) ? name : "/usr/sbin/" + name));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log/" + name + ".out").toFile());
        pb.environment().putAll(env());
        daemons.add(pb.start());
    }

    private void waitFor(java.util.function.BooleanSupplier ready, int seconds, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!ready.getAsBoolean()) {
            for (Process p : daemons) if (!p.isAlive()) throw new IllegalStateException(p.info().command().orElse("a daemon") + " exited; " + logs());
            if (System.nanoTime() > end) throw new IllegalStateException(what + " within " + seconds + " s; " + logs());
            Thread.sleep(250);
        }
    }

    /** Runs a command (with {@code env} added), returns what it printed; never throws. */
    static String output(List<String> cmd, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
