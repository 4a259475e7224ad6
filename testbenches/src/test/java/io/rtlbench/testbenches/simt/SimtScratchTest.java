package io.rtlbench.testbenches.simt;

import org.junit.jupiter.api.Test;

class SimtScratchTest {
    @Test void scratch() {
        int[] in = new java.util.Random(1).ints(17).toArray();
        SimtMachine a = SimtMachines.get(1, 4);
        System.out.println("div " + SimtKernels.divergence(a, in, 1000000).counters());
        SimtMachine b = SimtMachines.get(8, 8);
        System.out.println("div " + SimtKernels.divergence(b, in, 1000000).counters());
        System.out.println("again 1x4");
        System.out.println("vecadd " + SimtKernels.vecadd(a, in, in, 1000000).counters());
    }
}
