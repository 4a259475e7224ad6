package io.rtlbench.testbenches.simt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.rtl.simt.SimtConfig;
import org.junit.jupiter.api.Test;

/** SimtConfig validation and derived values; kernel-fit and ELF checks with clear messages (no emulator). */
class SimtConfigTest {
    @Test void invalidConfigsAreRefused() {
        OffChipConfig oc = OffChipConfig.defaults();
        for (Runnable bad : new Runnable[] {
            () -> SimtConfig.of(0, 8), () -> SimtConfig.of(33, 8), () -> SimtConfig.of(4, 0), () -> SimtConfig.of(4, 33),
            () -> new SimtConfig(4, 8, 12, 4, 1 << 16, 1 << 16, oc), () -> new SimtConfig(4, 8, 16, 0, 1 << 16, 1 << 16, oc),
            () -> new SimtConfig(4, 8, 16, 4, 1000, 1 << 16, oc), () -> new SimtConfig(4, 8, 16, 4, 1 << 16, 1 << 21, oc),
            () -> new SimtConfig(4, 8, 16, 4, 1 << 16, 1 << 16, null)}) {
            var e = assertThrows(IllegalArgumentException.class, bad::run);
            assertTrue(e.getMessage().startsWith("SIMT ") || e.getMessage().contains("offchip"), e.getMessage());
        }
    }

    @Test void derivedValues() {
        SimtConfig c = SimtConfig.of(4, 8);
        assertEquals(2, c.warpBits());
        assertEquals(3, c.laneBits());
        assertEquals(128, c.regWords());
        assertEquals(1, SimtConfig.of(1, 1).warpBits());
        assertEquals(5, SimtConfig.of(32, 32).stackBits());  // 0..16
    }

    @Test void kernelsThatDoNotFitGetAClearError() {
        SimtKernels.checkFits(SimtConfig.of(8, 8));
        var e = assertThrows(IllegalArgumentException.class, () -> SimtKernels.checkFits(SimtConfig.of(32, 32)));
        assertTrue(e.getMessage().contains("1024 threads need 266240 bytes of shared memory"), e.getMessage());
    }

    @Test void nonElfFilesAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Elf.parse(new byte[64], "junk.bin"));
        assertTrue(e.getMessage().contains("not an ELF"), e.getMessage());
    }
}
