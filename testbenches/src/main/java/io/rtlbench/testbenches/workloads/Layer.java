package io.rtlbench.testbenches.workloads;

/**
 * One layer of a workload with its real (or scaled) shape.
 *
 * <p>{@code repeat} counts identical independent copies of the shape: a depthwise conv over C
 * channels is C single-channel convs ({@code conv:H,W,1,1,K,S,P} x C), attention over H heads is H
 * identical GEMMs. Run one copy on the emulator and multiply; {@link #macs()} and
 * {@link #offchipBytesMin()} already include the repeat.
 *
 * <p>Simplifications: INT8 tensors (1 byte per element); the compulsory off-chip traffic counts
 * each input, weight and output element exactly once (no halo re-reads, no im2col blow-up, no
 * INT32 partial sums spilled), i.e. an ideal infinite on-chip buffer.
 */
public record Layer(String name, Kind kind, Shape shape, int repeat) {
    /** GEMM: C[M][N] = A[M][K] x B[K][N]. CONV: dense 2-D conv. DWCONV: depthwise conv (repeat = channels). */
    public enum Kind { GEMM, CONV, DWCONV }

    /** A layer's shape for one copy: a GEMM or a conv. */
    public sealed interface Shape permits Gemm, Conv {}

    /** A GEMM shape: M rows of A and C, K the reduction length, N columns of B and C. */
    public record Gemm(int m, int k, int n) implements Shape {
        public Gemm {
            if (m < 1 || k < 1 || n < 1) throw new IllegalArgumentException("GEMM dims must be >= 1, got M=" + m + " K=" + k + " N=" + n);
        }
        public long macs() { return (long) m * k * n; }
    }

    /** A conv shape: H x W x CIN input, COUT filters of KERNEL x KERNEL, square stride and padding. */
    public record Conv(int h, int w, int cin, int cout, int kernel, int stride, int pad) implements Shape {
        public Conv {
            if (h < 1 || w < 1 || cin < 1 || cout < 1 || kernel < 1 || stride < 1 || pad < 0)
                throw new IllegalArgumentException("conv needs H,W,CIN,COUT,K,STRIDE >= 1 and PAD >= 0, got " + this);
            if (h + 2 * pad < kernel || w + 2 * pad < kernel)
                throw new IllegalArgumentException("conv kernel " + kernel + " is larger than the padded input " + h + "x" + w + " (pad " + pad + ")");
        }
        public int hOut() { return (h + 2 * pad - kernel) / stride + 1; }
        public int wOut() { return (w + 2 * pad - kernel) / stride + 1; }
    }

    public Layer {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("layer needs a name");
        if (repeat < 1) throw new IllegalArgumentException("layer " + name + ": repeat must be >= 1, got " + repeat);
        boolean conv = shape instanceof Conv;
        if (conv == (kind == Kind.GEMM)) throw new IllegalArgumentException("layer " + name + ": kind " + kind + " does not match shape " + shape);
        if (kind == Kind.DWCONV && (((Conv) shape).cin() != 1 || ((Conv) shape).cout() != 1))
            throw new IllegalArgumentException("layer " + name + ": a DWCONV copy is single-channel (CIN = COUT = 1; channels go in repeat)");
    }

    /** The GEMM one copy becomes after im2col: M = Hout*Wout, K = CIN*k*k, N = COUT. */
    public Gemm gemmShape() {
        if (shape instanceof Conv c) return new Gemm(c.hOut() * c.wOut(), c.cin() * c.kernel() * c.kernel(), c.cout());
        return (Gemm) shape;
    }

    /** Multiply-accumulates of the whole layer (all repeats). */
    public long macs() { return gemmShape().macs() * repeat; }

    /** Compulsory off-chip bytes of the whole layer: INT8 inputs + weights + outputs, each once. */
    public long offchipBytesMin() {
        long one;
        if (shape instanceof Conv c) one = (long) c.h() * c.w() * c.cin() + (long) c.cin() * c.kernel() * c.kernel() * c.cout()
                + (long) c.hOut() * c.wOut() * c.cout();
        else {
            Gemm g = (Gemm) shape;
            one = (long) g.m() * g.k() + (long) g.k() * g.n() + (long) g.m() * g.n();
        }
        return one * repeat;
    }

    /** MACs per compulsory off-chip byte: where the layer sits on a roofline. */
    public double arithmeticIntensity() { return (double) macs() / offchipBytesMin(); }

    /** One copy as the command-line workload string: {@code gemm:M,K,N} or {@code conv:H,W,CIN,COUT,K,STRIDE,PAD}. */
    public String spec() {
        if (shape instanceof Conv c) return "conv:" + c.h() + "," + c.w() + "," + c.cin() + "," + c.cout() + ","
                + c.kernel() + "," + c.stride() + "," + c.pad();
        Gemm g = (Gemm) shape;
        return "gemm:" + g.m() + "," + g.k() + "," + g.n();
    }

    /**
     * This layer shrunk by {@code f} (see {@link WorkloadLibrary} for the rule): H, W, CIN, COUT, M, K,
     * N and the channel count of a DWCONV (its repeat) become max(1, round(x*f)); kernel, stride and
     * padding are unchanged; H and W stay at least KERNEL - 2*PAD so one output exists. The repeat of
     * GEMM/CONV layers (heads, batch of identical ops) is not a channel dim and is kept.
     */
    public Layer scaled(double f) {
        if (f == 1.0) return this;
        Shape s;
        if (shape instanceof Conv c) {
            int minHw = Math.max(1, c.kernel() - 2 * c.pad());
            int cin = kind == Kind.DWCONV ? 1 : dim(c.cin(), f, 1);
            int cout = kind == Kind.DWCONV ? 1 : dim(c.cout(), f, 1);
            s = new Conv(dim(c.h(), f, minHw), dim(c.w(), f, minHw), cin, cout, c.kernel(), c.stride(), c.pad());
        } else {
            Gemm g = (Gemm) shape;
            s = new Gemm(dim(g.m(), f, 1), dim(g.k(), f, 1), dim(g.n(), f, 1));
        }
        return new Layer(name, kind, s, kind == Kind.DWCONV ? dim(repeat, f, 1) : repeat);
    }

    static int dim(int x, double f, int min) { return (int) Math.max(min, Math.round(x * f)); }
}
