package io.rtlbench.testbenches.simt;

import io.rtlbench.rtl.simt.SimtConfig;
import org.junit.jupiter.api.Test;

class SimtSmokeTest {
    @Test void smoke() {
        try (SimtMachine m = new SimtMachine(SimtConfig.of(1, 1))) {
            System.out.println(m.simulator().memories());
            m.load(Elf.read(KernelBuild.asmTest("isa_alu")));
            var r = m.run(100000);
            System.out.println(r.toMap());
            System.out.println(m.warpReport());
        }
    }
}
