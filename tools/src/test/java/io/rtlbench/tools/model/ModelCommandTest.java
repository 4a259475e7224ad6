package io.rtlbench.tools.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.testbenches.onnx.DType;
import io.rtlbench.testbenches.onnx.GraphBuilder;
import io.rtlbench.testbenches.onnx.OnnxFile;
import io.rtlbench.tools.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code model inspect} and {@code model run} on a small FP32 model written to a file; bad files exit 2 with one line. */
class ModelCommandTest {
    @TempDir Path tmp;

    static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    Path smallModel() {
        GraphBuilder b = new GraphBuilder("tiny", 13, 3);
        String x = b.input("x", DType.FLOAT, 1, 2, 6, 6);
        String c = b.op("Conv", List.of(x, b.random("w", 0.5f, 4, 2, 3, 3), b.random("b", 0.1f, 4)));
        c = b.op("Relu", c);
        c = b.op("Sigmoid", c);
        Path f = tmp.resolve("tiny.onnx");
        OnnxFile.write(b.output(c).build(), f);
        return f;
    }

    @Test void inspectShowsPlacement() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        Path q = tmp.resolve("tiny-qdq.onnx");
        assertEquals(0, run(out, err, "model", "inspect", smallModel().toString(), "--save-quantized", q.toString()), err.toString());
        String s = out.toString();
        assertTrue(s.contains("Conv+Relu") && s.contains("Sigmoid") && s.contains("native 100.0% of MACs"), s);
        assertTrue(Files.exists(q));
        out = new StringWriter();
        assertEquals(0, run(out, err, "model", "inspect", q.toString()), err.toString());
        assertTrue(out.toString().contains("quantized model"), out.toString());
    }

    @Test void runVerifiesOnBothCores() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, run(out, err, "model", "run", smallModel().toString(), "--systolic", "4x4", "--simt", "2x4"), err.toString());
        assertTrue(out.toString().contains("verified: yes"), out.toString());
    }

    @Test void compareModelReportsEnergyPlacementAndFlexibility() throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        Path json = tmp.resolve("m.json"), html = tmp.resolve("m.html"), input = tmp.resolve("x.pb");
        Path model = smallModel();
        var plan = io.rtlbench.testbenches.onnx.ModelPlan.load(model, java.util.Map.of(), io.rtlbench.testbenches.onnx.Quantizer.Options.defaults(), null);
        OnnxFile.writeTensor("x", io.rtlbench.testbenches.onnx.Quantizer.randomInputs(plan.source().graph(), 7).get("x"), input);
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.out;
        System.setOut(new java.io.PrintStream(bytes, true));
        int code;
        try {
            code = cl.execute("compare", "--model", model.toString(), "--input", input.toString(), "--systolic", "4x4,ws", "--simt", "2x4",
                    "--json", json.toString(), "--html", html.toString());
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, code, err + bytes.toString());
        var tree = io.rtlbench.tools.json.JsonFiles.mapper().readTree(json.toFile());
        assertEquals(true, tree.get("verified").asBoolean());
        assertTrue(tree.get("systolic").get("pj_per_inference").asDouble() > 0 && tree.get("simt").get("pj_per_inference").asDouble() > 0, tree.toString());
        assertTrue(tree.get("ratios").get("energy_ratio").asDouble() > 1, "the systolic core spends less energy: " + tree.get("ratios"));
        com.fasterxml.jackson.databind.JsonNode sigmoid = null;
        for (var l : tree.get("layers")) if (l.get("ops").asText().contains("Sigmoid")) sigmoid = l;
        assertTrue(sigmoid != null, tree.get("layers").toString());
        assertEquals("host", sigmoid.get("systolic").get("placement").asText(), "the sigmoid is host work for the array: " + sigmoid);
        assertEquals("simt", sigmoid.get("simt").get("placement").asText(), "and a SIMT kernel's: " + sigmoid);
        assertTrue(tree.get("systolic").get("op_fraction").asDouble() < tree.get("simt").get("op_fraction").asDouble(), "flexibility: the SIMT core runs more");
        assertTrue(Files.readString(html).contains("operators run natively") && bytes.toString().contains("pJ per inference"), bytes.toString());
    }

    @Test void runModelOnOneCore() throws Exception {
        StringWriter err = new StringWriter();
        Path json = tmp.resolve("r.json");
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(0, cl.execute("run", "--core", "simt", "--warps", "2", "--threads", "4", "--model", smallModel().toString(), "--json", json.toString()),
                err.toString());
        var tree = io.rtlbench.tools.json.JsonFiles.mapper().readTree(json.toFile());
        assertTrue(tree.get("simt").get("cycles").asLong() > 0 && !tree.has("systolic"), tree.toString());
        err = new StringWriter();
        cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(2, cl.execute("run", "--core", "simt", "--model", smallModel().toString(), "--workload", "gemm:4,4,4"));
        assertTrue(err.toString().contains("does not combine with --elf, --workload"), err.toString());
        err = new StringWriter();
        cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(2, cl.execute("compare", "--calibrate", "3"));
        assertTrue(err.toString().contains("--calibrate applies to an ONNX model"), err.toString());
    }

    @Test void badFilesAndOptionsExit2WithOneLine() throws Exception {
        Path junk = tmp.resolve("junk.onnx");
        Files.writeString(junk, "not a model");
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "model", "inspect", junk.toString()));
        assertTrue(err.toString().contains("junk.onnx is not an ONNX model"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "model", "inspect", smallModel().toString(), "--shape", "x=1,two"));
        assertTrue(err.toString().contains("--shape takes INPUT=D1,D2"), err.toString());
    }
}
