package io.rtlbench.tools.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtlbench.tools.Main;
import io.rtlbench.tools.cli.UserError;
import io.rtlbench.tools.json.JsonFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import picocli.CommandLine;

/** The HTML report: well-formed page and SVGs, the fixture's names and numbers, verdicts, no network, CLI. */
class ReportWriterTest {
    @TempDir Path tmp;

    static Path fixture() throws URISyntaxException {
        return Path.of(ReportWriterTest.class.getResource("compare-resnet50.json").toURI());
    }

    static Document xml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    @Test void writesAWellFormedPageAndOneSvgPerChart() throws Exception {
        List<Path> files = ReportWriter.write(fixture(), tmp.resolve("page.html"));
        assertEquals(List.of("page.html", "page-cycles.svg", "page-energy.svg", "page-breakdown.svg", "page-roofline.svg",
                "page-memwall.svg", "page-memwall-energy.svg"), files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path svg : files.subList(1, files.size())) {
            Document d = xml(svg);
            assertEquals("svg", d.getDocumentElement().getLocalName(), svg.toString());
            assertTrue(d.getElementsByTagNameNS("*", "rect").getLength() > 3, svg + " draws nothing");
        }
        Document page = xml(files.get(0));
        assertEquals(6, page.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength());
    }

    @Test void pageHoldsNamesNumbersAndVerdicts() throws Exception {
        Path html = ReportWriter.write(fixture(), tmp.resolve("r.html")).get(0);
        String page = Files.readString(html);
        for (String s : List.of("conv1", "conv2_3x3", "fc", "conv:6,6,6,6,3,1,1", "resnet50", "16x16,ws",
                "57,400", "5,400", "10.6", "4.57", "11,664"))
            assertTrue(page.contains(s), "page lacks " + s);
        assertTrue(page.contains("Cycles: <b>systolic</b> wins"), "whole-workload cycle winner");
        // conv2_3x3: SIMT's extra energy is dominated by instruction supply + register file in the fixture
        assertTrue(page.contains("SIMT spends 58% in instruction supply + register file"), "energy why line");
        assertTrue(page.contains("systolic not computing 81% of cycles (memory)"), "fc: 300 of 1600 systolic cycles compute in the fixture");
        // sweep: 2 -> 32 B/cycle, systolic 21000 -> 4900 cycles, SIMT 64000 -> 57100
        assertTrue(page.contains("From 2 to 32 bytes/cycle off-chip: systolic cycles fall 4.29x and SIMT cycles 1.12x; "
                + "the systolic speed-up moves from 3.05x to 11.7x"), "memory-wall sentence");
        String cycles = Files.readString(tmp.resolve("r-cycles.svg"));
        assertTrue(cycles.contains("cycles (log)"), "cycles span > 20x: log axis");
        assertTrue(cycles.contains("41k"), "bar value label");
        assertTrue(Files.readString(tmp.resolve("r-roofline.svg")).contains("systolic peak 256 MACs/cycle"));
    }

    @Test void noNetworkResources() throws Exception {
        ReportWriter.write(fixture(), tmp.resolve("p.html"));
        try (var files = Files.list(tmp)) {
            for (Path f : files.toList()) {
                Matcher m = Pattern.compile("https?://[^\"' <]*").matcher(Files.readString(f));
                while (m.find()) {
                    String url = m.group();
                    assertTrue(url.equals("http://www.w3.org/2000/svg") || url.equals("http://www.w3.org/1999/xhtml"),
                            f.getFileName() + " refers to " + url);
                }
            }
        }
    }

    /** The fixture as a mutable JSON tree. */
    static ObjectNode tree() throws Exception { return (ObjectNode) JsonFiles.mapper().readTree(fixture().toFile()); }

    /** Writes a (changed) tree to a file and reports it. */
    List<Path> write(ObjectNode m, String html) throws Exception {
        Path json = tmp.resolve(html + ".json");
        JsonFiles.mapper().writeValue(json.toFile(), m);
        return ReportWriter.write(json, tmp.resolve(html));
    }

    @Test void textIsEscaped() throws Exception {
        ObjectNode m = tree();
        m.put("workload", "a<b>&\"c\"");
        Path html = write(m, "e.html").get(0);
        xml(html);
        assertTrue(Files.readString(html).contains("a&lt;b&gt;&amp;&quot;c&quot;"));
    }

    @Test void missingKeysNameTheirPath() throws Exception {
        ObjectNode m = tree();
        ((ObjectNode) m.get("layers").get(1).get("simt")).remove("energy_pj");
        var e = assertThrows(UserError.class, () -> write(m, "x.html"));
        assertEquals("compare result " + tmp.resolve("x.html.json") + ": layers[1].simt.energy_pj is missing", e.getMessage());
        ObjectNode t = tree();
        ((ObjectNode) t.get("simt")).put("total_cycles", "many");
        var w = assertThrows(UserError.class, () -> write(t, "y.html"));
        assertTrue(w.getMessage().contains("simt.total_cycles has the wrong type"), w.getMessage());
    }

    @Test void withoutASweepThereAreNoMemoryWallCharts() throws Exception {
        ObjectNode m = tree();
        m.remove("bandwidth_sweep");
        List<Path> files = write(m, "n.html");
        assertEquals(5, files.size());
        assertFalse(Files.exists(tmp.resolve("n-memwall.svg")));
    }

    @Test void manyLayersZerosAndOneSweepPointStillDrawFiniteCharts() throws Exception {
        ObjectNode m = tree();
        ArrayNode layers = (ArrayNode) m.get("layers");
        for (int i = 0; i < 9; i++) {
            ObjectNode copy = layers.get(i % 3).deepCopy();
            copy.put("name", "extra_layer_" + i);
            layers.add(copy);
        }
        ObjectNode bd = (ObjectNode) m.get("systolic").get("breakdown");
        bd.fieldNames().forEachRemaining(k -> bd.put(k, 0));
        ArrayNode sweep = (ArrayNode) m.get("bandwidth_sweep");
        while (sweep.size() > 1) sweep.remove(1);
        List<Path> files = write(m, "big.html");
        for (Path f : files) {
            String text = Files.readString(f);
            assertFalse(text.contains("NaN") || text.contains("Infinity"), f + " has non-finite coordinates");
            xml(f);
        }
        assertTrue(Files.readString(files.get(0)).contains("extra_layer_8"));
    }

    @Test void reportCommandWritesThePageAndRejectsMissingFiles() throws Exception {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter(), out = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        Path html = tmp.resolve("cli.html");
        assertEquals(0, cl.execute("report", fixture().toString(), "-o", html.toString()), err.toString());
        assertTrue(Files.size(html) > 10_000 && out.toString().contains("6 SVG charts"), out.toString());
        assertEquals(2, cl.execute("report", tmp.resolve("nope.json").toString(), "-o", html.toString()));
        assertTrue(err.toString().contains("no such result file"), err.toString());
    }
}
