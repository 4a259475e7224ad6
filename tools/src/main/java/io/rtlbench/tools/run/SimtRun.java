package io.rtlbench.tools.run;

import io.rtlbench.tools.Main;
import io.rtlbench.tools.RunCommand;

/** {@code rtlbench run --core simt}: placeholder until the simt core lands. */
public final class SimtRun {
    private SimtRun() {}

    public static int run(RunCommand opts) {
        throw new Main.UserError("--core simt is not available in this build yet");
    }
}
