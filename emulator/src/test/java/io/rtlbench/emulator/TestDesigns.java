package io.rtlbench.emulator;

/**
 * Small hand-written designs that exercise every emulator feature, in the shape firtool emits
 * (a memory as its own {@code <name>_<depth>x<width>} module holding {@code reg ... Memory[]}).
 */
final class TestDesigns {
    private TestDesigns() {}

    /**
     * Gadget: count increments every cycle; done = (count == limit). A 100-bit register echoes wideIn
     * one cycle later on wideOut. A 16 x 12-bit memory: written when we, read combinationally at raddr.
     */
    static final String GADGET = """
            module table_16x12(
              input  [3:0]  R0_addr,
              input         R0_en,
                            R0_clk,
              output [11:0] R0_data,
              input  [3:0]  W0_addr,
              input         W0_en,
                            W0_clk,
              input  [11:0] W0_data
            );
              reg [11:0] Memory[0:15];
              always @(posedge W0_clk) begin
                if (W0_en)
                  Memory[W0_addr] <= W0_data;
              end
              assign R0_data = R0_en ? Memory[R0_addr] : 12'bx;
            endmodule

            module Gadget(
              input         clock,
                            reset,
              input  [15:0] io_limit,
              output        io_done,
              output [15:0] io_count,
              input  [99:0] io_wideIn,
              output [99:0] io_wideOut,
              input         io_we,
              input  [3:0]  io_waddr,
              input  [11:0] io_wdata,
              input  [3:0]  io_raddr,
              output [11:0] io_rdata
            );
              reg  [15:0] count;
              reg  [99:0] wide;
              always @(posedge clock) begin
                if (reset) begin
                  count <= 16'h0;
                  wide <= 100'h0;
                end
                else begin
                  count <= count + 16'h1;
                  wide <= io_wideIn;
                end
              end
              table_16x12 table_ext (
                .R0_addr (io_raddr),
                .R0_en   (1'h1),
                .R0_clk  (clock),
                .R0_data (io_rdata),
                .W0_addr (io_waddr),
                .W0_en   (io_we),
                .W0_clk  (clock),
                .W0_data (io_wdata)
              );
              assign io_done = count == io_limit;
              assign io_count = count;
              assign io_wideOut = wide;
            endmodule
            """;

    /** A signed 8 x 8 -> 32-bit multiply-accumulate: acc += a * b every cycle (reset clears it). */
    static final String MAC = """
            module Mac(
              input         clock,
                            reset,
              input  [7:0]  io_a,
              input  [7:0]  io_b,
              output [31:0] io_acc
            );
              reg  [31:0] acc;
              wire signed [15:0] prod = $signed(io_a) * $signed(io_b);
              always @(posedge clock) begin
                if (reset)
                  acc <= 32'h0;
                else
                  acc <= acc + {{16{prod[15]}}, prod};
              end
              assign io_acc = acc;
            endmodule
            """;

    static Design gadget() { return new Design("Gadget", GADGET); }

    static Design mac() { return new Design("Mac", MAC); }
}
