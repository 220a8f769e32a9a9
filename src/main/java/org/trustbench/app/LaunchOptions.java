package org.trustbench.app;

import java.nio.file.Path;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;

/**
 * Where and on which workspace the application runs, resolved from the command line and the environment.
 *
 * @param importFile a package to offer for import on the Sync screen after sign-in (file association); null for none
 */
public record LaunchOptions(DataFolder dataFolder, Workspace workspace, Path importFile) {

    public LaunchOptions(DataFolder dataFolder, Workspace workspace) {
        this(dataFolder, workspace, null);
    }

    public static LaunchOptions resolve(Path dataDirOption, boolean demo) {
        return resolve(dataDirOption, demo, null);
    }

    public static LaunchOptions resolve(Path dataDirOption, boolean demo, Path importFile) {
        return new LaunchOptions(DataFolder.resolve(dataDirOption, System.getenv(), Path.of(System.getProperty("user.home"))),
                demo ? Workspace.DEMO : Workspace.REAL, importFile == null ? null : importFile.toAbsolutePath());
    }
}
