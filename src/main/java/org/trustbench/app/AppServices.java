package org.trustbench.app;

import java.time.Clock;
import java.util.function.BooleanSupplier;
import org.trustbench.audit.AuditAction;
import org.trustbench.audit.AuditRepository;
import org.trustbench.caseq.CaseQueueRepository;
import org.trustbench.decision.DecisionRepository;
import org.trustbench.decision.DecisionService;
import org.trustbench.sync.ExportService;
import org.trustbench.sync.ImportService;
import org.trustbench.sync.OutboxRepository;
import org.trustbench.sync.SyncPackageRepository;
import org.trustbench.sync.SyncCaseRepository;
import org.trustbench.sync.SyncDecisionRepository;
import org.trustbench.sync.conflict.ConflictRepository;
import org.trustbench.sync.conflict.ConflictService;
import org.trustbench.sync.keys.TrustService;
import org.trustbench.sync.keys.TrustedSignerRepository;
import org.trustbench.sync.keys.WorkstationKeys;
import org.trustbench.users.AuthService;
import org.trustbench.users.PasswordHasher;
import org.trustbench.users.UserRepository;
import org.trustbench.users.UserService;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Store;
import org.trustbench.db.Workspace;
import org.trustbench.intake.CaseIntakeRepository;
import org.trustbench.training.DemoWorkspaceService;
import org.trustbench.verify.CheckService;
import org.trustbench.verify.FindingRepository;
import org.trustbench.verify.SignatureResultMac;
import org.trustbench.verify.Sm2Verifier;
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
    private final AuditRepository audit;
    private final OutboxRepository outbox;
    /** Loaded (or created) when first needed: see {@link #workstationKeys()}. */
    private WorkstationKeys workstationKeys;
    private final TrustedSignerRepository trustedSigners;
    private final TrustService trust;
    private final ExportService export;
    private final ImportService importer;
    private final SyncPackageRepository syncPackages;
    private final ConflictService conflicts;
    private final DecisionService decisions;
    private final UserService users;
    private final AuthService auth;

    private AppServices(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.caseQueueRepository = new CaseQueueRepository(store.dsl(), clock.getZone());
        this.findingRepository = new FindingRepository(store.dsl());
        this.audit = new AuditRepository(store.dsl(), clock);
        this.checks = new CheckService(caseQueueRepository, findingRepository, VerificationEngine.standard(),
                VerificationSettings.DEFAULTS, audit, clock, SignatureResultMac.derivedLazily(() -> workstationKeys().privateKey()),
                Sm2Verifier.STANDARD);
        this.outbox = new OutboxRepository(store.dsl(), clock);
        this.decisions = new DecisionService(new DecisionRepository(store.dsl()), caseQueueRepository, checks, audit, outbox, clock);
        UserRepository userRepository = new UserRepository(store.dsl());
        PasswordHasher hasher = new PasswordHasher();
        this.users = new UserService(store.dsl(), userRepository, audit, hasher, clock);
        this.auth = new AuthService(store.dsl(), userRepository, audit, hasher, clock);
        this.trustedSigners = new TrustedSignerRepository(store.dsl());
        this.trust = new TrustService(store.dsl(), trustedSigners, audit, clock, store.workspace());
        this.syncPackages = new SyncPackageRepository(store.dsl());
        ConflictRepository conflictRepository = new ConflictRepository(store.dsl());
        this.importer = new ImportService(syncPackages, new CaseIntakeRepository(store.dsl()),
                new SyncCaseRepository(store.dsl()), new SyncDecisionRepository(store.dsl()), conflictRepository,
                caseQueueRepository, trustedSigners, checks, audit, () -> workstationKeys().workstationId(), store.isDemo(), clock);
        this.conflicts = new ConflictService(conflictRepository, importer.conflictApplier(), checks, audit, clock);
        this.export = new ExportService(syncPackages, outbox, this::workstationKeys, audit, store.isDemo(), clock);
        this.demoWorkspace = new DemoWorkspaceService(store, new CaseIntakeRepository(store.dsl()),
                AppServices.class.getClassLoader(), clock);
    }

    /**
     * Opens the workspace's store (creating and migrating it as needed). Blocking: never call on the FX thread. The
     * workstation key is not read here: its crypto classes come from a signed jar, which a CDS archive cannot hold, and
     * take about a second on a cold JVM; it is read (or created, after this process has opened and locked the store)
     * when first needed ({@link #workstationKeys()}).
     */
    public static AppServices open(DataFolder folder, Workspace workspace, Clock clock) {
        return open(folder, workspace, clock, store -> { });
    }

    /**
     * {@link #open(DataFolder, Workspace, Clock)}, handing the store to {@code opened} as soon as it is open (locked,
     * its schema and workspace checked) and before the services are built: the start path begins reading the queue's
     * first page there, while jOOQ and the services load.
     */
    public static AppServices open(DataFolder folder, Workspace workspace, Clock clock,
                                   java.util.function.Consumer<Store> opened) {
        Store store = Store.open(folder, workspace);
        try {
            opened.accept(store);
            return new AppServices(store, clock);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
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

    public AuditRepository audit() {
        return audit;
    }

    /**
     * This workstation's keys, read from the store folder (or created there) on the first call. Blocking (about a
     * second on a cold JVM): never call on the FX thread. A failure is thrown to the caller and retried on the next call.
     */
    public synchronized WorkstationKeys workstationKeys() {
        if (workstationKeys == null) {
            workstationKeys = WorkstationKeys.loadOrCreate(store.folder());
        }
        return workstationKeys;
    }

    public TrustedSignerRepository trustedSigners() {
        return trustedSigners;
    }

    public SyncPackageRepository syncPackages() {
        return syncPackages;
    }

    public ImportService importer() {
        return importer;
    }

    /** The sync conflicts imports recorded, and their resolution. */
    public ConflictService conflicts() {
        return conflicts;
    }

    public ExportService export() {
        return export;
    }

    public TrustService trust() {
        return trust;
    }

    public OutboxRepository outbox() {
        return outbox;
    }

    public DecisionService decisions() {
        return decisions;
    }

    public UserService users() {
        return users;
    }

    public AuthService auth() {
        return auth;
    }

    /**
     * Makes the store ready for work: a demo store is filled on first use (dataset and demo-only
     * accounts), then every case never checked (or checked by an older engine) is checked. Blocking.
     */
    public void prepare(CheckService.Progress progress, BooleanSupplier cancelled) {
        prepareWorkspace();
        checks.checkOutdated(progress, cancelled);
    }

    /** The demo store's dataset and demo-only accounts on first use; nothing for a real store. Blocking. */
    public void prepareWorkspace() {
        if (store.isDemo()) {
            demoWorkspace.ensureLoaded().ifPresent(d -> audit.append(UserService.SYSTEM_ACTOR, AuditAction.DEMO_RESET,
                    "dataset:" + d.name(), java.util.Map.of("cases", d.batch().cases().size())));
            users.ensureDemoUsers(store.workspace());
            trust.trustDemoCentral(UserService.SYSTEM_ACTOR, AppServices.class.getClassLoader());
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
