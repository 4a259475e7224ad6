package io.rtlbench.testbenches.onnx;

import io.rtlbench.testbenches.onnx.proto.OnnxProto.AttributeProto;
import java.util.List;

/**
 * One ONNX node: operator (with its domain, "" for the default ONNX domain), input and output
 * value names ("" for an omitted optional input) and attributes as ONNX stores them.
 */
public record Node(String name, String op, String domain, List<String> inputs, List<String> outputs, List<AttributeProto> attrs) {
    public Node {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attrs = List.copyOf(attrs);
    }

    public static Node of(String name, String op, List<String> inputs, List<String> outputs, AttributeProto... attrs) {
        return new Node(name, op, "", inputs, outputs, List.of(attrs));
    }

    /** "Conv" or "com.microsoft.QGemm". */
    public String opLabel() { return domain.isEmpty() || domain.equals("ai.onnx") ? op : domain + "." + op; }

    public String input(int i) { return i < inputs.size() ? inputs.get(i) : ""; }
    public boolean hasInput(int i) { return !input(i).isEmpty(); }
    public String output() { return outputs.get(0); }

    public AttributeProto attr(String n) {
        for (AttributeProto a : attrs) if (a.getName().equals(n)) return a;
        return null;
    }

    public long attrInt(String n, long dflt) { AttributeProto a = attr(n); return a == null ? dflt : a.getI(); }

    public float attrFloat(String n, float dflt) { AttributeProto a = attr(n); return a == null ? dflt : a.getF(); }

    public String attrString(String n, String dflt) { AttributeProto a = attr(n); return a == null ? dflt : a.getS().toStringUtf8(); }

    /** INTS attribute, or null when absent. */
    public int[] attrInts(String n) {
        AttributeProto a = attr(n);
        return a == null ? null : a.getIntsList().stream().mapToInt(Long::intValue).toArray();
    }

    public Node withInputs(List<String> in) { return new Node(name, op, domain, in, outputs, attrs); }

    public Node withOutputs(List<String> out) { return new Node(name, op, domain, inputs, out, attrs); }

    // ---- attribute builders -------------------------------------------------------------------
    public static AttributeProto intAttr(String n, long v) {
        return AttributeProto.newBuilder().setName(n).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }

    public static AttributeProto floatAttr(String n, float v) {
        return AttributeProto.newBuilder().setName(n).setType(AttributeProto.AttributeType.FLOAT).setF(v).build();
    }

    public static AttributeProto intsAttr(String n, int... v) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(n).setType(AttributeProto.AttributeType.INTS);
        for (int x : v) b.addInts(x);
        return b.build();
    }

    public static AttributeProto stringAttr(String n, String v) {
        return AttributeProto.newBuilder().setName(n).setType(AttributeProto.AttributeType.STRING)
                .setS(com.google.protobuf.ByteString.copyFromUtf8(v)).build();
    }
}
