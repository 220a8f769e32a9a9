package org.trustbench.verify.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.verify.CheckInput;
import org.trustbench.verify.Facts;
import org.trustbench.domain.Finding;
import org.trustbench.verify.Rule;
import org.trustbench.domain.Severity;

/** REGISTRY-STALE: the registry data was last refreshed longer ago than the configured age. */
public final class StalenessRule implements Rule {

    @Override
    public List<String> ids() {
        return List.of("REGISTRY-STALE");
    }

    /** When the registry data of a case was last refreshed: the newest REGULATOR item. */
    public static Optional<EvidenceItem> latestRegistryItem(List<EvidenceItem> evidence) {
        return evidence.stream().filter(e -> e.source() == EvidenceSource.REGULATOR)
                .max(Comparator.comparing(EvidenceItem::recordedAt));
    }

    @Override
    public void check(CheckInput input, List<Finding> out) {
        Optional<EvidenceItem> latest = latestRegistryItem(input.filingCase().evidence());
        if (latest.isEmpty()) {
            return;
        }
        LocalDate refreshed = latest.get().recordedAt().toLocalDate();
        if (refreshed.plus(input.settings().registryMaxAge()).isBefore(input.today())) {
            out.add(Finding.of("REGISTRY-STALE", Severity.WARNING, "old", List.of(Facts.ref(latest.get(), null)), refreshed,
                    ChronoUnit.DAYS.between(refreshed, input.today())));
        }
    }
}
