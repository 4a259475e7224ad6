package io.rtlbench.testbenches.onnx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds on an FP32 graph before quantization, each exact in real arithmetic:
 * BatchNormalization after a Conv into the Conv's weights and bias (W' = W * g / sqrt(v + eps),
 * b' = (b - mean) * g / sqrt(v + eps) + beta), and a 2-D MatMul by a constant followed by an Add of
 * a constant row vector into one Gemm with bias. Bias and ReLU/Clip are folded later, into the
 * integer requantization.
 */
public final class FloatRewrites {
    private FloatRewrites() {}

    public static Shapes.Static apply(Shapes.Static s) {
        Graph g = s.graph();
        Map<String, List<Node>> consumers = g.consumers();
        Map<String, Node> producers = g.producers();
        Map<String, Tensor> inits = new LinkedHashMap<>(g.initializers());
        Set<String> used = new HashSet<>(s.values().keySet());
        Set<Node> drop = new HashSet<>();
        Map<Node, Node> replace = new java.util.HashMap<>();
        for (Node n : g.nodes()) {
            if (n.op().equals("BatchNormalization") && n.outputs().stream().skip(1).allMatch(String::isEmpty)) {
                Node conv = producers.get(n.input(0));
                if (conv == null || !conv.op().equals("Conv") || !g.isConstant(conv.input(1)) || (conv.hasInput(2) && !g.isConstant(conv.input(2)))
                        || consumers.get(conv.output()).size() != 1 || g.isGraphOutput(conv.output())
                        || !n.inputs().subList(1, 5).stream().allMatch(g::isConstant)) continue;
                List<Tensor> p = n.inputs().stream().map(g::constant).toList();
                double[] scale = HostNn.bnScale(n, p), shift = HostNn.bnShift(p, scale);
                Tensor w = g.constant(conv.input(1));
                int per = w.size() / w.shape()[0];
                float[] nw = new float[w.size()], nb = new float[w.shape()[0]];
                for (int i = 0; i < nw.length; i++) nw[i] = (float) (w.get(i) * scale[i / per]);
                for (int c = 0; c < nb.length; c++)
                    nb[c] = (float) ((conv.hasInput(2) ? g.constant(conv.input(2)).get(c) : 0) * scale[c] + shift[c]);
                String wn = Graph.fresh(used, conv.name() + "_W_bn"), bn = Graph.fresh(used, conv.name() + "_B_bn");
                inits.put(wn, Tensor.ofFloats(w.shape(), nw));
                inits.put(bn, Tensor.ofFloats(new int[] {nb.length}, nb));
                replace.put(conv, new Node(conv.name(), "Conv", conv.domain(), List.of(conv.input(0), wn, bn), n.outputs(), conv.attrs()));
                drop.add(n);
            } else if (n.op().equals("Add") && !replace.containsKey(n)) {
                Node mm = producers.get(n.input(0)) != null && producers.get(n.input(0)).op().equals("MatMul") ? producers.get(n.input(0)) : null;
                String c = n.input(1);
                if (mm == null || !g.isConstant(c) || !g.isConstant(mm.input(1)) || consumers.get(mm.output()).size() != 1
                        || g.isGraphOutput(mm.output()) || s.info(mm.input(0)).shape().length != 2 || g.constant(mm.input(1)).rank() != 2) continue;
                int nOut = g.constant(mm.input(1)).shape()[1];
                Tensor bias = g.constant(c);
                if (bias.size() != nOut || bias.shape()[bias.rank() - 1] != nOut) continue;
                String bn = Graph.fresh(used, mm.name() + "_bias");
                inits.put(bn, bias.toFloat().reshape(new int[] {nOut}));
                replace.put(mm, new Node(mm.name(), "Gemm", mm.domain(), List.of(mm.input(0), mm.input(1), bn), n.outputs(), List.of()));
                drop.add(n);
            }
        }
        if (drop.isEmpty()) return s;
        List<Node> out = new ArrayList<>();
        for (Node n : g.nodes()) if (!drop.contains(n)) out.add(replace.getOrDefault(n, n));
        return Shapes.infer(g.withNodes(out).withInitializers(inits), Map.of());
    }
}
