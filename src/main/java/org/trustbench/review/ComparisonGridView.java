package org.trustbench.review;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.i18n.Messages;
import org.trustbench.verify.ComparisonGrid;

/** Builds the side-by-side grid: one column per source, one row per attribute; disagreeing cells are marked. */
final class ComparisonGridView {

    private ComparisonGridView() {
    }

    static GridPane build(ComparisonGrid grid, Messages m, Highlights highlights, Consumer<ComparisonGrid.Cell> onSelect) {
        GridPane pane = new GridPane();
        pane.setId("comparison-grid");
        pane.getStyleClass().add("comparison-grid");
        pane.setHgap(1);
        pane.setVgap(1);
        ColumnConstraints head = new ColumnConstraints();
        head.setPercentWidth(12);
        pane.getColumnConstraints().add(head);
        int col = 1;
        for (EvidenceSource source : EvidenceSource.values()) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHgrow(Priority.ALWAYS);
            cc.setPercentWidth(22);
            pane.getColumnConstraints().add(cc);
            Label h = new Label(m.of("evidence.source", source));
            h.getStyleClass().addAll("grid-head", Styles.TEXT_BOLD);
            h.setMaxWidth(Double.MAX_VALUE);
            pane.add(h, col++, 0);
        }
        int row = 1;
        for (ComparisonGrid.Row r : ComparisonGrid.Row.values()) {
            Label name = new Label(m.of("grid.row", r));
            name.getStyleClass().addAll("grid-head", Styles.TEXT_MUTED);
            name.setMaxWidth(Double.MAX_VALUE);
            name.setMaxHeight(Double.MAX_VALUE);
            pane.add(name, 0, row);
            col = 1;
            for (EvidenceSource source : EvidenceSource.values()) {
                ComparisonGrid.Cell cell = grid.cell(r, source);
                pane.add(cell(cell, r, source, m, highlights, onSelect), col++, row);
            }
            row++;
        }
        return pane;
    }

    private static Label cell(ComparisonGrid.Cell cell, ComparisonGrid.Row row, EvidenceSource source, Messages m,
                              Highlights highlights, Consumer<ComparisonGrid.Cell> onSelect) {
        Label l = new Label(cell.present() ? display(row, cell.raw()) : "—");
        l.setId("grid-" + row.name() + "-" + source.name());
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMaxHeight(Double.MAX_VALUE);
        l.setPadding(new Insets(4, 6, 4, 6));
        l.getStyleClass().add("grid-cell");
        if (!cell.present()) {
            l.getStyleClass().add(Styles.TEXT_MUTED);
        } else if (cell.differs()) {
            l.getStyleClass().add("grid-differs");
        } else if (cell.reasonKey() != null) {
            l.getStyleClass().add("grid-normalised");
        }
        if (cell.present()) {
            l.setTooltip(new Tooltip(explain(cell, m)));
            l.setOnMouseClicked(e -> onSelect.accept(cell));
        }
        EvidenceRef ref = cell.ref();
        highlights.register(ref, l);
        if (row == ComparisonGrid.Row.USCC && source == EvidenceSource.REGULATOR) {
            highlights.register(EvidenceRef.caseField("uscc"), l);
        }
        if (row == ComparisonGrid.Row.STATUS && source == EvidenceSource.REGULATOR) {
            highlights.register(EvidenceRef.caseField("registryStatus"), l);
        }
        if (row == ComparisonGrid.Row.TERM && source == EvidenceSource.REGULATOR) {
            highlights.register(EvidenceRef.caseField("termTo"), l);
        }
        return l;
    }

    private static String display(ComparisonGrid.Row row, String raw) {
        if (row == ComparisonGrid.Row.SCOPE && raw.length() > 60) {
            return raw.substring(0, 58) + "…";
        }
        return raw;
    }

    /** The raw value, its normalised form, and why it differs (or why a different spelling still agrees). */
    static String explain(ComparisonGrid.Cell cell, Messages m) {
        StringBuilder sb = new StringBuilder(cell.raw());
        sb.append("\n").append(m.get("grid.normalised", cell.normalised()));
        if (cell.reasonKey() != null) {
            sb.append("\n").append(m.getWithKeyArgs(cell.reasonKey(),
                    cell.reasonArg() == null ? java.util.List.of() : java.util.List.of(cell.reasonArg())));
        }
        return sb.toString();
    }
}
