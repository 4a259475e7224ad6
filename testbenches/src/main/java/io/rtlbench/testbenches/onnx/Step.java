package io.rtlbench.testbenches.onnx;

import java.util.List;

/**
 * One layer of a lowered model: what runs, on which data, with which integer parameters.
 * {@code nodes} are the ONNX nodes whose meaning the step has (the DequantizeLinear nodes of its
 * inputs, the compute nodes, the QuantizeLinear of its output): the host and ONNX Runtime run
 * exactly these. {@code body} are the compute nodes only (what the operator counts count).
 */
public record Step(int index, Kind kind, String name, List<Node> nodes, List<Node> body, List<String> inputs, String output,
                   GemmSpec gemm, byte[] table) {
    public enum Kind {
        /** Conv / MatMul / Gemm with INT8 operands: the systolic array or the SIMT GEMM kernel. */
        GEMM,
        /** Elementwise operators of one INT8 input: a 256-entry lookup table (SIMT kernel, or host). */
        LUT,
        /** Max pooling on INT8 values, then the table when the output scale differs. */
        MAXPOOL,
        /** Layout operators (reshape, transpose, ...) on INT8 values with unchanged quantization. */
        LAYOUT,
        /** Quantized in and out, computed on the host in FP32 between (softmax, average pool, add, ...). */
        HOST_QUANT,
        /** FP32 (or other non-quantized) operators on the host. */
        HOST_FLOAT
    }

    /** The operator label for reports: the body's operators joined by '+'. */
    public String ops() {
        List<Node> b = body.isEmpty() ? nodes : body;
        return String.join("+", b.stream().map(Node::opLabel).toList());
    }
}
