package io.rtlbench.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line: every command has --help, the demo verifies and writes JSON, bad input exits 2. */
class CliTest {
    @TempDir Path tmp;

    static int run(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    @Test void everyCommandHasHelp() {
        CommandLine root = Main.commandLine();
        assertHelp(root);
    }

    private static void assertHelp(CommandLine cmd) {
        String usage = cmd.getUsageMessage();
        assertTrue(usage.contains("-h, --help") || cmd.getCommandName().equals("help"), cmd.getCommandName() + " lacks --help");
        cmd.getSubcommands().values().forEach(CliTest::assertHelp);
    }

    @Test void demoVerifiesAndWritesJson() throws Exception {
        Path json = tmp.resolve("demo.json");
        assertEquals(0, run(new StringWriter(), "demo", "--rows", "4", "--cols", "4", "--k", "9", "--count", "3", "--json", json.toString()));
        String text = Files.readString(json);
        assertTrue(text.contains("\"verified\": true") && text.contains("\"macs\": 432"), text);
    }

    @Test void badInputGetsAMessageAndExitCode2() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "run", "--core", "tpu"));
        assertTrue(err.toString().contains("unknown core 'tpu'"), err.toString());
        err = new StringWriter();
        assertEquals(2, run(err, "demo", "--rows", "0"));
        assertTrue(err.toString().contains("1..64"), err.toString());
    }
}
