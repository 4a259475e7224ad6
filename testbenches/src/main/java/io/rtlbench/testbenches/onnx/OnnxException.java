package io.rtlbench.testbenches.onnx;

/**
 * A model the importer cannot take: a malformed file, an unknown operator, a dynamic shape, a
 * construct the engine does not support. The message is one line and names the node and its
 * operator when there is one; the CLI prints it as is (exit 2), being an IllegalArgumentException.
 */
public final class OnnxException extends IllegalArgumentException {
    public OnnxException(String message) { super(message); }

    public OnnxException(String message, Throwable cause) { super(message, cause); }

    /** "node 'conv1' (Conv): message". */
    public static OnnxException at(Node node, String message) {
        return new OnnxException("node '" + node.name() + "' (" + node.opLabel() + "): " + message);
    }
}
