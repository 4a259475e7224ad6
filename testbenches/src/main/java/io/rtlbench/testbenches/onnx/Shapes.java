package io.rtlbench.testbenches.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static shapes and constant folding. Input dimensions must be known: a dynamic leading (batch)
 * dimension becomes 1, any other dynamic dimension needs a shape from the caller. Then every node
 * is checked (supported operator, inputs produced before use) and run once on the host in
 * shape-only mode; a node whose inputs are all constants is evaluated and replaced by its values
 * (this folds Shape/Slice/Concat/Constant sub-graphs into Reshape targets).
 */
public final class Shapes {
    private Shapes() {}

    /** Element type and static shape of a value. */
    public record Info(DType type, int[] shape) {
        public int size() { return Tensor.size(shape); }
        @Override public String toString() { return type + Arrays.toString(shape); }
    }

    /** A graph with static shapes: constants folded, and the type and shape of every value. */
    public record Static(Graph graph, Map<String, Info> values) {
        public Info info(String v) {
            Info i = values.get(v);
            if (i == null) throw new OnnxException("no value '" + v + "' in the graph");
            return i;
        }
    }

    public static Static infer(Graph g, Map<String, int[]> inputShapes) {
        g = g.withInputShapes(inputShapes);
        Map<String, List<Node>> consumers = g.consumers();
        List<Graph.ValueInfo> inputs = new ArrayList<>();
        for (Graph.ValueInfo v : g.inputs()) {
            int[] s = v.shape().clone();
            for (int i = 0; i < s.length; i++) {
                if (s[i] >= 0) continue;
                if (i == 0) { s[i] = 1; continue; }
                List<Node> users = consumers.getOrDefault(v.name(), List.of());
                String at = users.isEmpty() ? "" : " (read by node '" + users.get(0).name() + "' (" + users.get(0).opLabel() + "))";
                throw new OnnxException("input '" + v.name() + "' has dynamic shape " + v.shapeString() + at
                        + ": dimension " + i + " ('" + v.params()[i] + "') must be given, e.g. --shape " + v.name() + "=" + example(s));
            }
            inputs.add(v.withShape(s));
        }
        g = g.withInputs(inputs);
        Map<String, Tensor> consts = new LinkedHashMap<>(g.initializers());
        Map<String, Tensor> values = new HashMap<>(consts);
        for (Graph.ValueInfo v : inputs) values.put(v.name(), Tensor.zeros(v.type(), v.shape()));
        List<Node> kept = new ArrayList<>();
        Set<String> folded = new HashSet<>();
        for (Node n : g.nodes()) {
            if (!HostOps.supports(n)) throw OnnxException.at(n, "operator not supported (the engine knows " + HostOps.knownOps() + ")");
            List<Tensor> in = new ArrayList<>();
            boolean allConst = true;
            for (String i : n.inputs()) {
                if (i.isEmpty()) { in.add(null); continue; }
                Tensor t = values.get(i);
                if (t == null) throw OnnxException.at(n, "reads '" + i + "', which no earlier node, input or initializer produces");
                in.add(t);
                allConst &= consts.containsKey(i);
            }
            // Shape depends only on the (static) shape of its input
            boolean fold = (allConst || n.op().equals("Shape")) && !n.op().equals("QuantizeLinear") && !n.op().equals("DequantizeLinear");
            List<Tensor> out = HostOps.eval(n, in, !fold, g.opset());
            for (int k = 0; k < n.outputs().size() && k < out.size(); k++) {
                String o = n.outputs().get(k);
                if (o.isEmpty()) continue;
                values.put(o, out.get(k));
                if (fold) consts.put(o, out.get(k));
            }
            if (fold) folded.add(n.name()); else kept.add(n);
        }
        Set<String> used = new HashSet<>();
        for (Node n : kept) used.addAll(n.inputs());
        g.outputs().forEach(o -> used.add(o.name()));
        Map<String, Tensor> liveConsts = new LinkedHashMap<>();
        consts.forEach((k, t) -> { if (used.contains(k)) liveConsts.put(k, t); });
        Map<String, Info> info = new HashMap<>();
        values.forEach((k, t) -> info.put(k, new Info(t.type(), t.shape())));
        for (Graph.ValueInfo o : g.outputs())
            if (!values.containsKey(o.name())) throw new OnnxException("graph output '" + o.name() + "' is produced by no node");
        List<Graph.ValueInfo> outs = g.outputs().stream().map(o -> new Graph.ValueInfo(o.name(), info.get(o.name()).type(),
                info.get(o.name()).shape(), new String[info.get(o.name()).shape().length])).toList();
        return new Static(g.withNodes(kept).withInitializers(liveConsts).withOutputs(outs), info);
    }

    static String example(int[] s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length; i++) b.append(i > 0 ? "," : "").append(s[i] >= 0 ? s[i] : "N");
        return b.toString();
    }
}
