package io.rtlbench.testbenches.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The engine's parts without the cores: host operators vs ONNX Runtime, the requantization rule, the quantizer's rewrites. */
class OnnxPartsTest {
    /** The host's FP32 operators give ONNX Runtime's results on whole models (they build lookup tables and run host layers). */
    @Test
    void hostOperatorsMatchOnnxRuntime() {
        for (Graph g : List.of(TestModels.cnn(), TestModels.attention(), TestModels.mlp())) {
            Shapes.Static s = Shapes.infer(g, Map.of());
            Map<String, Tensor> in = Quantizer.randomInputs(s.graph(), 7);
            Map<String, Tensor> values = new HashMap<>(in);
            HostRun.run(s.graph(), s.graph().nodes(), values);
            String out = g.outputs().get(0).name();
            Tensor want = Ort.run(s.graph(), in, List.of(out)).get(out), got = values.get(out);
            for (int i = 0; i < want.size(); i++)
                assertEquals(want.get(i), got.get(i), 1e-4 * (1 + Math.abs(want.get(i))), g.name() + " output " + i);
        }
    }

    /** round(M * acc) + zero from the integer rule is within 1 LSB of the real-valued result, and exact away from ties. */
    @Test
    void requantizationRuleWithinOneLsb() {
        Random r = new Random(3);
        long exact = 0, n = 0;
        for (int t = 0; t < 200; t++) {
            double m = Math.exp(-12 * r.nextDouble());
            int zero = r.nextBoolean() ? 0 : r.nextInt(256) - 128;
            IntRequant rq = IntRequant.of(new double[] {m}, zero, false);
            for (int k = 0; k < 50; k++) {
                int acc = r.nextInt(1 << 20) - (1 << 19);
                int want = (int) Math.max(-128, Math.min(127, Math.rint(m * acc) + zero));
                int got = rq.channel(0).apply(acc + rq.zeroFold()[0]);
                assertTrue(Math.abs(want - got) <= 1, "M=" + m + " zero=" + zero + " acc=" + acc + ": " + want + " vs " + got);
                exact += want == got ? 1 : 0;
                n++;
            }
        }
        assertTrue(exact > 0.97 * n, exact + " of " + n + " exact");
        assertTrue(IntRequant.of(new double[] {0.01, 0.01}, 0, false).uniform());
        assertFalse(IntRequant.of(new double[] {0.01, 0.02}, 0, false).uniform());
    }

    /** BatchNorm folds into the Conv, HardSwish (Add/Clip/Mul/Div) becomes one lookup table, per-tensor weights give one requantization per layer. */
    @Test
    void quantizerFoldsAndFuses() {
        ModelPlan pc = ModelPlan.of("cnn", TestModels.cnn(), Map.of(), Quantizer.Options.defaults(), null);
        assertTrue(pc.qdq().graph().nodes().stream().noneMatch(n -> n.op().equals("BatchNormalization")));
        assertEquals(1, pc.steps().stream().filter(s -> s.kind() == Step.Kind.LUT && s.ops().equals("Add+Clip+Mul+Div")).count());
        assertTrue(pc.steps().stream().anyMatch(s -> ModelPlan.hostRequant(s, ModelPlan.Core.SYSTOLIC)));
        ModelPlan pt = ModelPlan.of("cnn", TestModels.cnn(), Map.of(), Quantizer.Options.defaults().withPerChannel(false), null);
        assertTrue(pt.steps().stream().noneMatch(s -> ModelPlan.hostRequant(s, ModelPlan.Core.SYSTOLIC)), "per-tensor weights: requantized on the array");
        assertEquals(Step.Kind.GEMM, pt.steps().stream().filter(s -> s.ops().equals("Gemm")).findFirst().orElseThrow().kind(),
                "MatMul + Add became a Gemm with bias");
    }

    /** An opset-9 model (Clip with attributes, the old Softmax) is upgraded to opset 13 for per-channel DequantizeLinear. */
    @Test
    void oldOpsetIsUpgraded() {
        GraphBuilder b = new GraphBuilder("old", 9, 4);
        String x = b.input("x", DType.FLOAT, 1, 8);
        String h = b.op("Gemm", List.of(x, b.random("w", 0.5f, 8, 6), b.random("c", 0.1f, 6)));
        h = b.op("Clip", h, Node.floatAttr("min", 0), Node.floatAttr("max", 6));
        String y = b.op("Softmax", h, Node.intAttr("axis", 1));
        ModelPlan p = ModelPlan.of("old", b.output(y).build(), Map.of(), Quantizer.Options.defaults(), null);
        assertEquals(13, p.qdq().graph().opset());
        assertEquals("Gemm+Clip", p.steps().get(1).ops());
    }
}
