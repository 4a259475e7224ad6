package io.rtlbench.tools.energy;

import java.util.ArrayList;
import java.util.List;

/**
 * The "held against silicon" table: emulated figures next to the anchors they correspond to, with the
 * ratio emulated / silicon. Pure arithmetic over numbers the caller measured; conditions (large GEMM,
 * the modern table, an HBM preset) are the caller's to match and to state.
 */
public final class SiliconComparison {
    private SiliconComparison() {}

    /**
     * What the emulator measured. {@code simtOverheadPjPerLaneInstruction}: SIMT energy outside the
     * compute datapath and off-chip traffic per thread-instruction (NaN when unknown). {@code simtPjName}
     * and {@code simtTopsName}: the SIMT configurations the pJ/MAC and TOPS/W figures are of (e.g.
     * {@code 4x8,dp4a}), named in the rows; null: "SIMT core".
     */
    public record Emulated(double systolicPjPerMac, double simtPjPerMac, double systolicTopsPerW, double simtTopsPerW,
                           double simtOverheadPjPerLaneInstruction, String simtPjName, String simtTopsName) {
        public Emulated(double systolicPjPerMac, double simtPjPerMac, double systolicTopsPerW, double simtTopsPerW,
                        double simtOverheadPjPerLaneInstruction) {
            this(systolicPjPerMac, simtPjPerMac, systolicTopsPerW, simtTopsPerW, simtOverheadPjPerLaneInstruction, null, null);
        }
    }

    /** One line of the table (a JSON-ready record). */
    public record Row(String quantity, String anchorId, double silicon, String siliconText, String unit, double emulated,
                      double ratio) {}

    public static List<Row> rows(Emulated e) {
        List<Row> rows = new ArrayList<>();
        add(rows, "systolic core pJ/MAC vs INT8 matrix engine", "h200_int8_tensor_pj_per_mac", e.systolicPjPerMac());
        String pj = e.simtPjName() == null ? "SIMT core" : "SIMT " + e.simtPjName();
        add(rows, pj + " pJ/MAC vs INT8 dp4a on SIMT cores", "h200_int8_dp4a_pj_per_mac", e.simtPjPerMac());
        double ratio = e.simtPjPerMac() / e.systolicPjPerMac();
        String over = e.simtPjName() == null ? "SIMT" : "SIMT " + e.simtPjName();
        add(rows, over + " / systolic energy per MAC vs H200", "h200_simt_over_tensor", ratio);
        add(rows, over + " / systolic energy per MAC vs the seed's claim", "seed_simt_over_systolic", ratio);
        for (String chip : List.of("tpu_v4_int8_tops_per_w", "a100_int8_tops_per_w", "h100_int8_tops_per_w"))
            add(rows, "systolic core TOPS/W vs chip-level INT8", chip, e.systolicTopsPerW());
        add(rows, (e.simtTopsName() == null ? "SIMT core" : "SIMT " + e.simtTopsName()) + " TOPS/W vs chip-level INT8 (A100)",
                "a100_int8_tops_per_w", e.simtTopsPerW());
        if (!Double.isNaN(e.simtOverheadPjPerLaneInstruction()))
            add(rows, "SIMT overhead per thread-instruction vs Dally", "dally_instruction_overhead_pj", e.simtOverheadPjPerLaneInstruction());
        return rows;
    }

    private static void add(List<Row> rows, String quantity, String id, double emulated) {
        SiliconAnchor a = SiliconAnchor.get(id);
        rows.add(new Row(quantity, id, a.value(), a.valueText(), a.unit(), emulated, emulated / a.value()));
    }

    public static String table(List<Row> rows) {
        StringBuilder s = new StringBuilder(String.format("%-58s %12s %12s %8s  %s%n", "held against silicon", "emulated", "silicon", "ratio", "unit"));
        for (Row r : rows)
            s.append(String.format("%-58s %12.3f %12s %8.2f  %s%n", r.quantity(), r.emulated(), r.siliconText(), r.ratio(), r.unit()));
        return s.toString();
    }
}
