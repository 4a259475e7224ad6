package io.rtlbench.testbenches.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Models the engine cannot take fail with one line naming the node and its operator (or the input / file). */
class OnnxErrorsTest {
    static void oneLine(Exception e) { assertEquals(1, e.getMessage().lines().count(), e.getMessage()); }

    @Test
    void malformedFile() {
        byte[] junk = "definitely not a protobuf model".getBytes();
        OnnxException e = assertThrows(OnnxException.class, () -> OnnxFile.parse(junk, "junk.onnx"));
        assertTrue(e.getMessage().startsWith("junk.onnx is not an ONNX model"), e.getMessage());
        oneLine(e);
    }

    @Test
    void truncatedFile() {
        byte[] good = OnnxFile.toBytes(TestModels.mlp());
        OnnxException e = assertThrows(OnnxException.class, () -> OnnxFile.parse(java.util.Arrays.copyOf(good, good.length / 2), "cut.onnx"));
        assertTrue(e.getMessage().contains("cut.onnx is not an ONNX model"), e.getMessage());
        oneLine(e);
    }

    @Test
    void unknownOperator() {
        GraphBuilder b = new GraphBuilder("bad", 13, 1);
        String x = b.input("x", DType.FLOAT, 1, 4);
        Graph g = new Graph("bad", List.of(Node.of("warp_1", "GridSample", List.of(x), List.of("y"))), Map.of(),
                List.of(Graph.ValueInfo.of("x", DType.FLOAT, 1, 4)), List.of(Graph.ValueInfo.of("y", DType.FLOAT, 1, 4)), 13, Map.of());
        OnnxException e = assertThrows(OnnxException.class, () -> ModelPlan.of("bad", g, Map.of(), Quantizer.Options.defaults(), null));
        assertTrue(e.getMessage().startsWith("node 'warp_1' (GridSample): operator not supported"), e.getMessage());
        oneLine(e);
    }

    @Test
    void dynamicShapeNeedsASize() {
        Graph mlp = TestModels.mlp();
        Graph dyn = mlp.withInputs(List.of(new Graph.ValueInfo("x", DType.FLOAT, new int[] {1, -1}, new String[] {null, "features"})));
        OnnxException e = assertThrows(OnnxException.class, () -> ModelPlan.of("dyn", dyn, Map.of(), Quantizer.Options.defaults(), null));
        assertTrue(e.getMessage().contains("input 'x' has dynamic shape [1,features]") && e.getMessage().contains("(MatMul)"), e.getMessage());
        oneLine(e);
        ModelPlan ok = ModelPlan.of("dyn", dyn, Map.of("x", new int[] {1, 48}), Quantizer.Options.defaults(), null);
        assertEquals(List.of(1, 48), java.util.Arrays.stream(ok.qdq().graph().inputs().get(0).shape()).boxed().toList());
    }

    @Test
    void wrongShapeForAnOperator() {
        GraphBuilder b = new GraphBuilder("mm", 13, 1);
        String x = b.input("x", DType.FLOAT, 2, 5);
        b.op("MatMul", List.of(x, b.random("w", 1, 4, 3)));
        OnnxException e = assertThrows(OnnxException.class, b::build);
        assertTrue(e.getMessage().startsWith("node 'matmul_0' (MatMul): cannot multiply [2, 5] by [4, 3]"), e.getMessage());
        oneLine(e);
    }

    @Test
    void unsupportedContribOperator() {
        Graph g = new Graph("contrib", List.of(new Node("qgemm", "QGemm", "com.microsoft", List.of("x"), List.of("y"), List.of())), Map.of(),
                List.of(Graph.ValueInfo.of("x", DType.FLOAT, 1, 4)), List.of(Graph.ValueInfo.of("y", DType.FLOAT, 1, 4)), 13, Map.of("com.microsoft", 1));
        OnnxException e = assertThrows(OnnxException.class, () -> Shapes.infer(g, Map.of()));
        assertTrue(e.getMessage().startsWith("node 'qgemm' (com.microsoft.QGemm): operator not supported"), e.getMessage());
    }
}
