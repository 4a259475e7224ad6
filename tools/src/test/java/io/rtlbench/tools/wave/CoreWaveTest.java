package io.rtlbench.tools.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.tools.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Both cores dump a VCD with `run --vcd`; its scopes carry the Java names, and `wave show` prints
 * the values a known computation implies: an 8x8x8 GEMM does 512 MACs and writes C (64 INT32 =
 * 256 bytes) off chip.
 */
class CoreWaveTest {
    @TempDir Path tmp;

    /** Runs a command line; returns what it printed through picocli's writer (wave commands use it). */
    static String run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        cl.getOut().flush();
        assertEquals(0, rc, String.join(" ", args) + "\n" + err);
        return out.toString();
    }

    @Test void scopeLimitsTheDumpToOneInstance() throws Exception {
        Path vcd = tmp.resolve("mesh.vcd");
        run("run", "--core", "systolic", "--rows", "4", "--cols", "4", "--workload", "gemm:4,4,4", "--vcd", vcd.toString(),
                "--from", "0", "--to", "100", "--scope", "core.executeUnit.mesh");
        String list = run("wave", "list", "--flat", vcd.toString());
        assertTrue(list.contains("TOP.SystolicSoc.core.executeUnit.mesh.pe_0_0.io_a"), list);
        assertTrue(!list.contains("dma.") && !list.contains("TOP.io_macs"), "only the mesh is dumped:\n" + list);
    }

    String gtkw(Path vcd, String core) throws Exception {
        Path out = tmp.resolve(core + ".gtkw");
        run("wave", "gtkw", vcd.toString(), "-o", out.toString(), "--core", core);
        return Files.readString(out);
    }

    static long totalCycles(Path json) throws Exception {
        var m = java.util.regex.Pattern.compile("\"total_cycles\": (\\d+)").matcher(Files.readString(json));
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    @Test void systolicRunDumpsJavaNamesAndTheProductCounts() throws Exception {
        Path vcd = tmp.resolve("sys.vcd"), json = tmp.resolve("sys.json");
        run("run", "--core", "systolic", "--rows", "4", "--cols", "4", "--workload", "gemm:8,8,8", "--vcd", vcd.toString(),
                "--from", "0", "--to", "100000", "--json", json.toString());
        String list = run("wave", "list", vcd.toString());
        for (String scope : new String[] {"mesh/", "pe_0_0/", "dma/"}) assertTrue(list.contains(scope), "scope " + scope + " in the VCD");
        String header = Files.readString(vcd).split("\\$enddefinitions")[0];
        assertTrue(header.contains(" io_cmdAddr ") && !header.contains(" io_cmdAddr_0 "), "each port once, not firtool's io_x_0 copy too");
        String show = run("wave", "show", vcd.toString(), "io_macs", "io_offchipBytesWritten", "--at",
                String.valueOf(totalCycles(json)), "--radix", "dec");
        assertTrue(show.matches("(?s).*io_macs\\s+512\\b.*") && show.matches("(?s).*io_offchipBytesWritten\\s+256\\b.*"), show);
        String gtkw = gtkw(vcd, "systolic");
        assertTrue(gtkw.contains("command queue") && gtkw.contains("core.executeUnit.mesh.pe_3_0.io_a") && gtkw.contains("core.pc"), gtkw);
    }

    @Test void simtRunDumpsJavaNamesAndTheProductCounts() throws Exception {
        Path vcd = tmp.resolve("simt.vcd"), json = tmp.resolve("simt.json");
        run("run", "--core", "simt", "--warps", "2", "--threads", "4", "--workload", "gemm:8,8,8", "--vcd", vcd.toString(),
                "--from", "0", "--to", "1000000", "--json", json.toString());
        String list = run("wave", "list", vcd.toString());
        for (String scope : new String[] {"lane0/", "lsu/", "fetchUnit/"}) assertTrue(list.contains(scope), "scope " + scope + " in the VCD");
        String show = run("wave", "show", vcd.toString(), "io_bytesWritten", "--at", String.valueOf(totalCycles(json)), "--radix", "dec");
        assertTrue(show.matches("(?s).*io_bytesWritten\\s+256\\b.*"), show);
        String gtkw = gtkw(vcd, "simt");
        assertTrue(gtkw.contains("divergence stack") && gtkw.contains("warp scheduler") && gtkw.contains("warpControl.stack_ext.W0_en"), gtkw);
    }
}
