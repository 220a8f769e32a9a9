package org.trustbench.app;

import java.nio.file.Path;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;

/** Where and on which workspace the application runs, resolved from the command line and the environment. */
public record LaunchOptions(DataFolder dataFolder, Workspace workspace) {

    public static LaunchOptions resolve(Path dataDirOption, boolean demo) {
        return new LaunchOptions(DataFolder.resolve(dataDirOption, System.getenv(), Path.of(System.getProperty("user.home"))),
                demo ? Workspace.DEMO : Workspace.REAL);
    }
}
