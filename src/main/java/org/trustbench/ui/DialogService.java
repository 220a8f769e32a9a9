package org.trustbench.ui;

/** Every dialog goes through here, so views and view models never build dialogs themselves. */
public interface DialogService {

    void showError(String title, String message);

    void showInfo(String title, String message);

    boolean confirm(String title, String message);
}
