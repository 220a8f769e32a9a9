package org.trustbench.sync.ui;

import java.util.concurrent.TimeUnit;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Runs view-model commands on the FX thread (tasks then run there too, with the same-thread executor). */
final class FxThread {

    private FxThread() {
    }

    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Runs {@code r}, then lets the tasks' state changes (posted to the FX thread by JavaFX 21) and their follow-ups run. */
    static void run(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(60, TimeUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

}
