package io.rtlbench.testbenches.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The workload library: real shapes, derived numbers, the scale rule, specs, chaining and errors. */
class WorkloadLibraryTest {
    private static final Pattern SPEC = Pattern.compile("gemm:\\d+,\\d+,\\d+|conv:\\d+,\\d+,\\d+,\\d+,\\d+,\\d+,\\d+");

    @Test void everyLibraryWorkloadLoadsWithASourceAndValidSpecs() {
        assertEquals(List.of("resnet50", "mobilenet_v1", "gpt2", "llm_decode", "small_mlp"), WorkloadLibrary.names());
        for (String name : WorkloadLibrary.names())
            for (double scale : new double[] {1.0, 0.1, 0.01}) {
                Workload w = WorkloadLibrary.load(name, scale);
                assertFalse(w.source().isBlank(), name + " states no source");
                for (Layer l : w.layers()) {
                    assertTrue(SPEC.matcher(l.spec()).matches(), name + "/" + l.name() + ": " + l.spec());
                    assertTrue(l.macs() > 0 && l.offchipBytesMin() > 0, name + "/" + l.name());
                }
            }
    }

    @Test void resnetConv1HasItsRealShapeAfterIm2col() {
        Layer conv1 = WorkloadLibrary.load("resnet50", 1).layer("conv1");
        assertEquals("conv:224,224,3,64,7,2,3", conv1.spec());
        assertEquals(new Layer.Gemm(112 * 112, 3 * 7 * 7, 64), conv1.gemmShape());
        assertEquals(118_013_952L, conv1.macs()); // the published ~118 M MACs of ResNet-50's stem
    }

    @Test void compulsoryTrafficAndIntensity() {
        Layer l = WorkloadLibrary.load("resnet50", 1).layer("conv2_3x3");
        assertEquals(56 * 56 * 64 + 64 * 9 * 64 + 56 * 56 * 64, l.offchipBytesMin());
        assertEquals(56L * 56 * 64 * 576, l.macs());
        assertEquals((double) l.macs() / l.offchipBytesMin(), l.arithmeticIntensity(), 1e-12);
        Layer gemv = WorkloadLibrary.load("llm_decode", 1).layer("q_proj");
        assertEquals(4096L * 4096, gemv.macs());
        assertTrue(gemv.arithmeticIntensity() < 1.0, "a GEMV reads each weight once per MAC: " + gemv.arithmeticIntensity());
    }

    @Test void scaleRuleShrinksEveryDimButKernelStridePad() {
        Layer l = WorkloadLibrary.load("resnet50", 0.25).layer("conv2_3x3");
        assertEquals("conv:14,14,16,16,3,1,1", l.spec());
        assertEquals("conv:56,56,1,16,7,2,3", WorkloadLibrary.load("resnet50", 0.25).layer("conv1").spec()); // CIN 3 * 0.25 rounds to 1
        Layer qkt = WorkloadLibrary.load("gpt2", 0.1).layer("qkt");
        assertEquals("gemm:102,6,102", qkt.spec());
        assertEquals(25, qkt.repeat(), "heads are not a channel dim");
        assertEquals("gemm:1,410,410", WorkloadLibrary.load("llm_decode", 0.1).layer("q_proj").spec());
    }

    @Test void depthwiseIsSingleChannelConvsTimesChannels() {
        Workload w = WorkloadLibrary.load("mobilenet_v1", 1);
        Layer dw = w.layer("dw1");
        assertEquals(Layer.Kind.DWCONV, dw.kind());
        assertEquals("conv:112,112,1,1,3,1,1", dw.spec());
        assertEquals(32, dw.repeat());
        assertEquals(112L * 112 * 9 * 32, dw.macs());
        Layer scaled = WorkloadLibrary.load("mobilenet_v1", 0.25).layer("dw1");
        assertEquals("conv:28,28,1,1,3,1,1", scaled.spec());
        assertEquals(8, scaled.repeat(), "the channel count of a depthwise conv scales");
    }

    @Test void smallMlpIsChainedAndStaysChainedWhenScaled() {
        for (double f : new double[] {1, 0.5, 0.3, 0.05}) {
            Workload w = WorkloadLibrary.load("small_mlp", f);
            assertTrue(w.chained());
            for (int i = 1; i < w.layers().size(); i++)
                assertEquals(((Layer.Gemm) w.layers().get(i - 1).shape()).n(), ((Layer.Gemm) w.layers().get(i).shape()).k());
        }
        assertEquals(List.of("gemm:16,64,256", "gemm:16,256,256", "gemm:16,256,10"),
                WorkloadLibrary.load("small_mlp", 1).layers().stream().map(Layer::spec).toList());
        assertFalse(WorkloadLibrary.load("gpt2", 1).chained());
    }

    @Test void adHocSpecsAreOneLayerWorkloads() {
        Workload g = WorkloadLibrary.load("gemm:64,32,16", 1);
        assertEquals(1, g.layers().size());
        assertEquals(64L * 32 * 16, g.macs());
        assertEquals("conv:8,8,4,4,3,1,1", WorkloadLibrary.load("conv:16,16,8,8,3,1,1", 0.5).layers().get(0).spec());
    }

    @Test void errorsSayWhatIsWrong() {
        var e = assertThrows(IllegalArgumentException.class, () -> WorkloadLibrary.load("resnet18", 1));
        assertTrue(e.getMessage().contains("unknown workload 'resnet18'") && e.getMessage().contains("mobilenet_v1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WorkloadLibrary.load("gpt2", 0));
        assertTrue(e.getMessage().contains("--scale"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WorkloadLibrary.load("gpt2", 1.5));
        assertThrows(IllegalArgumentException.class, () -> WorkloadLibrary.load("gpt2", Double.NaN));
        e = assertThrows(IllegalArgumentException.class, () -> WorkloadLibrary.load("gemm:1,2", 1));
        assertTrue(e.getMessage().contains("gemm:M,K,N"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WorkloadLibrary.load("conv:2,2,1,1,7,1,0", 1));
        assertTrue(e.getMessage().contains("larger than the padded input"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WorkloadFile.parse("t", "t.layers", "# ok\na gemm m=1 k=2 n=3\nb gemm m=1 k=x n=3\n"));
        assertTrue(e.getMessage().startsWith("t.layers line 3:") && e.getMessage().contains("k=x"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WorkloadFile.parse("t", "t.layers", "a conv h=4 w=4 cin=1 cout=1\n"));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("missing key 'k'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WorkloadFile.parse("t", "t.layers", "chained\na gemm m=2 k=2 n=3\nb gemm m=2 k=4 n=1\n"));
        assertTrue(e.getMessage().contains("does not consume the output of a"), e.getMessage());
    }
}
