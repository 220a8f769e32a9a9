package org.trustbench.ui;

/** Every dialog goes through here, so views and view models never build dialogs themselves. */
public interface DialogService {

    void showError(String title, String message);

    void showInfo(String title, String message);

    boolean confirm(String title, String message);

    /** Asks where to save a file; empty when the user cancels. */
    java.util.Optional<java.nio.file.Path> chooseSaveFile(String title, String initialName, String extensionDescription,
                                                          String extension);

    /**
     * Asks for a folder; empty when the user cancels. The default never asks and answers empty, for fakes that do
     * not need it.
     */
    default java.util.Optional<java.nio.file.Path> chooseDirectory(String title) {
        return java.util.Optional.empty();
    }

    /** Asks for an existing file to open; empty when the user cancels (and, by default, without asking). */
    default java.util.Optional<java.nio.file.Path> chooseOpenFile(String title, String extensionDescription, String extension) {
        return java.util.Optional.empty();
    }
}
