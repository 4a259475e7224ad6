package io.rtlbench.emulator;

import com.sun.jna.Memory;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.List;

/**
 * A batched run: per-cycle input vectors and sampled outputs for up to {@code capacity} cycles, in
 * native memory, executed by one native call ({@link #run(int)}). Row layout: the chosen ports in
 * order, each taking {@link Signal#words()} 64-bit words. Outputs are sampled each cycle after
 * the inputs are applied and before the rising edge. Reuse a batch for many runs.
 */
public final class Batch implements AutoCloseable {
    private final Simulator sim;
    private final List<Signal> inputs, outputs;
    private final int[] inOffset, outOffset;
    private final int inRow, outRow, capacity;
    private final Memory inPorts, outPorts, inWords, outWords;
    private final LongBuffer in, out;

    Batch(Simulator sim, List<Signal> inputs, List<Signal> outputs, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("batch capacity must be >= 1 cycle, got " + capacity);
        this.sim = sim;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.capacity = capacity;
        inOffset = offsets(inputs);
        outOffset = offsets(outputs);
        inRow = inOffset[inputs.size()];
        outRow = outOffset[outputs.size()];
        inPorts = indexArray(inputs);
        outPorts = indexArray(outputs);
        inWords = new Memory(Math.max(8, 8L * inRow * capacity));
        outWords = new Memory(Math.max(8, 8L * outRow * capacity));
        inWords.clear();
        outWords.clear();
        in = inWords.getByteBuffer(0, inWords.size()).order(ByteOrder.nativeOrder()).asLongBuffer();
        out = outWords.getByteBuffer(0, outWords.size()).order(ByteOrder.nativeOrder()).asLongBuffer();
    }

    private static int[] offsets(List<Signal> sigs) {
        int[] off = new int[sigs.size() + 1];
        for (int i = 0; i < sigs.size(); i++) off[i + 1] = off[i] + sigs.get(i).words();
        return off;
    }

    private static Memory indexArray(List<Signal> sigs) {
        Memory m = new Memory(Math.max(4, 4L * sigs.size()));
        for (int i = 0; i < sigs.size(); i++) m.setInt(4L * i, sigs.get(i).index());
        return m;
    }

    public int capacity() { return capacity; }
    public List<Signal> inputs() { return inputs; }
    public List<Signal> outputs() { return outputs; }

    /** Sets input {@code input} (position in the input list) for {@code cycle}; low 64 bits of wide ports. */
    public void set(int cycle, int input, long value) { in.put(cycle * inRow + inOffset[input], value); }

    /** Output {@code output} sampled in {@code cycle} (low 64 bits for wide ports). */
    public long get(int cycle, int output) { return out.get(cycle * outRow + outOffset[output]); }

    /** Word {@code word} of a wide output. */
    public long get(int cycle, int output, int word) { return out.get(cycle * outRow + outOffset[output] + word); }

    /** Whole input buffer for bulk filling: row {@code c} starts at {@code c * inputRowWords()}. */
    public LongBuffer inputBuffer() { return in; }
    public LongBuffer outputBuffer() { return out; }
    public int inputRowWords() { return inRow; }
    public int outputRowWords() { return outRow; }

    /** Runs {@code cycles} cycles (the first {@code cycles} rows) in one native call. */
    public void run(int cycles) {
        if (cycles < 0 || cycles > capacity) throw new IllegalArgumentException("cycles " + cycles + " not in 0.." + capacity);
        sim.runBatch(this, cycles);
    }

    /** The same loop timed inside C++ (the native reference of the benchmark); returns nanoseconds. */
    public long benchNative(int cycles) {
        if (cycles < 0 || cycles > capacity) throw new IllegalArgumentException("cycles " + cycles + " not in 0.." + capacity);
        return sim.benchNative(this, cycles);
    }

    Memory inPorts() { return inPorts; }
    Memory outPorts() { return outPorts; }
    Memory inWords() { return inWords; }
    Memory outWords() { return outWords; }

    @Override public void close() {
        inWords.close();
        outWords.close();
        inPorts.close();
        outPorts.close();
    }
}
