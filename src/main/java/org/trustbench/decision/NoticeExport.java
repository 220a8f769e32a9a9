package org.trustbench.decision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.caseq.CaseQueueRepository;
import org.trustbench.decision.notice.NoticeData;
import org.trustbench.domain.FilingCase;
import org.trustbench.i18n.Messages;
import org.trustbench.i18n.UserException;
import org.trustbench.ui.DialogService;
import org.trustbench.ui.I18n;
import org.trustbench.users.User;

/**
 * Saves a decision notice (PDF) where the officer chooses: the PDF is built and written off the
 * FX thread, to a temporary file first and then moved into place, so a failure leaves no half file.
 */
public final class NoticeExport {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeExport.class);

    /** Shanghai districts (GB/T 2260) and the names of their market regulation bureaus' districts. */
    private static final Map<String, String[]> DISTRICTS = Map.ofEntries(
            Map.entry("310101", new String[] {"黄浦区", "Huangpu District"}),
            Map.entry("310104", new String[] {"徐汇区", "Xuhui District"}),
            Map.entry("310105", new String[] {"长宁区", "Changning District"}),
            Map.entry("310106", new String[] {"静安区", "Jing'an District"}),
            Map.entry("310107", new String[] {"普陀区", "Putuo District"}),
            Map.entry("310109", new String[] {"虹口区", "Hongkou District"}),
            Map.entry("310110", new String[] {"杨浦区", "Yangpu District"}),
            Map.entry("310112", new String[] {"闵行区", "Minhang District"}),
            Map.entry("310113", new String[] {"宝山区", "Baoshan District"}),
            Map.entry("310114", new String[] {"嘉定区", "Jiading District"}),
            Map.entry("310115", new String[] {"浦东新区", "Pudong New Area"}),
            Map.entry("310116", new String[] {"金山区", "Jinshan District"}),
            Map.entry("310117", new String[] {"松江区", "Songjiang District"}),
            Map.entry("310118", new String[] {"青浦区", "Qingpu District"}),
            Map.entry("310120", new String[] {"奉贤区", "Fengxian District"}),
            Map.entry("310151", new String[] {"崇明区", "Chongming District"}));

    private final CaseQueueRepository cases;
    private final Function<String, Optional<User>> users;
    private final Function<NoticeData, byte[]> renderer;
    private final boolean demo;
    private final I18n i18n;
    private final DialogService dialogs;
    private final Executor executor;

    public NoticeExport(CaseQueueRepository cases, Function<String, Optional<User>> users, Function<NoticeData, byte[]> renderer,
                        boolean demo, I18n i18n, DialogService dialogs, Executor executor) {
        this.cases = cases;
        this.users = users;
        this.renderer = renderer;
        this.demo = demo;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.executor = executor;
    }

    /** Asks where to save, then renders and writes in the background; reports the outcome in a dialog. */
    public void export(Decision decision) {
        Optional<Path> target = dialogs.chooseSaveFile(i18n.get("notice.save.title"),
                "decision-" + decision.caseNo() + "-" + decision.id() + ".pdf", i18n.get("notice.save.filter"), "pdf");
        if (target.isEmpty()) {
            return;
        }
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() throws Exception {
                FilingCase c = cases.findCase(decision.caseId()).orElseThrow();
                byte[] pdf = renderer.apply(data(decision, c, users.apply(decision.decidedBy()).orElse(null), demo));
                Path file = target.get().toAbsolutePath();
                Path tmp = Files.createTempFile(file.getParent(), ".notice-", ".pdf.tmp");
                try {
                    Files.write(tmp, pdf);
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                return file;
            }
        };
        task.setOnSucceeded(e -> dialogs.showInfo(i18n.get("notice.saved.title"), i18n.get("notice.saved", task.getValue())));
        task.setOnFailed(e -> {
            Throwable ex = task.getException();
            String text = ex instanceof UserException u ? i18n.current().format(u.userMessage())
                    : i18n.get("notice.error.write", String.valueOf(ex.getMessage()));
            if (!(ex instanceof UserException)) {
                LOG.error("Writing the decision notice failed", ex);
            }
            dialogs.showError(i18n.get("notice.failed.title"), text);
        });
        executor.execute(task);
    }

    /** The notice's content, in both languages whatever the officer's UI language. */
    public static NoticeData data(Decision d, FilingCase c, User officer, boolean demo) {
        Messages zh = Messages.forLocale(Messages.CHINESE);
        Messages en = Messages.forLocale(Messages.ENGLISH);
        String[] district = DISTRICTS.getOrDefault(c.districtCode(), new String[] {"", ""});
        String authorityZh = "上海市" + district[0] + "市场监督管理局";
        String authorityEn = "Shanghai " + (district[1].isEmpty() ? "" : district[1] + " ") + "Administration for Market Regulation";
        String referredTo = d.outcome() != Outcome.REFER ? null
                : d.reasons().contains(ReasonCode.CONSTRUCTION_AUTHORITY) ? zh.get("notice.referral.construction") : zh.get("notice.referral.other");
        return new NoticeData(c.caseNo(), c.provider().nameZh(), c.provider().nameEn(), c.provider().uscc(), d.outcome().name(),
                d.reasons().stream().map(r -> new NoticeData.ReasonText(r.name(), zh.of("reason", r), en.of("reason", r))).toList(),
                d.supplements().stream().map(s -> new NoticeData.SupplementText(zh.of("supplement", s), en.of("supplement", s))).toList(),
                d.rationale(), d.decidedAt().toLocalDate(), officer == null ? d.decidedBy() : officer.officerId(),
                officer == null ? null : officer.displayName(), authorityZh, authorityEn, referredTo, demo);
    }
}
