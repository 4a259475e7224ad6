package io.rtlbench.testbenches.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lowers a static QDQ (or QLinear / Integer-operator) graph into {@link Step}s. Every
 * QuantizeLinear ends a step whose body is the compute nodes between it and the
 * DequantizeLinear nodes (or constants) before them; the body is classified (GEMM, lookup table,
 * max pool, layout, or host). QLinearConv / QLinearMatMul / ConvInteger / MatMulInteger are GEMM
 * steps by themselves; whatever is left runs on the host in FP32.
 */
public final class Plan {
    private Plan() {}

    public static List<Step> lower(Shapes.Static s) {
        Graph g = s.graph();
        Map<String, Node> prod = g.producers();
        Map<String, List<Node>> cons = g.consumers();
        Map<Node, List<Node>> bodyOf = new HashMap<>();
        Set<Node> covered = new HashSet<>();
        for (Node n : g.nodes())
            if (n.op().equals("QuantizeLinear")) {
                List<Node> body = body(g, prod, cons, n);
                bodyOf.put(n, body);
                covered.addAll(body);
            }
        List<Step> steps = new ArrayList<>();
        for (Node n : g.nodes()) {
            if (n.op().equals("DequantizeLinear") && !g.isGraphOutput(n.output()) || covered.contains(n)) continue;
            int i = steps.size();
            if (n.op().equals("QuantizeLinear")) steps.add(Classify.quantized(s, prod, i, bodyOf.get(n), n));
            else if (Set.of("QLinearConv", "QLinearMatMul", "ConvInteger", "MatMulInteger").contains(n.op()) && Classify.integerGemmOk(g, n))
                steps.add(Classify.integerGemm(s, i, n));
            else steps.add(host(g, prod, i, n));
        }
        return steps;
    }

    /** The compute nodes feeding quantize node q, when they form a closed region between DQ nodes and q. */
    static List<Node> body(Graph g, Map<String, Node> prod, Map<String, List<Node>> cons, Node q) {
        LinkedHashSet<Node> body = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(q.input(0)));
        while (!todo.isEmpty()) {
            String v = todo.remove(todo.size() - 1);
            Node p = prod.get(v);
            if (p == null || g.isConstant(v) || body.contains(p) || boundary(p)) continue;
            body.add(p);
            for (String in : p.inputs()) if (!in.isEmpty()) todo.add(in);
        }
        Set<Node> inside = new HashSet<>(body);
        inside.add(q);
        for (Node b : body)
            for (String o : b.outputs())
                if (g.isGraphOutput(o) || cons.getOrDefault(o, List.of()).stream().anyMatch(c -> !inside.contains(c))) return List.of();
        List<Node> ordered = new ArrayList<>();
        for (Node n : g.nodes()) if (body.contains(n)) ordered.add(n);
        return ordered;
    }

    static boolean boundary(Node p) {
        return Set.of("DequantizeLinear", "QuantizeLinear", "QLinearConv", "QLinearMatMul", "ConvInteger", "MatMulInteger",
                "DynamicQuantizeLinear").contains(p.op());
    }

    /** A host step: the node, with the DequantizeLinear nodes of its inputs. */
    static Step host(Graph g, Map<String, Node> prod, int i, Node n) {
        List<Node> nodes = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        for (String in : n.inputs()) {
            if (in.isEmpty() || g.isConstant(in)) continue;
            Node p = prod.get(in);
            if (p != null && p.op().equals("DequantizeLinear") && !g.isConstant(p.input(0))) {
                if (!nodes.contains(p)) nodes.add(p);
                inputs.add(p.input(0));
            } else if (p != null && p.op().equals("DequantizeLinear")) {
                if (!nodes.contains(p)) nodes.add(p);
            } else inputs.add(in);
        }
        nodes.add(n);
        List<Node> body = n.op().equals("DequantizeLinear") ? List.of() : List.of(n);
        return new Step(i, Step.Kind.HOST_FLOAT, n.name(), nodes, body, inputs.stream().distinct().toList(), n.output(), null, null);
    }
}
