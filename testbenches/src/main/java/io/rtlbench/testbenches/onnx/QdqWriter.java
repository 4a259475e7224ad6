package io.rtlbench.testbenches.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the QDQ form of a split FP32 graph: a QuantizeLinear/DequantizeLinear pair after every
 * quantized value (the producer's output is renamed v__f, the pair ends in the original name v, so
 * consumers and graph outputs are unchanged; graph inputs get v__q/v__dq), GEMM weights as INT8
 * initializers behind a (per-axis) DequantizeLinear that yields the original weight name, and
 * biases as INT32 at scale x_scale * w_scale.
 */
final class QdqWriter {
    private QdqWriter() {}

    static Graph write(Shapes.Static s, List<Units.Unit> units, Map<String, QParams> params, boolean perChannel) {
        Graph g = s.graph();
        Set<String> used = new HashSet<>(s.values().keySet());
        Map<String, Tensor> inits = new LinkedHashMap<>(g.initializers());
        List<Node> out = new ArrayList<>();
        Map<String, String> rename = new HashMap<>();  // graph inputs: v -> v__dq
        for (Graph.ValueInfo v : g.inputs())
            if (params.containsKey(v.name())) {
                String dq = qdq(out, inits, used, v.name(), v.name() + "__q", v.name() + "__dq", params.get(v.name()));
                rename.put(v.name(), dq);
            }
        for (Units.Unit u : units)
            if (u.kind() == Units.Kind.GEMM) weights(out, inits, used, g, u.nodes().get(0), params, perChannel);
        for (Units.Unit u : units)
            for (Node n : u.nodes()) {
                List<String> in = n.inputs().stream().map(v -> rename.getOrDefault(v, v)).toList();
                String o = n.output();
                if (o.equals(u.output()) && params.containsKey(o)) {
                    String f = Graph.fresh(used, o + "__f");
                    out.add(new Node(n.name(), n.op(), n.domain(), in, List.of(f), n.attrs()));
                    qdq(out, inits, used, f, o + "__q", o, params.get(o));
                } else {
                    out.add(n.withInputs(in));
                }
            }
        return g.withNodes(out).withInitializers(inits);
    }

    /** Appends Q(v) -> q, DQ(q) -> dq with scalar parameters; returns dq's name. */
    static String qdq(List<Node> out, Map<String, Tensor> inits, Set<String> used, String v, String q, String dq, QParams p) {
        String qn = Graph.fresh(used, q), sn = Graph.fresh(used, q + "_scale"), zn = Graph.fresh(used, q + "_zero");
        inits.put(sn, Tensor.scalar(p.scale()));
        inits.put(zn, Tensor.ofLongs(p.type(), new int[0], new long[] {p.zeroPoint()}));
        out.add(Node.of(qn + "_Q", "QuantizeLinear", List.of(v, sn, zn), List.of(qn)));
        out.add(Node.of(qn + "_DQ", "DequantizeLinear", List.of(qn, sn, zn), List.of(dq)));
        return dq;
    }

    /** Replaces a GEMM's FP32 weight (and bias) initializers by INT8 (INT32) ones behind DequantizeLinear. */
    static void weights(List<Node> out, Map<String, Tensor> inits, Set<String> used, Graph g, Node n, Map<String, QParams> params,
                        boolean perChannel) {
        if (!g.isConstant(n.input(1)) || !inits.containsKey(n.input(1))) return;  // activation x activation, or shared weight done
        Tensor w = g.constant(n.input(1)).toFloat();
        int axis = switch (n.op()) { case "Conv" -> 0; case "Gemm" -> n.attrInt("transB", 0) != 0 ? 0 : 1; default -> 1; };
        int channels = w.shape()[axis], inner = Tensor.size(java.util.Arrays.copyOfRange(w.shape(), axis + 1, w.rank()));
        double[] max = new double[perChannel ? channels : 1];
        for (int i = 0; i < w.size(); i++) {
            int c = perChannel ? (i / inner) % channels : 0;
            max[c] = Math.max(max[c], Math.abs(w.floats()[i]));
        }
        float[] scale = new float[max.length];
        for (int c = 0; c < scale.length; c++) scale[c] = max[c] > 0 ? (float) (max[c] / 127) : 1f;
        long[] q = new long[w.size()];
        for (int i = 0; i < q.length; i++) {
            float sc = scale[perChannel ? (i / inner) % channels : 0];
            q[i] = Math.max(-127, Math.min(127, (long) Math.rint(w.floats()[i] / sc)));
        }
        String wq = Graph.fresh(used, n.input(1) + "__q");
        dequant(out, inits, used, wq, Tensor.ofLongs(DType.INT8, w.shape(), q), scale, DType.INT8, axis, n.input(1));
        inits.remove(n.input(1));
        if (!n.hasInput(2)) return;
        Tensor b = g.constant(n.input(2));
        float xs = params.get(n.input(0)) != null ? params.get(n.input(0)).scale() : 1f;
        float[] bs = new float[b.size()];
        long[] bq = new long[b.size()];
        for (int c = 0; c < bs.length; c++) {
            bs[c] = xs * scale[perChannel ? c : 0];
            bq[c] = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, (long) Math.rint(b.get(c) / bs[c])));
        }
        String bqn = Graph.fresh(used, n.input(2) + "__q");
        dequant(out, inits, used, bqn, Tensor.ofLongs(DType.INT32, b.shape(), bq), bs, DType.INT32, 0, n.input(2));
        inits.remove(n.input(2));
    }

    static void dequant(List<Node> out, Map<String, Tensor> inits, Set<String> used, String qName, Tensor q, float[] scale, DType t,
                        int axis, String result) {
        String sn = Graph.fresh(used, qName + "_scale"), zn = Graph.fresh(used, qName + "_zero");
        inits.put(qName, q);
        int[] shape = scale.length == 1 ? new int[0] : new int[] {scale.length};
        inits.put(sn, Tensor.ofFloats(shape, scale));
        inits.put(zn, Tensor.ofLongs(t, shape, new long[scale.length]));
        out.add(new Node(qName + "_DQ", "DequantizeLinear", "", List.of(qName, sn, zn), List.of(result),
                scale.length == 1 ? List.of() : List.of(Node.intAttr("axis", axis))));
    }
}
