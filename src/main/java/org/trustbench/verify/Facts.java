package org.trustbench.verify;

import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Severity;

import java.util.List;
import java.util.Optional;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceKind;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.FilingCase;

/** Finds a case's evidence by kind and source. */
public final class Facts {

    private final FilingCase filingCase;

    public Facts(FilingCase filingCase) {
        this.filingCase = filingCase;
    }

    public FilingCase filingCase() {
        return filingCase;
    }

    public List<EvidenceItem> all(EvidenceKind kind) {
        return filingCase.evidence().stream().filter(e -> e.kind() == kind).toList();
    }

    /** The first item of {@code kind} from {@code source}. */
    public Optional<EvidenceItem> item(EvidenceKind kind, EvidenceSource source) {
        return filingCase.evidence().stream().filter(e -> e.kind() == kind && e.source() == source).findFirst();
    }

    /** A field of the first item of {@code kind} from {@code source}, if present and not blank. */
    public Optional<String> field(EvidenceKind kind, EvidenceSource source, String field) {
        return item(kind, source).map(e -> e.field(field)).filter(v -> v != null && !v.isBlank());
    }

    public static EvidenceRef ref(EvidenceItem item, String field) {
        return new EvidenceRef(item.id(), field);
    }
}
