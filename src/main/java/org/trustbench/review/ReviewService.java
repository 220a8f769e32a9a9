package org.trustbench.review;

import java.util.List;
import java.util.Optional;
import org.trustbench.caseq.CaseQueueRepository;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Finding;
import org.trustbench.verify.CheckService;
import org.trustbench.verify.ComparisonGrid;
import org.trustbench.verify.FindingRepository;
import org.trustbench.verify.ThreeChecks;
import org.trustbench.verify.rules.StalenessRule;

/** Assembles a {@link CaseReview}; blocking, for background tasks. */
public final class ReviewService {

    private final CaseQueueRepository cases;
    private final FindingRepository findings;
    private final CheckService checks;

    public ReviewService(CaseQueueRepository cases, FindingRepository findings, CheckService checks) {
        this.cases = cases;
        this.findings = findings;
        this.checks = checks;
    }

    public Optional<CaseReview> load(long caseId) {
        return cases.findCase(caseId).map(this::assemble);
    }

    /** Re-runs the rules on the case, then loads it. */
    public Optional<CaseReview> recheck(long caseId) {
        checks.checkCase(caseId);
        return load(caseId);
    }

    /**
     * Two queries for the case (see {@link CaseQueueRepository#findCase}), one for its last check and one for the trusted
     * issuers. Signatures are not verified again when the last check, by this engine version, stored the SM2 result for
     * exactly the record as it is now; trust and revocation are applied as they are now.
     */
    private CaseReview assemble(FilingCase c) {
        FindingRepository.LastCheck last = findings.lastCheck(c.id());
        List<Finding> stored = last.findings();
        Optional<FindingRepository.CheckStamp> stamp = last.stamp();
        return new CaseReview(c, stored, stamp.map(FindingRepository.CheckStamp::engineVersion).orElse(null),
                stamp.map(FindingRepository.CheckStamp::computedAt).orElse(null),
                checks.signatureStatuses(c, last.signatures()),
                ComparisonGrid.of(c), ThreeChecks.lights(stored),
                StalenessRule.latestRegistryItem(c.evidence()).map(EvidenceItem::recordedAt).orElse(null));
    }
}
