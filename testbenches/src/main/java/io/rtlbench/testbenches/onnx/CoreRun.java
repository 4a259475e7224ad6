package io.rtlbench.testbenches.onnx;

/**
 * What one core did for one piece of a step: the output (INT8-domain values or INT32 accumulators,
 * rows x columns), cycles, off-chip bytes moved, and the elements the host had to requantize
 * because the core could not (0 when the core did everything).
 */
public record CoreRun(int[][] out, long cycles, long offchipBytes, long hostElements) {}
