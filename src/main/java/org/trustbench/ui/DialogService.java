package org.trustbench.ui;

/** Every dialog goes through here, so views and view models never build dialogs themselves. */
public interface DialogService {

    void showError(String title, String message);

    void showInfo(String title, String message);

    boolean confirm(String title, String message);

    /** Asks where to save a file; empty when the user cancels. */
    java.util.Optional<java.nio.file.Path> chooseSaveFile(String title, String initialName, String extensionDescription,
                                                          String extension);
}
