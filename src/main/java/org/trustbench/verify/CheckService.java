package org.trustbench.verify;

import java.security.PublicKey;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.audit.AuditAction;
import org.trustbench.audit.AuditRepository;
import org.trustbench.caseq.CaseQueueRepository;
import org.trustbench.crypto.RegistryRecordSignature;
import org.trustbench.crypto.Sm2;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Finding;
import org.trustbench.domain.TrustedIssuer;
import org.trustbench.verify.CheckInput.SignatureStatus;

/**
 * Runs the verification rules over stored cases and stores the findings with the engine version
 * and the time. Signature checks and attachment digests are computed here, so the rules stay pure.
 */
public final class CheckService {

    private static final Logger LOG = LoggerFactory.getLogger(CheckService.class);
    private static final int BATCH = 500;

    private final CaseQueueRepository cases;
    private final FindingRepository findings;
    private final VerificationEngine engine;
    private final VerificationSettings settings;
    private final Clock clock;
    private final AuditRepository audit;

    /** Progress of a bulk re-check. */
    @FunctionalInterface
    public interface Progress {
        void done(long checked, long total);
    }

    public CheckService(CaseQueueRepository cases, FindingRepository findings, VerificationEngine engine,
                        VerificationSettings settings, AuditRepository audit, Clock clock) {
        this.audit = audit;
        this.cases = cases;
        this.findings = findings;
        this.engine = engine;
        this.settings = settings;
        this.clock = clock;
    }

    /** Re-runs the rules on one case and stores the result. */
    public List<Finding> checkCase(long caseId) {
        FilingCase c = cases.findCase(caseId).orElseThrow(() -> new IllegalArgumentException("no case " + caseId));
        List<Finding> result = engine.check(input(c, trustedKeys(), findings.corruptBlobsOfCase(caseId)));
        findings.save(Map.of(caseId, result), VerificationEngine.VERSION, OffsetDateTime.now(clock));
        return result;
    }

    /** The findings for a case as its rules would report them now, without storing them. */
    public List<Finding> evaluate(FilingCase c) {
        return engine.check(input(c, trustedKeys(), findings.corruptBlobsOfCase(c.id())));
    }

    /** Re-checks every case, in batches of one transaction each, and records who asked. Returns how many were checked. */
    public long checkAll(String actor, Progress progress, BooleanSupplier cancelled) {
        long n = checkIds(findings.allCaseIds(), progress, cancelled);
        audit.append(actor, AuditAction.RECHECK, "cases:all", Map.of("checked", n, "engineVersion", VerificationEngine.VERSION,
                "cancelled", cancelled.getAsBoolean()));
        return n;
    }

    /** Checks the cases never checked, or checked by another engine version. */
    public long checkOutdated(Progress progress, BooleanSupplier cancelled) {
        return checkIds(findings.outdatedCaseIds(VerificationEngine.VERSION), progress, cancelled);
    }

    private long checkIds(List<Long> ids, Progress progress, BooleanSupplier cancelled) {
        IssuerKeys keys = trustedKeys();
        Set<String> corrupt = ids.isEmpty() ? Set.of() : findings.corruptBlobs();
        long done = 0;
        progress.done(0, ids.size());
        for (int from = 0; from < ids.size(); from += BATCH) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            Map<Long, List<Finding>> batch = new LinkedHashMap<>();
            for (Long id : ids.subList(from, Math.min(ids.size(), from + BATCH))) {
                cases.findCase(id).ifPresent(c -> batch.put(id, engine.check(input(c, keys, corrupt))));
            }
            findings.save(batch, VerificationEngine.VERSION, OffsetDateTime.now(clock));
            done += batch.size();
            progress.done(done, ids.size());
        }
        return done;
    }

    private CheckInput input(FilingCase c, IssuerKeys keys, Set<String> corrupt) {
        return new CheckInput(c, LocalDate.now(clock), settings, signatureStatuses(c, keys), corrupt);
    }

    /** The signature result of each registry record of {@code c}, by evidence id. */
    public Map<Long, SignatureStatus> signatureStatuses(FilingCase c) {
        return signatureStatuses(c, trustedKeys());
    }

    private static Map<Long, SignatureStatus> signatureStatuses(FilingCase c, IssuerKeys keys) {
        Map<Long, SignatureStatus> signatures = new HashMap<>();
        for (EvidenceItem e : c.evidence()) {
            if (e.source() == EvidenceSource.REGULATOR) {
                signatures.put(e.id(), signatureStatus(e, keys));
            }
        }
        return signatures;
    }

    public VerificationSettings settings() {
        return settings;
    }

    /**
     * A signature by a key revoked (effective now) is {@link SignatureStatus#REVOKED} when it would otherwise be valid:
     * the content is unchanged, but the key is no longer trusted.
     */
    static SignatureStatus signatureStatus(EvidenceItem e, IssuerKeys keys) {
        RegistryRecordSignature.Result r = RegistryRecordSignature.verify(
                e.signature() == null ? null : e.signature().value(), e.signature() == null ? null : e.signature().keyId(),
                keys.keys(), e.kind().name(), e.source().name(), e.fields(), e.validFrom(), e.validTo(), e.recordedAt());
        if (r == RegistryRecordSignature.Result.VALID && keys.revoked().contains(e.signature().keyId())) {
            return SignatureStatus.REVOKED;
        }
        return SignatureStatus.valueOf(r.name());
    }

    /** Trusted issuer keys by key id, and the ids among them revoked as of now. */
    record IssuerKeys(Map<String, PublicKey> keys, Set<String> revoked) {
    }

    /** Trusted issuer keys by key id; an unreadable key is logged and left out (its signatures then fail). */
    private IssuerKeys trustedKeys() {
        Map<String, PublicKey> keys = new HashMap<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<String> revoked = new java.util.HashSet<>();
        findings.issuerRevocations().forEach((keyId, at) -> {
            if (!at.isAfter(now)) {
                revoked.add(keyId);
            }
        });
        for (TrustedIssuer issuer : findings.trustedIssuers()) {
            try {
                PublicKey key = Sm2.decodePublicKeyPem(issuer.publicKeyPem());
                if (Sm2.fingerprint(key).equals(issuer.keyId())) {
                    keys.put(issuer.keyId(), key);
                } else {
                    LOG.warn("Trusted issuer {} has a key whose fingerprint differs; ignored", issuer.keyId());
                }
            } catch (RuntimeException e) {
                LOG.warn("Trusted issuer {} has an unreadable public key", issuer.keyId(), e);
            }
        }
        return new IssuerKeys(keys, Set.copyOf(revoked));
    }
}
