package io.rtlbench.tools.report;

import io.rtlbench.tools.cli.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rtlbench report RESULT.json -o page.html}: turns a compare result (JSON) into the
 * self-contained HTML report and its standalone SVG charts (see {@link ReportWriter}).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the HTML report (and page-<chart>.svg files) of a compare result JSON.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESULT.json", description = "compare result written by compare --json")
    public Path result;

    @Option(names = {"-o", "--output"}, description = "HTML file to write (default ${DEFAULT-VALUE})", defaultValue = "report.html")
    public Path output;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        if (!Files.isRegularFile(result)) throw new UserError("no such result file: " + result);
        List<Path> files = ReportWriter.write(result, output);
        spec.commandLine().getOut().println("wrote " + files.get(0) + " and " + (files.size() - 1) + " SVG charts");
        return 0;
    }
}
