package org.trustbench.verify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceKind;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.FilingCase;

/**
 * The side-by-side comparison of one case: one row per attribute, one column per source. Each
 * cell carries the raw value, its normalised form, and — when it disagrees with the registry —
 * the reason, using the same normalisation as the rules so the grid and the findings agree.
 */
public final class ComparisonGrid {

    /** Attributes compared across sources. */
    public enum Row { NAME, USCC, LEGAL_REP, ADDRESS, SCOPE, STATUS, TERM }

    /**
     * One cell.
     *
     * @param reasonKey bundle key explaining the difference, {@code null} when it agrees
     * @param reasonArg argument of that explanation (e.g. {@code #address.component.ROAD})
     */
    public record Cell(String raw, String normalised, boolean differs, String reasonKey, String reasonArg, EvidenceRef ref) {

        public boolean present() {
            return raw != null;
        }
    }

    private final Map<Row, Map<EvidenceSource, Cell>> cells;

    private ComparisonGrid(Map<Row, Map<EvidenceSource, Cell>> cells) {
        this.cells = cells;
    }

    /** The cell for {@code row} and {@code source}; an absent value is a cell with a null raw value. */
    public Cell cell(Row row, EvidenceSource source) {
        return cells.get(row).get(source);
    }

    public int differenceCount() {
        return (int) cells.values().stream().flatMap(m -> m.values().stream()).filter(Cell::differs).count();
    }

    public static ComparisonGrid of(FilingCase c) {
        Facts facts = new Facts(c);
        Map<Row, Map<EvidenceSource, Cell>> cells = new EnumMap<>(Row.class);
        licenceRow(cells, facts, Row.NAME, "name", NameNormaliser::normalise, true);
        licenceRow(cells, facts, Row.USCC, "uscc", s -> s.strip().toUpperCase(java.util.Locale.ROOT), false);
        licenceRow(cells, facts, Row.LEGAL_REP, "legalRep", NameNormaliser::normalisePerson, false);
        addressRow(cells, facts, c);
        licenceRow(cells, facts, Row.SCOPE, "scope", s -> s.replaceAll("\\s+", ""), false);
        licenceRow(cells, facts, Row.STATUS, "status", String::strip, false);
        licenceRow(cells, facts, Row.TERM, "termTo", String::strip, false);
        return new ComparisonGrid(cells);
    }

    private static void licenceRow(Map<Row, Map<EvidenceSource, Cell>> cells, Facts facts, Row row, String field,
                                   Function<String, String> normalise, boolean explainNames) {
        Map<EvidenceSource, Cell> line = new EnumMap<>(EvidenceSource.class);
        Optional<EvidenceItem> registry = facts.item(EvidenceKind.LICENCE, EvidenceSource.REGULATOR);
        String reference = registry.map(e -> e.field(field)).orElse(null);
        for (EvidenceSource source : EvidenceSource.values()) {
            Optional<EvidenceItem> item = facts.item(EvidenceKind.LICENCE, source);
            String raw = item.map(e -> e.field(field)).orElse(null);
            EvidenceRef ref = item.map(e -> new EvidenceRef(e.id(), field)).orElse(null);
            if (raw == null) {
                line.put(source, new Cell(null, null, false, null, null, ref));
                continue;
            }
            String norm = normalise.apply(raw);
            boolean differs = reference != null && source != EvidenceSource.REGULATOR && !norm.equals(normalise.apply(reference));
            String reason = null;
            if (source != EvidenceSource.REGULATOR && reference != null && !raw.equals(reference)) {
                reason = differs ? "grid.reason.different"
                        : explainNames ? "grid.reason.name." + NameNormaliser.differenceKind(reference, raw) : "grid.reason.format";
            }
            line.put(source, new Cell(raw, norm, differs, reason, null, ref));
        }
        cells.put(row, line);
    }

    private static void addressRow(Map<Row, Map<EvidenceSource, Cell>> cells, Facts facts, FilingCase c) {
        Map<EvidenceSource, Cell> line = new EnumMap<>(EvidenceSource.class);
        Address registered = Address.parse(c.provider().registeredAddress());
        Optional<EvidenceItem> registryItem = facts.item(EvidenceKind.LICENCE, EvidenceSource.REGULATOR);
        line.put(EvidenceSource.REGULATOR, new Cell(registered.raw(), registered.normalised(), false, null, null,
                registryItem.map(e -> new EvidenceRef(e.id(), "address")).orElse(EvidenceRef.caseField("registeredAddress"))));
        for (EvidenceSource source : List.of(EvidenceSource.PLATFORM, EvidenceSource.MERCHANT, EvidenceSource.INSPECTION)) {
            Optional<EvidenceItem> item = facts.item(EvidenceKind.PREMISES, source);
            String raw = item.map(e -> e.field("address")).orElse(null);
            EvidenceRef ref = item.map(e -> new EvidenceRef(e.id(), "address")).orElse(null);
            if (raw == null) {
                line.put(source, new Cell(null, null, false, null, null, ref));
                continue;
            }
            Address a = Address.parse(raw);
            List<Address.Component> diff = new ArrayList<>(registered.differences(a));
            boolean differs = !diff.isEmpty();
            String arg = differs ? "#" + diff.stream().map(d -> "address.component." + d.name()).collect(Collectors.joining(",")) : null;
            String reason = differs ? "grid.reason.address" : raw.equals(registered.raw()) ? null : "grid.reason.format";
            line.put(source, new Cell(raw, a.normalised(), differs, reason, arg, ref));
        }
        cells.put(Row.ADDRESS, line);
    }
}
