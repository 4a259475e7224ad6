package io.rtlbench.tools.regress;

import io.rtlbench.tools.Json;
import io.rtlbench.tools.report.JsonReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rtlbench regress [--update]}: runs the regression suite against the committed baselines. */
@Command(name = "regress", mixinStandardHelpOptions = true,
        description = "Run the regression suite (cycles exact, energy within 1%) against regression/baselines.json.")
public final class RegressCommand implements Callable<Integer> {
    @Option(names = "--baselines", defaultValue = "regression/baselines.json", description = "baseline file (default ${DEFAULT-VALUE})")
    Path baselines;
    @Option(names = "--update", description = "write the current numbers as the new baselines (commit them with the reason)")
    boolean update;

    @Override public Integer call() throws Exception {
        var now = RegressionSuite.run();
        if (update) {
            Json.writeFile(baselines, now);
            System.out.println("wrote " + now.size() + " baselines to " + baselines);
            return 0;
        }
        if (!Files.exists(baselines))
            throw new IllegalArgumentException("no baselines at " + baselines + "; create them with: rtlbench regress --update");
        List<String> diffs = RegressionSuite.compare(JsonReader.readObject(baselines), now);
        diffs.forEach(d -> System.out.println("REGRESSION " + d));
        System.out.printf("%d case(s), %d difference(s)%n", now.size(), diffs.size());
        return diffs.isEmpty() ? 0 : 1;
    }

    /** For tests: the baselines as a map. */
    public static Map<String, Object> read(Path file) throws Exception { return JsonReader.readObject(file); }
}
