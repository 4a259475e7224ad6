package io.rtlbench.tools.regress;

import io.rtlbench.tools.cli.UserError;
import io.rtlbench.tools.json.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rtlbench regress [--update]}: runs the regression suite against the committed baselines.
 * The baselines are the project's {@code regression/baselines.json}, found from the launcher's
 * {@code RTLBENCH_HOME} or by looking up from the current folder; without them (and without
 * {@code --update}) the command refuses before running anything.
 */
@Command(name = "regress", mixinStandardHelpOptions = true,
        description = "Run the regression suite (every counter exact, energy per category within its tolerance) against regression/baselines.json.")
public final class RegressCommand implements Callable<Integer> {
    static final Path RELATIVE = Path.of("regression", "baselines.json");

    @Option(names = "--baselines", description = "baseline file (default: the project's regression/baselines.json)")
    Path baselines;
    @Option(names = "--update", description = "write the current numbers as the new baselines (commit them with the reason)")
    boolean update;

    @Override public Integer call() {
        Path file = baselines != null ? baselines : projectBaselines();
        Map<String, RegressionSuite.Metrics> old = null;
        if (!update) {
            if (file == null || !Files.exists(file))
                throw new UserError("no baselines at " + (file != null ? file : RELATIVE.toAbsolutePath()) + "; run from the project folder, give"
                        + " --baselines FILE, or create them with: rtlbench regress --update");
            old = read(file);
        } else {
            if (file == null) file = RELATIVE;
            JsonFiles.checkTarget(file);
        }
        var now = RegressionSuite.run();
        if (update) {
            JsonFiles.write(file, now);
            System.out.println("wrote " + now.size() + " baselines to " + file);
            return 0;
        }
        List<String> diffs = RegressionSuite.compare(old, now);
        diffs.forEach(d -> System.out.println("REGRESSION " + d));
        System.out.printf("%d case(s), %d difference(s)%n", now.size(), diffs.size());
        return diffs.isEmpty() ? 0 : 1;
    }

    /** The committed baselines, typed (a wrong type or a missing metric is a one-line error naming it). */
    public static Map<String, RegressionSuite.Metrics> read(Path file) {
        return JsonFiles.readMap(file, RegressionSuite.Metrics.class, "baselines");
    }

    /** {@code $RTLBENCH_HOME/regression/baselines.json}, else the first one found looking up from the current folder. */
    static Path projectBaselines() {
        String home = System.getenv("RTLBENCH_HOME");
        if (home != null && !home.isEmpty()) return Path.of(home).resolve(RELATIVE);
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent())
            if (Files.exists(d.resolve(RELATIVE))) return d.resolve(RELATIVE);
        return null;
    }
}
