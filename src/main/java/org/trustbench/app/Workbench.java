package org.trustbench.app;

import java.util.concurrent.Executor;
import org.trustbench.caseq.CaseDetailView;
import org.trustbench.caseq.CaseDetailViewModel;
import org.trustbench.caseq.CaseQueueView;
import org.trustbench.caseq.CaseQueueViewModel;
import org.trustbench.shell.MainView;
import org.trustbench.shell.MainViewModel;
import org.trustbench.ui.DialogService;
import org.trustbench.ui.I18n;

/** Wires the workbench's view models and views on top of {@link AppServices}. */
public final class Workbench {

    private Workbench() {
    }

    public static MainView create(AppServices services, I18n i18n, Executor executor, DialogService dialogs, Runnable exit) {
        CaseQueueViewModel queue = new CaseQueueViewModel(services.caseQueueRepository(), executor);
        CaseDetailViewModel detail = new CaseDetailViewModel(services.caseQueueRepository(), executor);
        MainViewModel main = new MainViewModel(services.store().folder(), Version.current(), services.store().isDemo(),
                i18n, queue, detail);
        MainView view = new MainView(main, i18n, dialogs, new CaseQueueView(queue, i18n, services.clock()),
                new CaseDetailView(detail, i18n, services.clock()), exit);
        main.start();
        return view;
    }
}
