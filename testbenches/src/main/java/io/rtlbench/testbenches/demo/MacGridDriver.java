package io.rtlbench.testbenches.demo;

import io.rtlbench.emulator.Batch;
import io.rtlbench.emulator.Design;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.rtl.demo.MacGrid;
import io.rtlbench.rtl.demo.MacGridConfig;
import io.rtlbench.testbenches.Designs;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives the demo {@code MacGrid}: clears the accumulators, streams A from the left and B from the
 * top with the diagonal skew, and samples all accumulators in the last cycle, all in one batched
 * native call. The grid computes one rows x cols tile of C = A x B per call.
 */
public final class MacGridDriver {
    private final Simulator sim;
    private final MacGridConfig cfg;
    private final List<String> inputs = new ArrayList<>(), outputs = new ArrayList<>();
    private Batch batch;

    /** The demo grid's design (rows x cols PEs, 1..64 each), for the emulator. */
    public static Design design(int rows, int cols) {
        MacGridConfig cfg = new MacGridConfig(rows, cols);
        return Designs.elaborate(() -> new MacGrid(cfg));
    }

    public MacGridDriver(Simulator sim, int rows, int cols) { this(sim, new MacGridConfig(rows, cols)); }

    public MacGridDriver(Simulator sim, MacGridConfig cfg) {
        this.sim = sim;
        this.cfg = cfg;
        for (int i = 0; i < cfg.rows(); i++) inputs.add("io_a_" + i);
        for (int j = 0; j < cfg.cols(); j++) inputs.add("io_b_" + j);
        inputs.add("io_clear");
        for (int p = 0; p < cfg.rows() * cfg.cols(); p++) outputs.add("io_acc_" + p);
    }

    /** Cycles the last multiply took (clear + stream + drain). */
    public int lastCycles;

    /** C = A x B with A rows x k and B k x cols; returns C as rows x cols. */
    public int[][] multiply(byte[][] a, byte[][] b) {
        int k = b.length;
        if (a.length != cfg.rows() || b.length == 0 || b[0].length != cfg.cols())
            throw new IllegalArgumentException("the " + cfg.rows() + "x" + cfg.cols() + " grid multiplies (" + cfg.rows()
                    + " x k) by (k x " + cfg.cols() + "); got A " + a.length + "x" + (a.length > 0 ? a[0].length : 0)
                    + ", B " + b.length + "x" + (b.length > 0 ? b[0].length : 0));
        for (byte[] row : a)
            if (row.length != k) throw new IllegalArgumentException("A's rows must have k = " + k + " columns");
        int cycles = 1 + cfg.cyclesFor(k) + 1;  // clear, stream, the edge that lands the last product
        if (batch == null || batch.capacity() < cycles) {
            if (batch != null) batch.close();
            batch = sim.batch(inputs, outputs, Math.max(cycles, 64));
        }
        var in = batch.inputBuffer();
        int row = batch.inputRowWords();
        for (int i = 0; i < cycles * row; i++) in.put(i, 0L);
        in.put(cfg.rows() + cfg.cols(), 1L);  // cycle 0: clear
        for (int c = 1; c < cycles; c++) {
            int t = c - 1;
            for (int i = 0; i < cfg.rows(); i++) {
                int kk = t - i;
                if (kk >= 0 && kk < k) in.put(c * row + i, a[i][kk]);
            }
            for (int j = 0; j < cfg.cols(); j++) {
                int kk = t - j;
                if (kk >= 0 && kk < k) in.put(c * row + cfg.rows() + j, b[kk][j]);
            }
        }
        batch.run(cycles);
        lastCycles = cycles;
        int[][] out = new int[cfg.rows()][cfg.cols()];
        for (int i = 0; i < cfg.rows(); i++)
            for (int j = 0; j < cfg.cols(); j++) out[i][j] = (int) batch.get(cycles - 1, i * cfg.cols() + j);
        return out;
    }
}
