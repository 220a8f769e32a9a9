package org.trustbench.app;

import java.time.Clock;
import org.trustbench.caseq.CaseQueueRepository;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Store;
import org.trustbench.db.Workspace;
import org.trustbench.intake.CaseIntakeRepository;
import org.trustbench.training.DemoWorkspaceService;

/**
 * The hand-written wiring of everything below the UI: one store and the repositories and
 * services built on it. The GUI and the CLI both start here. No other class constructs these.
 */
public final class AppServices implements AutoCloseable {

    private final Store store;
    private final Clock clock;
    private final CaseQueueRepository caseQueueRepository;
    private final DemoWorkspaceService demoWorkspace;

    private AppServices(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.caseQueueRepository = new CaseQueueRepository(store.dsl());
        this.demoWorkspace = new DemoWorkspaceService(store, new CaseIntakeRepository(store.dsl()),
                AppServices.class.getClassLoader(), clock);
    }

    /** Opens the workspace's store (creating and migrating it as needed). Blocking: never call on the FX thread. */
    public static AppServices open(DataFolder folder, Workspace workspace, Clock clock) {
        return new AppServices(Store.open(folder, workspace), clock);
    }

    public Store store() {
        return store;
    }

    public Clock clock() {
        return clock;
    }

    public CaseQueueRepository caseQueueRepository() {
        return caseQueueRepository;
    }

    public DemoWorkspaceService demoWorkspace() {
        return demoWorkspace;
    }

    @Override
    public void close() {
        store.close();
    }
}
