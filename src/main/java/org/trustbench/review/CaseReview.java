package org.trustbench.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Finding;
import org.trustbench.verify.CheckInput.SignatureStatus;
import org.trustbench.verify.ComparisonGrid;
import org.trustbench.verify.ThreeChecks;

/**
 * Everything the review screen shows for one case, assembled off the FX thread.
 *
 * @param engineVersion      engine that computed the findings, {@code null} if never checked
 * @param computedAt         when the findings were computed, {@code null} if never checked
 * @param registryRefreshedAt when the registry data was last refreshed, {@code null} if there is none
 */
public record CaseReview(FilingCase filingCase, List<Finding> findings, String engineVersion, OffsetDateTime computedAt,
                         Map<Long, SignatureStatus> signatures, ComparisonGrid grid,
                         Map<ThreeChecks.Check, ThreeChecks.Light> lights, OffsetDateTime registryRefreshedAt) {

    public CaseReview {
        findings = List.copyOf(findings);
        signatures = Map.copyOf(signatures);
        lights = Map.copyOf(lights);
    }
}
