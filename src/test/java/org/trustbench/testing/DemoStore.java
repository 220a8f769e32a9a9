package org.trustbench.testing;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trustbench.app.AppServices;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.domain.Finding;
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

    /** What a fresh check of each case in {@code ids} finds now (nothing stored). */
    public static Map<Long, List<Finding>> freshFindings(AppServices s, List<Long> ids) {
        Map<Long, List<Finding>> out = new HashMap<>();
        for (long id : ids) {
            out.put(id, s.checks().evaluate(s.caseQueueRepository().findCase(id).orElseThrow()));
        }
        return out;
    }

    /** The findings stored for each case in {@code ids}. */
    public static Map<Long, List<Finding>> storedFindings(AppServices s, List<Long> ids) {
        Map<Long, List<Finding>> out = new HashMap<>();
        for (long id : ids) {
            out.put(id, s.findingRepository().findings(id));
        }
        return out;
    }
}
