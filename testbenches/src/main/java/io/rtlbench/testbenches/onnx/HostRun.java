package io.rtlbench.testbenches.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a list of nodes on the host ({@link HostOps}), reading and writing a map of values; constants come from the graph. */
public final class HostRun {
    private HostRun() {}

    public static void run(Graph g, List<Node> nodes, Map<String, Tensor> values) {
        for (Node n : nodes) {
            List<Tensor> in = new ArrayList<>();
            for (String i : n.inputs()) {
                if (i.isEmpty()) { in.add(null); continue; }
                Tensor t = values.containsKey(i) ? values.get(i) : g.constant(i);
                if (t == null) throw OnnxException.at(n, "input '" + i + "' has no value");
                in.add(t);
            }
            List<Tensor> out = HostOps.eval(n, in, false, g.opset());
            for (int k = 0; k < n.outputs().size() && k < out.size(); k++)
                if (!n.outputs().get(k).isEmpty()) values.put(n.outputs().get(k), out.get(k));
        }
    }
}
