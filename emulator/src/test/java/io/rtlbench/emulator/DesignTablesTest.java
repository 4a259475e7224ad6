package io.rtlbench.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Firtool's port copies ({@code wire io_x_0 = io_x;}) are found so traces carry each signal once. */
class DesignTablesTest {
    static final String SV = """
            module Top(
              input         clock,
                            reset,
              input  [15:0] io_cmdAddr,
              output        io_done,
              output [31:0] io_eData_0
            );
              wire [15:0] io_cmdAddr_0 = io_cmdAddr;
              wire        io_done_0;
              wire [31:0] io_eData_0_0 = 32'h0;
              wire [7:0]  count_0 = 8'h1;
              assign io_done = io_done_0;
              assign io_done_0 = 1'h1;
              assign io_eData_0 = io_eData_0_0;
            endmodule
            """;

    @Test void portCopiesAreFoundAndOnlyThey() {
        DesignTables t = new DesignTables(SV);
        assertEquals(List.of(8, 9, 10), t.portCopyLines(), "io_cmdAddr_0, io_done_0, io_eData_0_0; not count_0");
        assertTrue(t.verilatorConfig(false).contains("tracing_off -file \"*dut.sv\" -lines 8\n"));
    }
}
