package io.rtlbench.testbenches.systolic;

import io.rtlbench.rtl.systolic.Cmd;
import io.rtlbench.rtl.systolic.Cmd.Field;
import io.rtlbench.rtl.systolic.Cmd.Op;
import io.rtlbench.rtl.systolic.SystolicConfig;
import java.util.List;
import java.util.Random;

/**
 * A hand-written command stream for directed counter tests: each call appends one command with
 * the waits given (DMA commands and COMPUTEs are numbered from 1, as {@link CommandStream} does);
 * move-ins read random bytes from their own off-chip region. The program computes nothing that is
 * checked: it only builds the situations the stall counters must recognise.
 */
final class DirectedProgram {
    private final SystolicConfig cfg;
    private final CommandStream cs = new CommandStream();
    private final OffChipImage image;
    private final Random rnd = new Random(17);

    DirectedProgram(SystolicConfig cfg) {
        this.cfg = cfg;
        this.image = new OffChipImage(cfg.busBytes());
        cs.dma(new Cmd.Builder(Op.CONFIG).set(Field.RAW, 1).set(Field.SCALE, 1), 0);
    }

    /** MVIN of {@code rows} scratchpad rows (or accumulator rows) to local row {@code local}; returns its DMA number. */
    int mvin(Cmd.Target target, int local, int rows, int waitCompute) {
        int rowBytes = target == Cmd.Target.SPAD_A ? cfg.rows() : target == Cmd.Target.SPAD_B ? cfg.cols() : 4 * cfg.cols();
        int pack = target == Cmd.Target.SPAD_A ? cfg.packA() : target == Cmd.Target.SPAD_B ? cfg.packB() : 1;
        long beats = pack > 1 ? (rows + pack - 1) / pack : (long) rows * ((rowBytes + cfg.busBytes() - 1) / cfg.busBytes());
        int at = image.alloc(beats);
        for (long i = 0; i < beats * cfg.busBytes(); i++) image.put8((int) (at + i), (byte) rnd.nextInt());
        return cs.dma(new Cmd.Builder(Op.MVIN).set(Field.TARGET, target.ordinal()).set(Field.DRAM_ADDR, at)
                .set(Field.LOCAL_ROW, local).set(Field.ROWS, rows), waitCompute);
    }

    /** MVOUT of {@code rows} raw INT32 accumulator rows from {@code local}; returns its DMA number. */
    int mvout(int local, int rows, int waitCompute) {
        int at = image.alloc((long) rows * cfg.beatsAcc());
        return cs.dma(new Cmd.Builder(Op.MVOUT).set(Field.DRAM_ADDR, at).set(Field.LOCAL_ROW, local).set(Field.ROWS, rows), waitCompute);
    }

    /** A CONFIG that changes nothing (raw output), as a DMA command that only waits. */
    int config(int waitCompute) { return cs.dma(new Cmd.Builder(Op.CONFIG).set(Field.RAW, 1).set(Field.SCALE, 1), waitCompute); }

    void preload(int bRow, int waitDma) { cs.preload(new Cmd.Builder(Op.PRELOAD).set(Field.B_ROW, bRow), waitDma); }

    /** COMPUTE of {@code t} streamed rows (WS: A rows; OS: A and B rows) into accumulator rows from {@code accRow}. */
    int compute(int aRow, int bRow, int t, int accRow, int waitDma, int waitCompute) {
        return cs.compute(new Cmd.Builder(Op.COMPUTE).set(Field.A_ROW, aRow).set(Field.B_ROW, bRow).set(Field.T, t)
                .set(Field.ACC_ROW, accRow).set(Field.MACS, 1), waitDma, waitCompute);
    }

    int dmaCount() { return cs.dmaCount(); }
    int computeCount() { return cs.computeCount(); }

    /** Appends END (waiting for everything) and returns the program. */
    SystolicProgram end() {
        cs.end();
        GemmJob none = new GemmJob(new byte[1][1], new byte[1][1], null, null);
        return new SystolicProgram(cfg, none, List.copyOf(cs.cmds), image, List.of(), 4 * cfg.cols(), "directed", 1, 0, List.of());
    }
}
