package io.rtlbench.testbenches.onnx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a static graph of default-domain opset 7..12 to opset 13, which per-axis
 * DequantizeLinear (per-channel weights) needs. Converts the operators whose form changed and that
 * the engine supports: Clip (min/max attributes -> inputs, opset 11), Squeeze/Unsqueeze (axes
 * attribute -> input) and Softmax/LogSoftmax (2-D coercion -> one axis: only when the axis is the
 * last, where both agree). Slice with attributes (opset < 10) is folded away or reported.
 */
public final class OpsetUpgrade {
    private OpsetUpgrade() {}

    public static Shapes.Static to13(Shapes.Static s) {
        Graph g = s.graph();
        if (g.opset() >= 13) return s;
        if (g.opset() < 7) throw new OnnxException("opset " + g.opset() + " is older than 7 (broadcasting rules changed); re-export the model");
        Map<String, Tensor> inits = new LinkedHashMap<>(g.initializers());
        Set<String> used = new HashSet<>(s.values().keySet());
        List<Node> out = new ArrayList<>();
        for (Node n : g.nodes()) {
            switch (n.op()) {
                case "Clip" -> {
                    if (n.attr("min") == null && n.attr("max") == null) { out.add(n); break; }
                    String lo = Graph.fresh(used, n.name() + "_min"), hi = Graph.fresh(used, n.name() + "_max");
                    inits.put(lo, Tensor.scalar(n.attrFloat("min", -Float.MAX_VALUE)));
                    inits.put(hi, Tensor.scalar(n.attrFloat("max", Float.MAX_VALUE)));
                    out.add(new Node(n.name(), n.op(), n.domain(), List.of(n.input(0), lo, hi), n.outputs(), List.of()));
                }
                case "Squeeze", "Unsqueeze" -> {
                    int[] axes = n.attrInts("axes");
                    if (axes == null) { out.add(n); break; }
                    String a = Graph.fresh(used, n.name() + "_axes");
                    inits.put(a, Tensor.ofLongs(DType.INT64, new int[] {axes.length}, java.util.Arrays.stream(axes).asLongStream().toArray()));
                    out.add(new Node(n.name(), n.op(), n.domain(), List.of(n.input(0), a), n.outputs(), List.of()));
                }
                case "Softmax", "LogSoftmax" -> {
                    int rank = s.info(n.input(0)).shape().length;
                    long axis = n.attrInt("axis", 1);
                    if (axis != rank - 1 && axis != -1)
                        throw OnnxException.at(n, "opset " + g.opset() + " softmax over axes " + axis + ".." + (rank - 1)
                                + " (2-D coercion) is not supported; re-export with opset >= 13");
                    out.add(new Node(n.name(), n.op(), n.domain(), n.inputs(), n.outputs(), List.of(Node.intAttr("axis", -1))));
                }
                case "Slice" -> {
                    if (n.attrInts("starts") != null) throw OnnxException.at(n, "Slice with attributes (opset < 10) on a non-constant input is not supported");
                    out.add(n);
                }
                default -> out.add(n);
            }
        }
        Graph up = g.withNodes(out).withInitializers(inits).withOpset(13, g.otherOpsets());
        return Shapes.infer(up, Map.of());
    }
}
