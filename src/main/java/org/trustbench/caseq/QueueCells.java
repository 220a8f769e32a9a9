package org.trustbench.caseq;

import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.time.LocalDate;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.layout.VBox;
import org.trustbench.domain.CaseSummary;
import org.trustbench.i18n.Messages;
import org.trustbench.ui.I18n;

/** The queue table's custom cells. */
final class QueueCells {

    /** A deadline this close is shown in amber. */
    static final int URGENT_DAYS = 5;

    private QueueCells() {
    }

    /** Chinese name over the English name. */
    static final class ProviderCell extends TableCell<CaseSummary, CaseSummary> {
        private final Label zh = new Label();
        private final Label en = new Label();
        private final VBox box = new VBox(1, zh, en);

        ProviderCell() {
            en.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(CaseSummary item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
            } else {
                zh.setText(item.providerNameZh());
                en.setText(item.providerNameEn() == null ? "" : item.providerNameEn());
                setGraphic(box);
            }
        }
    }

    /** Highest severity and number of findings, as a coloured badge. */
    static final class FindingsCell extends TableCell<CaseSummary, CaseSummary> {
        private final Label badge = new Label();
        private final I18n i18n;

        FindingsCell(I18n i18n) {
            this.i18n = i18n;
            badge.getStyleClass().add("badge");
        }

        @Override
        protected void updateItem(CaseSummary item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            Messages m = i18n.current();
            badge.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING, Styles.SUCCESS, Styles.ACCENT);
            if (!item.checked()) {
                badge.setText(m.get("findings.unchecked"));
            } else if (item.findingCount() == 0) {
                badge.setText(m.get("findings.none"));
                badge.getStyleClass().add(Styles.SUCCESS);
            } else {
                badge.setText(m.get("findings.summary", m.of("severity", item.maxSeverity()), item.findingCount()));
                badge.getStyleClass().add(switch (item.maxSeverity()) {
                    case BLOCKER -> Styles.DANGER;
                    case WARNING -> Styles.WARNING;
                    case INFO -> Styles.ACCENT;
                });
            }
            setGraphic(badge);
        }
    }

    /** Days to the deadline, red when overdue and amber when close. */
    static final class DaysLeftCell extends TableCell<CaseSummary, CaseSummary> {
        private final I18n i18n;
        private final Clock clock;

        DaysLeftCell(I18n i18n, Clock clock) {
            this.i18n = i18n;
            this.clock = clock;
        }

        @Override
        protected void updateItem(CaseSummary item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
            if (empty || item == null) {
                setText(null);
                return;
            }
            long days = item.daysLeft(LocalDate.now(clock));
            if (!item.status().isOpen()) {
                setText(i18n.get("queue.daysLeft.closed"));
            } else if (days < 0) {
                setText(i18n.get("queue.daysLeft.overdue", -days));
                getStyleClass().add(Styles.DANGER);
            } else {
                setText(i18n.get("queue.daysLeft.left", days));
                if (days <= URGENT_DAYS) {
                    getStyleClass().add(Styles.WARNING);
                }
            }
        }
    }
}
