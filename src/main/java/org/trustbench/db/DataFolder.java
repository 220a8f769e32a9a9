package org.trustbench.db;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where TrustBench keeps its data: {@code --data-dir} first, then {@code TRUSTBENCH_HOME},
 * then {@code ~/.trustbench}.
 */
public record DataFolder(Path root) {

    public static final String ENV_VAR = "TRUSTBENCH_HOME";

    public DataFolder {
        root = root.toAbsolutePath().normalize();
    }

    public static DataFolder resolve(Path option, Map<String, String> env, Path userHome) {
        if (option != null) {
            return new DataFolder(option);
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataFolder(Path.of(fromEnv.strip()));
        }
        return new DataFolder(userHome.resolve(".trustbench"));
    }

    public Path storeFolder(Workspace workspace) {
        return root.resolve(workspace.folderName());
    }
}
