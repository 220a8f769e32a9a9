package org.trustbench.shell;

import java.nio.file.Path;
import java.util.Locale;
import org.trustbench.caseq.CaseDetailViewModel;
import org.trustbench.caseq.CaseQueueViewModel;
import org.trustbench.ui.I18n;

/**
 * State of the main window: which store it shows, the queue and detail view models, and the
 * language. Selecting a queue row drives the detail pane.
 */
public final class MainViewModel {

    private final Path storeFolder;
    private final String version;
    private final boolean demo;
    private final I18n i18n;
    private final CaseQueueViewModel queue;
    private final CaseDetailViewModel detail;

    public MainViewModel(Path storeFolder, String version, boolean demo, I18n i18n, CaseQueueViewModel queue, CaseDetailViewModel detail) {
        this.storeFolder = storeFolder;
        this.version = version;
        this.demo = demo;
        this.i18n = i18n;
        this.queue = queue;
        this.detail = detail;
        queue.selectedProperty().addListener((o, a, b) -> detail.show(b == null ? null : b.id()));
    }

    public void start() {
        queue.reload();
    }

    public void reload() {
        queue.reload();
    }

    public void switchLanguage(Locale locale) {
        i18n.setLocale(locale);
    }

    public Path storeFolder() {
        return storeFolder;
    }

    public String version() {
        return version;
    }

    public boolean isDemo() {
        return demo;
    }

    public CaseQueueViewModel queue() {
        return queue;
    }

    public CaseDetailViewModel detail() {
        return detail;
    }
}
