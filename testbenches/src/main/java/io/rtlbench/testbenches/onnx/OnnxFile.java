package io.rtlbench.testbenches.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.rtlbench.testbenches.onnx.proto.OnnxProto.GraphProto;
import io.rtlbench.testbenches.onnx.proto.OnnxProto.ModelProto;
import io.rtlbench.testbenches.onnx.proto.OnnxProto.NodeProto;
import io.rtlbench.testbenches.onnx.proto.OnnxProto.OperatorSetIdProto;
import io.rtlbench.testbenches.onnx.proto.OnnxProto.TensorProto;
import io.rtlbench.testbenches.onnx.proto.OnnxProto.TensorShapeProto;
import io.rtlbench.testbenches.onnx.proto.OnnxProto.TypeProto;
import io.rtlbench.testbenches.onnx.proto.OnnxProto.ValueInfoProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes ONNX model files (protobuf, classes generated from src/main/proto/onnx.proto)
 * to and from {@link Graph}. Reads tensors stored in raw_data or in the typed fields; external
 * data, sparse initializers and sub-graphs are reported as unsupported. Writes IR version 8 with
 * raw_data tensors.
 */
public final class OnnxFile {
    private OnnxFile() {}

    public static Graph read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new OnnxException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(bytes, file.getFileName().toString());
    }

    /** One tensor stored alone as a TensorProto file (the form of ONNX's test data, {@code input_0.pb}). */
    public static Tensor readTensor(Path file) {
        try {
            return tensor(TensorProto.parseFrom(Files.readAllBytes(file)), file.getFileName().toString());
        } catch (InvalidProtocolBufferException e) {
            throw new OnnxException(file + " is not an ONNX TensorProto file (malformed protobuf: " + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new OnnxException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes one tensor as a TensorProto file. */
    public static void writeTensor(String name, Tensor t, Path file) {
        try {
            Files.write(file, proto(name, t).toByteArray());
        } catch (IOException e) {
            throw new OnnxException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static Graph parse(byte[] bytes, String what) {
        ModelProto m;
        try {
            m = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new OnnxException(what + " is not an ONNX model (malformed protobuf: " + e.getMessage() + ")", e);
        }
        if (!m.hasGraph() || m.getGraph().getNodeCount() == 0)
            throw new OnnxException(what + " is not an ONNX model (no graph with nodes)");
        int opset = -1;
        Map<String, Integer> other = new HashMap<>();
        for (OperatorSetIdProto o : m.getOpsetImportList()) {
            if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) opset = (int) o.getVersion();
            else other.put(o.getDomain(), (int) o.getVersion());
        }
        if (opset < 0) throw new OnnxException(what + " imports no default ONNX opset");
        GraphProto g = m.getGraph();
        Map<String, Tensor> inits = new LinkedHashMap<>();
        for (TensorProto t : g.getInitializerList()) inits.put(t.getName(), tensor(t, "initializer '" + t.getName() + "'"));
        List<Node> nodes = new ArrayList<>();
        int i = 0;
        for (NodeProto n : g.getNodeList()) {
            String name = n.getName().isEmpty() ? n.getOpType() + "_" + i : n.getName();
            for (var a : n.getAttributeList())
                if (a.hasG() || a.getGraphsCount() > 0)
                    throw new OnnxException("node '" + name + "' (" + n.getOpType() + "): sub-graphs (control flow) are not supported");
            nodes.add(new Node(name, n.getOpType(), n.getDomain(), n.getInputList(), n.getOutputList(), n.getAttributeList()));
            i++;
        }
        List<Graph.ValueInfo> inputs = new ArrayList<>();
        for (ValueInfoProto v : g.getInputList()) if (!inits.containsKey(v.getName())) inputs.add(valueInfo(v));
        List<Graph.ValueInfo> outputs = g.getOutputList().stream().map(OnnxFile::valueInfo).toList();
        return new Graph(g.getName(), nodes, inits, inputs, outputs, opset, other);
    }

    static Graph.ValueInfo valueInfo(ValueInfoProto v) {
        if (!v.getType().hasTensorType()) throw new OnnxException("graph value '" + v.getName() + "' is not a tensor");
        TypeProto.Tensor t = v.getType().getTensorType();
        DType type = DType.of(t.getElemType(), "graph value '" + v.getName() + "'");
        int n = t.getShape().getDimCount();
        int[] shape = new int[n];
        String[] params = new String[n];
        for (int i = 0; i < n; i++) {
            TensorShapeProto.Dimension d = t.getShape().getDim(i);
            shape[i] = d.hasDimValue() ? (int) d.getDimValue() : -1;
            params[i] = d.hasDimValue() ? null : d.getDimParam();
        }
        return new Graph.ValueInfo(v.getName(), type, shape, params);
    }

    /** A TensorProto's values. */
    public static Tensor tensor(TensorProto t, String what) {
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0)
            throw new OnnxException(what + " keeps its data in an external file, which is not supported");
        DType type = DType.of(t.getDataType(), what);
        int[] shape = t.getDimsList().stream().mapToInt(Long::intValue).toArray();
        int n = Tensor.size(shape);
        ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        boolean hasRaw = !t.getRawData().isEmpty();
        if (type.isFloat()) {
            float[] f = new float[n];
            int have = hasRaw ? raw.remaining() / (type == DType.DOUBLE ? 8 : 4) : type == DType.DOUBLE ? t.getDoubleDataCount() : t.getFloatDataCount();
            if (have != n) throw new OnnxException(what + " has " + have + " values for shape " + java.util.Arrays.toString(shape));
            for (int i = 0; i < n; i++)
                f[i] = hasRaw ? (type == DType.DOUBLE ? (float) raw.getDouble() : raw.getFloat())
                        : type == DType.DOUBLE ? (float) t.getDoubleData(i) : t.getFloatData(i);
            return Tensor.ofFloats(shape, f);
        }
        long[] l = new long[n];
        int width = switch (type) { case INT8, UINT8, BOOL -> 1; case INT16 -> 2; case INT32 -> 4; default -> 8; };
        int have = hasRaw ? raw.remaining() / width : type == DType.INT64 ? t.getInt64DataCount() : t.getInt32DataCount();
        if (have != n) throw new OnnxException(what + " has " + have + " values for shape " + java.util.Arrays.toString(shape));
        for (int i = 0; i < n; i++) {
            if (!hasRaw) l[i] = type == DType.INT64 ? t.getInt64Data(i) : t.getInt32Data(i);
            else l[i] = switch (type) {
                case INT8 -> raw.get();
                case UINT8, BOOL -> raw.get() & 0xFF;
                case INT16 -> raw.getShort();
                case INT32 -> raw.getInt();
                default -> raw.getLong();
            };
        }
        return Tensor.ofLongs(type, shape, l);
    }

    public static TensorProto proto(String name, Tensor t) {
        TensorProto.Builder b = TensorProto.newBuilder().setName(name).setDataType(t.type().code);
        for (int d : t.shape()) b.addDims(d);
        int width = switch (t.type()) { case INT8, UINT8, BOOL -> 1; case INT16 -> 2; case FLOAT, INT32 -> 4; default -> 8; };
        ByteBuffer buf = ByteBuffer.allocate(width * t.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < t.size(); i++)
            switch (t.type()) {
                case FLOAT -> buf.putFloat(t.floats()[i]);
                case DOUBLE -> buf.putDouble(t.floats()[i]);
                case INT8, UINT8, BOOL -> buf.put((byte) t.longs()[i]);
                case INT16 -> buf.putShort((short) t.longs()[i]);
                case INT32 -> buf.putInt((int) t.longs()[i]);
                default -> buf.putLong(t.longs()[i]);
            }
        return b.setRawData(ByteString.copyFrom(buf.array())).build();
    }

    static ValueInfoProto valueInfo(Graph.ValueInfo v) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (int i = 0; i < v.shape().length; i++) {
            TensorShapeProto.Dimension.Builder d = TensorShapeProto.Dimension.newBuilder();
            if (v.shape()[i] >= 0) d.setDimValue(v.shape()[i]); else d.setDimParam(v.params()[i] == null ? "d" + i : v.params()[i]);
            s.addDim(d);
        }
        return ValueInfoProto.newBuilder().setName(v.name())
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(v.type().code).setShape(s))).build();
    }

    /** The graph as an ONNX model file (IR version 8). */
    public static byte[] toBytes(Graph g) {
        GraphProto.Builder gb = GraphProto.newBuilder().setName(g.name().isEmpty() ? "rtlbench" : g.name());
        for (Node n : g.nodes())
            gb.addNode(NodeProto.newBuilder().setName(n.name()).setOpType(n.op()).setDomain(n.domain())
                    .addAllInput(n.inputs()).addAllOutput(n.outputs()).addAllAttribute(n.attrs()));
        g.initializers().forEach((k, t) -> gb.addInitializer(proto(k, t)));
        g.inputs().forEach(v -> gb.addInput(valueInfo(v)));
        g.outputs().forEach(v -> gb.addOutput(valueInfo(v)));
        ModelProto.Builder mb = ModelProto.newBuilder().setIrVersion(8).setProducerName("rtlbench").setGraph(gb)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(g.opset()));
        g.otherOpsets().forEach((d, v) -> mb.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(d).setVersion(v)));
        return mb.build().toByteArray();
    }

    public static void write(Graph g, Path file) {
        try {
            Files.write(file, toBytes(g));
        } catch (IOException e) {
            throw new OnnxException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
