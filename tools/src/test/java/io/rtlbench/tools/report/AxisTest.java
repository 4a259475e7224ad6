package io.rtlbench.tools.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Chart axes: log and linear ticks, pixel mapping, compact labels. */
class AxisTest {
    @Test void axisTicksAndLabels() {
        Axis log = Axis.log(3, 4000, 300, 0);
        assertEquals(List.of(1.0, 10.0, 100.0, 1000.0, 10000.0), log.ticks());
        assertEquals(300, log.px(1), 1e-9);
        assertEquals(0, log.px(10000), 1e-9);
        assertTrue(Axis.log(2, 32, 0, 100).ticks().containsAll(List.of(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0)));
        Axis lin = Axis.linear(0, 87, 100, 0);
        assertEquals(List.of(0.0, 20.0, 40.0, 60.0, 80.0, 100.0), lin.ticks());
        assertEquals(List.of("15k", "20M", "0.05", "12.5", "3G", "0"),
                List.of(Axis.fmt(15000), Axis.fmt(2e7), Axis.fmt(0.05), Axis.fmt(12.5), Axis.fmt(3e9), Axis.fmt(0)));
    }
}
