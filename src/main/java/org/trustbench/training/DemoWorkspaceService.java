package org.trustbench.training;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.trustbench.db.Store;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.intake.CaseIntakeRepository;

/** Loads demo datasets into the demo store, and only there. */
public final class DemoWorkspaceService {

    public static final String DEFAULT_DATASET = "default";
    static final String DATASET_KEY = "dataset";
    static final String LOADED_AT_KEY = "datasetLoadedAt";

    private final Store store;
    private final CaseIntakeRepository intake;
    private final ClassLoader resources;
    private final Clock clock;

    public DemoWorkspaceService(Store store, CaseIntakeRepository intake, ClassLoader resources, Clock clock) {
        this.store = store;
        this.intake = intake;
        this.resources = resources;
        this.clock = clock;
    }

    /** Name of the dataset the demo store holds, if one was loaded. */
    public Optional<String> loadedDataset() {
        return store.readInfo(DATASET_KEY);
    }

    /** Loads the default dataset on first use of the demo store; does nothing afterwards. */
    public Optional<Dataset> ensureLoaded() {
        if (loadedDataset().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(reset(DatasetSource.classpath(DEFAULT_DATASET, resources)));
    }

    /**
     * Replaces everything in the demo store with {@code source}. The dataset is read and checked in
     * full first and written in one transaction, so a broken dataset leaves the store as it was.
     */
    public Dataset reset(DatasetSource source) {
        if (!store.isDemo()) {
            throw new UserException(UserMessage.of("demo.error.notDemoStore", store.folder()));
        }
        Dataset dataset = DatasetReader.read(source);
        intake.replaceAll(dataset.batch(), Map.of(
                DATASET_KEY, dataset.name(),
                LOADED_AT_KEY, OffsetDateTime.now(clock).toString()));
        return dataset;
    }

    /** A packaged dataset by name, or a dataset folder on disk. */
    public DatasetSource source(String nameOrFolder) {
        java.nio.file.Path folder = java.nio.file.Path.of(nameOrFolder);
        if (java.nio.file.Files.isDirectory(folder)) {
            return DatasetSource.folder(folder);
        }
        return DatasetSource.classpath(nameOrFolder, resources);
    }
}
