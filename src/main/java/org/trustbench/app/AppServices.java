package org.trustbench.app;

import java.time.Clock;
import java.util.function.BooleanSupplier;
import org.trustbench.caseq.CaseQueueRepository;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Store;
import org.trustbench.db.Workspace;
import org.trustbench.intake.CaseIntakeRepository;
import org.trustbench.training.DemoWorkspaceService;
import org.trustbench.verify.CheckService;
import org.trustbench.verify.FindingRepository;
import org.trustbench.verify.VerificationEngine;
import org.trustbench.verify.VerificationSettings;

/**
 * The hand-written wiring of everything below the UI: one store and the repositories and
 * services built on it. The GUI and the CLI both start here. No other class constructs these.
 */
public final class AppServices implements AutoCloseable {

    private final Store store;
    private final Clock clock;
    private final CaseQueueRepository caseQueueRepository;
    private final DemoWorkspaceService demoWorkspace;
    private final CheckService checks;
    private final FindingRepository findingRepository;

    private AppServices(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.caseQueueRepository = new CaseQueueRepository(store.dsl());
        this.findingRepository = new FindingRepository(store.dsl());
        this.checks = new CheckService(caseQueueRepository, findingRepository, VerificationEngine.standard(),
                VerificationSettings.DEFAULTS, clock);
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

    public CheckService checks() {
        return checks;
    }

    public FindingRepository findingRepository() {
        return findingRepository;
    }

    /**
     * Makes the store ready for work: a demo store is filled on first use, then every case
     * never checked (or checked by an older engine) is checked. Blocking.
     */
    public void prepare(CheckService.Progress progress, BooleanSupplier cancelled) {
        if (store.isDemo()) {
            demoWorkspace.ensureLoaded();
        }
        checks.checkOutdated(progress, cancelled);
    }

    @Override
    public void close() {
        store.close();
    }
}
