package io.rtlbench.testbenches.workloads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.testbenches.data.DataPattern;
import io.rtlbench.testbenches.systolic.GemmGolden;
import io.rtlbench.testbenches.systolic.Layers;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ad-hoc layer specs (bounds and messages), the default comparison set, and layer tensors (GEMM and im2col). */
class LayerSpecTest {
    static String error(String spec) { return assertThrows(IllegalArgumentException.class, () -> LayerSpec.parse(spec)).getMessage(); }

    @Test void specsParseWithTheirBounds() {
        assertTrue(LayerSpec.isSpec("gemm:1,2,3") && LayerSpec.isSpec("conv:1") && !LayerSpec.isSpec("resnet50") && !LayerSpec.isSpec(null));
        Layer g = LayerSpec.parse("gemm:3, 4 ,5");
        assertEquals(new Layer.Gemm(3, 4, 5), g.shape());
        assertEquals("gemm:3, 4 ,5", g.name());
        assertEquals(Layer.Kind.GEMM, g.kind());
        assertEquals(1, g.repeat());
        Layer c = LayerSpec.parse("conv:8,6,2,4,3,2,0");
        assertEquals(new Layer.Conv(8, 6, 2, 4, 3, 2, 0), c.shape());
        assertEquals(Layer.Kind.CONV, c.kind());
        assertEquals(new Layer.Gemm(1, 1, 1), LayerSpec.parse("gemm:1,1,1").shape(), "1 is the lower bound");
        assertEquals(new Layer.Gemm(LayerSpec.MAX_DIM, 1, 1), LayerSpec.parse("gemm:" + LayerSpec.MAX_DIM + ",1,1").shape(), "MAX_DIM is allowed");
        assertTrue(error("resnet").contains("must be gemm:M,K,N or conv:H,W,CIN,COUT,K,STRIDE,PAD"));
        assertEquals("workload 'gemm:1,2' must be gemm:M,K,N (3 numbers, got 2)", error("gemm:1,2"));
        assertEquals("workload 'conv:1,1' must be conv:H,W,CIN,COUT,K,STRIDE,PAD (7 numbers, got 2)", error("conv:1,1"));
        assertEquals("workload 'gemm:1,x,3': K 'x' is not an integer", error("gemm:1,x,3"));
        assertEquals("workload 'gemm:0,2,3': M = 0 is out of range 1..1048576", error("gemm:0,2,3"));
        assertEquals("workload 'gemm:1,2,1048577': N = 1048577 is out of range 1..1048576", error("gemm:1,2,1048577"));
        assertEquals("workload 'gemm:1,2,99999999999999999999': N = 99999999999999999999 is out of range 1..1048576", error("gemm:1,2,99999999999999999999"));
        assertEquals("workload 'conv:4,4,1,1,3,1,-1': PAD = -1 is out of range 0..1048576", error("conv:4,4,1,1,3,1,-1"));
        assertEquals(new Layer.Conv(4, 4, 1, 1, 3, 1, 0), LayerSpec.parse("conv:4,4,1,1,3,1,0").shape(), "PAD may be 0");
        assertTrue(error("conv:2,2,1,1,5,1,0").startsWith("workload 'conv:2,2,1,1,5,1,0': "), "a kernel larger than the input");
    }

    @Test void layersThatDoNotFitTheOffchipMemoryAreRefused() {
        String msg = error("gemm:32768,32768,1");
        assertTrue(msg.contains("is too large: its 32768x32768x1 GEMM needs 1,073,905,664 bytes of operands; at most 1,073,741,824 fit"), msg);
        LayerSpec.parse("gemm:16384,16384,16");  // 268 M + 262 K + 1 M bytes: fits
        msg = error("conv:1024,1024,256,1,3,1,1");
        assertTrue(msg.contains("(im2col: M = Hout x Wout = 1,048,576, K = CIN x K x K = 2,304, N = COUT = 1)"), msg);
        msg = error("gemm:1,1048576,4096");
        assertTrue(msg.contains("too large"), "K x N beyond a Java array: " + msg);
    }

    @Test void defaultSetAndLibraryEntries() {
        List<WorkloadSet.Entry> set = WorkloadSet.load("default", 1);
        assertEquals("resnet50.conv2_3x3", set.get(0).name());
        // default.set lists real layer sizes (scale 1.0 on every line, since i11's per-layer mapper);
        // a run's --scale multiplies each line's scale
        assertEquals(WorkloadLibrary.load("resnet50", 1).layer("conv2_3x3"), set.get(0).layer(), "default.set keeps the real size");
        assertEquals(WorkloadLibrary.load("resnet50", 1).layer("conv2_3x3").scaled(0.25), WorkloadSet.load("default", 0.25).get(0).layer(),
                "--scale scales each layer of default.set");
        assertEquals(7, set.size());
        List<WorkloadSet.Entry> mlp = WorkloadSet.load("small_mlp", 0.5);
        assertEquals("small_mlp." + WorkloadLibrary.load("small_mlp", 0.5).layers().get(0).name(), mlp.get(0).name());
        assertEquals(WorkloadLibrary.load("small_mlp", 0.5).layers().size(), mlp.size());
        List<WorkloadSet.Entry> one = WorkloadSet.load("gemm:2,3,4", 1);
        assertEquals(List.of("gemm:2,3,4"), one.stream().map(WorkloadSet.Entry::name).toList(), "an ad-hoc spec keeps its name");
        assertThrows(IllegalStateException.class, () -> WorkloadSet.parse("missing.set", 1));
    }

    @Test void layerTensorsLowerConvolutionsLikeTheSystolicLayerApi() {
        Layer gemm = LayerSpec.parse("gemm:3,4,5");
        LayerTensors t = LayerTensors.of(gemm, DataPattern.RANDOM, new Random(1));
        assertEquals(3, t.m());
        assertEquals(4, t.k());
        assertEquals(5, t.n());
        assertEquals(60, t.macs());
        assertArrayEquals(GemmGolden.gemm(t.a(), t.b(), null), t.job().expected());
        Layer conv = LayerSpec.parse("conv:5,4,2,3,3,1,1");
        LayerTensors ct = LayerTensors.of(conv, DataPattern.RANDOM, new Random(2));
        assertEquals(conv.gemmShape(), new Layer.Gemm(ct.m(), ct.k(), ct.n()));
        // the same draws, lowered by the systolic layer API
        Random rnd = new Random(2);
        byte[][][] x = new byte[2][][];
        for (int i = 0; i < 2; i++) x[i] = DataPattern.RANDOM.matrix(rnd, 5, 4);
        byte[][][][] w = new byte[3][2][][];
        for (int o = 0; o < 3; o++) for (int i = 0; i < 2; i++) w[o][i] = DataPattern.RANDOM.matrix(rnd, 3, 3);
        var job = new Layers.Conv2d(w, null, 1, 1, null).job(x);
        assertArrayEquals(job.a(), ct.a());
        assertArrayEquals(job.b(), ct.b());
        Layer dw = WorkloadLibrary.load("mobilenet_v1", 1).layer("dw1");
        LayerTensors dt = LayerTensors.of(dw.scaled(0.1), DataPattern.ZEROS, new Random(3));
        assertEquals(1, dt.n(), "a depthwise conv is one single-channel conv per channel");
        assertFalse(java.util.Arrays.stream(dt.a()).anyMatch(r -> r[0] != 0));
        assertThrows(IllegalArgumentException.class, () -> LayerTensors.of(new Layer("big", Layer.Kind.GEMM, new Layer.Gemm(32768, 32768, 1), 1),
                DataPattern.ZEROS, new Random(1)));
    }
}
