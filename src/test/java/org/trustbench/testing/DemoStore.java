package org.trustbench.testing;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import org.trustbench.app.AppServices;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.training.Dataset;

/** The demo dataset in a real store, for tests: the demo workspace reset, and a clock on the dataset's reference date. */
public final class DemoStore {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private DemoStore() {
    }

    /** Resets the demo workspace of {@code folder} to the default dataset; a clock fixed at noon of its reference date. */
    public static Clock reset(DataFolder folder) {
        return reset(folder, LocalTime.NOON);
    }

    /** As {@link #reset(DataFolder)}, the clock fixed at {@code time} (Shanghai) of the reference date. */
    public static Clock reset(DataFolder folder, LocalTime time) {
        Dataset d;
        try (AppServices probe = AppServices.open(folder, Workspace.DEMO, Clock.systemUTC())) {
            d = probe.demoWorkspace().reset(probe.demoWorkspace().source("default"));
        }
        return Clock.fixed(d.referenceDate().atTime(time).atZone(SHANGHAI).toInstant(), SHANGHAI);
    }
}
