package io.rtlbench.tools.run;

import io.rtlbench.tools.Main;
import io.rtlbench.tools.RunCommand;

/** {@code rtlbench run --core systolic}: placeholder until the systolic core lands. */
public final class SystolicRun {
    private SystolicRun() {}

    public static int run(RunCommand opts) {
        throw new Main.UserError("--core systolic is not available in this build yet");
    }
}
