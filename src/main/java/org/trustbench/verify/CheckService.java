package org.trustbench.verify;

import java.security.PublicKey;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.audit.AuditAction;
import org.trustbench.audit.AuditRepository;
import org.trustbench.caseq.CaseQueueRepository;
import org.trustbench.concurrent.Futures;
import org.trustbench.crypto.Sm2;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Finding;
import org.trustbench.verify.CheckInput.SignatureStatus;

/**
 * Runs the verification rules over stored cases and stores the findings with the engine version
 * and the time. Signature checks and attachment digests are computed here, so the rules stay pure.
 *
 * <p>The SM2 result of each registry signature is stored with the findings, tagged with HMAC-SM3 under a key derived
 * from the workstation's private key ({@link SignatureResultMac}, docs/adr/0009). A later check or opening of the case
 * uses a stored result instead of verifying SM2 only if its input digest is that of the record as it is now, its tag
 * verifies, and it was stored by this engine version; otherwise the signature is verified afresh. Whether the key is
 * trusted and whether it is revoked is decided afresh every time, never stored.
 */
public final class CheckService {

    private static final Logger LOG = LoggerFactory.getLogger(CheckService.class);
    /** Cases loaded, checked and stored together by the bulk checks (one transaction per batch). */
    public static final int BATCH = 500;

    private final CaseQueueRepository cases;
    private final FindingRepository findings;
    private final VerificationEngine engine;
    private final VerificationSettings settings;
    private final Clock clock;
    private final AuditRepository audit;
    private final SignatureResultMac mac;
    private final Sm2Verifier verifier;
    private final Map<String, PreparedKey> preparedKeys = new ConcurrentHashMap<>();

    /** Progress of a bulk re-check. */
    @FunctionalInterface
    public interface Progress {
        void done(long checked, long total);
    }

    /**
     * @param mac      authenticates the stored SM2 results (keyed from the workstation's private key)
     * @param verifier the SM2 verification, {@link Sm2Verifier#STANDARD} in the application
     */
    public CheckService(CaseQueueRepository cases, FindingRepository findings, VerificationEngine engine,
                        VerificationSettings settings, AuditRepository audit, Clock clock, SignatureResultMac mac,
                        Sm2Verifier verifier) {
        this.audit = audit;
        this.mac = mac;
        this.verifier = verifier;
        this.cases = cases;
        this.findings = findings;
        this.engine = engine;
        this.settings = settings;
        this.clock = clock;
    }

    /** Re-runs the rules on one case and stores the result (stored SM2 results are used as the class comment says). */
    public List<Finding> checkCase(long caseId) {
        FilingCase c = cases.findCase(caseId).orElseThrow(() -> new IllegalArgumentException("no case " + caseId));
        Map<Long, FindingRepository.StoredCheck> last = findings.storedChecks(List.of(caseId), VerificationEngine.VERSION);
        Map<String, StoredSignatureResult> stored = mac.verified(VerificationEngine.VERSION,
                last.getOrDefault(caseId, FindingRepository.StoredCheck.NONE).signatures());
        FindingRepository.CaseResult result = check(c, trustedKeys(), findings.corruptBlobsOfCase(caseId), stored,
                d -> null, new HashMap<>());
        findings.save(Map.of(caseId, result), VerificationEngine.VERSION, OffsetDateTime.now(clock), last);
        return result.findings();
    }

    /** The findings for a case as its rules would report them now, without storing them. */
    public List<Finding> evaluate(FilingCase c) {
        return check(c, trustedKeys(), findings.corruptBlobsOfCase(c.id()), Map.of(), d -> null, new HashMap<>()).findings();
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

    /**
     * Checks the given cases in batches of one transaction each (the bulk path: one trusted-key lookup and one scan of
     * the attachment digests for all of them, instead of per case as {@link #checkCase} does).
     */
    public long checkCases(List<Long> ids, Progress progress, BooleanSupplier cancelled) {
        return checkIds(ids, progress, cancelled);
    }

    /**
     * A check of an import's new cases inside its transaction ({@link ImportCheck}); {@linkplain #start start} it once
     * the package's issuer keys are applied, and close it when the import ends.
     */
    public ImportCheck importCheck() {
        return new ImportCheck((c, keys, corrupt, memo) -> check(c, keys, corrupt, Map.of(), memo::get, memo), findings,
                findings::corruptBlobs, clock);
    }

    /** Starts {@code check} with the trusted issuer keys as {@code tx} (the import's transaction) has them. */
    public void start(ImportCheck check, DSLContext tx) {
        check.start(trustedKeys(findings.issuerRows(tx)));
    }

    /**
     * One worker per core takes the next batch, loads it (three queries: two for the cases, one for their stored checks)
     * and runs its rules (SM2 signature checks included where no trusted stored result covers them); a writer thread
     * stores each checked batch (findings, check stamp and SM2 results in one transaction; an unchanged result only
     * moves its stamp). Loading and checking use every core and overlap with storing; at most two batches per worker
     * wait for the writer, so memory stays bounded. Progress counts stored cases; the first failure stops the run and is
     * thrown here once the batches under way have ended; after a cancellation no batch starts, and those already
     * checked are stored. SM2 results are memoised by input digest for the run (a registry record shared by several
     * cases is verified once).
     */
    private long checkIds(List<Long> ids, Progress progress, BooleanSupplier cancelled) {
        Map<String, Boolean> verified = new ConcurrentHashMap<>();
        IssuerKeys keys = trustedKeys();
        Set<String> corrupt = ids.isEmpty() ? Set.of() : findings.corruptBlobs();
        int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), (ids.size() + BATCH - 1) / BATCH));
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemon("check-worker"));
        ExecutorService writer = Executors.newSingleThreadExecutor(daemon("check-writer"));
        try {
            return checkIds(ids, progress, cancelled, keys, corrupt, verified, workers, pool, writer);
        } finally {
            pool.shutdown();
            writer.shutdown();
        }
    }

    private long checkIds(List<Long> ids, Progress progress, BooleanSupplier cancelled, IssuerKeys keys, Set<String> corrupt,
                          Map<String, Boolean> verified, int workers, ExecutorService pool, ExecutorService writer) {
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Semaphore inFlight = new Semaphore(2 * workers);
        List<CompletableFuture<Void>> batches = new ArrayList<>();
        progress.done(0, ids.size());
        for (int from = 0; from < ids.size(); from += BATCH) {
            inFlight.acquireUninterruptibly();
            if (failure.get() != null || cancelled.getAsBoolean()) {
                inFlight.release();
                break;
            }
            List<Long> batchIds = ids.subList(from, Math.min(ids.size(), from + BATCH));
            CompletableFuture<Void> batch = CompletableFuture.supplyAsync(() -> {
                if (failure.get() != null || cancelled.getAsBoolean()) {
                    return null; // another batch failed, or the run was cancelled: this batch is left as it was
                }
                List<FilingCase> loaded = cases.findCases(batchIds);
                Map<Long, FindingRepository.StoredCheck> stored = findings.storedChecks(batchIds, VerificationEngine.VERSION);
                return new Checked(evaluate(loaded, stored, keys, corrupt, verified), stored);
            }, pool).thenAcceptAsync(checked -> {
                if (checked == null || failure.get() != null) {
                    return;
                }
                findings.save(checked.results(), VerificationEngine.VERSION, OffsetDateTime.now(clock), checked.stored());
                progress.done(done.addAndGet(checked.results().size()), ids.size());
            }, writer).whenComplete((ok, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
                inFlight.release();
            });
            batches.add(batch);
        }
        // every batch handed out ends (stored, or skipped after a failure) before this returns: no work is left behind
        CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        for (CompletableFuture<Void> batch : batches) {
            Futures.join(batch);
        }
        return done.get();
    }

    /** A checked batch: each case's result, and what its last check stored. */
    private record Checked(Map<Long, FindingRepository.CaseResult> results, Map<Long, FindingRepository.StoredCheck> stored) {
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * The rules on each case of a batch, in the cases' order, on the calling thread. A case's stored SM2 results are
     * used where their tags verify ({@link SignatureResultMac#verified}); {@code verified} memoises SM2 results by input
     * digest for this run (registry records shared by several cases are verified once).
     */
    private Map<Long, FindingRepository.CaseResult> evaluate(List<FilingCase> loaded,
                                                             Map<Long, FindingRepository.StoredCheck> stored,
                                                             IssuerKeys keys, Set<String> corrupt,
                                                             Map<String, Boolean> verified) {
        Map<Long, FindingRepository.CaseResult> batch = new LinkedHashMap<>();
        for (FilingCase c : loaded) {
            Map<String, StoredSignatureResult> own = mac.verified(VerificationEngine.VERSION,
                    stored.getOrDefault(c.id(), FindingRepository.StoredCheck.NONE).signatures());
            batch.put(c.id(), check(c, keys, corrupt, own, verified::get, verified));
        }
        return batch;
    }

    /**
     * The rules on one case; the SM2 results of its signatures come from {@code own} (its stored results whose tags
     * verified, which keep their tags) or else from {@code known} where they have them, and are added to {@code memo}.
     * The results are stored tagged.
     */
    private FindingRepository.CaseResult check(FilingCase c, IssuerKeys keys, Set<String> corrupt,
                                               Map<String, StoredSignatureResult> own, Function<String, Boolean> known,
                                               Map<String, Boolean> memo) {
        Map<String, Boolean> results = new HashMap<>();
        Map<Long, SignatureStatus> statuses = signatureStatuses(c, keys, d -> {
            StoredSignatureResult r = own.get(d);
            return r != null ? Boolean.valueOf(r.valid()) : known.apply(d);
        }, results);
        List<Finding> found = engine.check(new CheckInput(c, LocalDate.now(clock), settings, statuses, corrupt));
        memo.putAll(results);
        return new FindingRepository.CaseResult(found, mac.tagAll(VerificationEngine.VERSION, results, own));
    }

    /** The signature result of each registry record of {@code c}, by evidence id, every signature verified now. */
    public Map<Long, SignatureStatus> signatureStatuses(FilingCase c) {
        return signatureStatuses(c, trustedKeys(), d -> null, new HashMap<>());
    }

    /**
     * As {@link #signatureStatuses(FilingCase)}, taking the SM2 results the case's last check stored
     * ({@link FindingRepository.LastCheck#signatures}) where a record's inputs are exactly those then checked and the
     * result's tag verifies under this engine version; trust and revocation are decided from the trusted issuers as
     * they are now. Gives what a fresh check would give.
     */
    public Map<Long, SignatureStatus> signatureStatuses(FilingCase c, Map<String, StoredSignatureResult> stored) {
        return signatureStatuses(c, trustedKeys(), mac.trusted(VerificationEngine.VERSION, stored)::get, new HashMap<>());
    }

    private static Map<Long, SignatureStatus> signatureStatuses(FilingCase c, IssuerKeys keys, Function<String, Boolean> known,
                                                                Map<String, Boolean> verified) {
        Map<Long, SignatureStatus> signatures = new HashMap<>();
        for (EvidenceItem e : c.evidence()) {
            if (e.source() == EvidenceSource.REGULATOR) {
                signatures.put(e.id(), keys.status(e, known, verified));
            }
        }
        return signatures;
    }

    public VerificationSettings settings() {
        return settings;
    }

    /**
     * Trusted issuer keys by key id, and the revoked ones; an unreadable key is logged and left out (its signatures
     * then fail). The list is read from the store every time (one query); prepared keys are kept by their PEM text,
     * which decides them completely.
     */
    private IssuerKeys trustedKeys() {
        return trustedKeys(findings.issuerRows());
    }

    private IssuerKeys trustedKeys(List<FindingRepository.IssuerRow> rows) {
        Map<String, Sm2.VerifyKey> keys = new HashMap<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<String> revoked = new java.util.HashSet<>();
        for (FindingRepository.IssuerRow issuer : rows) {
            if (issuer.revokedAt() != null && !issuer.revokedAt().isAfter(now)) {
                revoked.add(issuer.keyId());
            }
            try {
                PreparedKey key = preparedKeys.computeIfAbsent(issuer.publicKeyPem(), PreparedKey::of);
                if (key.fingerprint().equals(issuer.keyId())) {
                    keys.put(issuer.keyId(), key.key());
                } else {
                    LOG.warn("Trusted issuer {} has a key whose fingerprint differs; ignored", issuer.keyId());
                }
            } catch (RuntimeException e) {
                LOG.warn("Trusted issuer {} has an unreadable public key", issuer.keyId(), e);
            }
        }
        return new IssuerKeys(keys, revoked, verifier);
    }

    /** A decoded issuer key, prepared for verification, with its fingerprint. */
    private record PreparedKey(Sm2.VerifyKey key, String fingerprint) {
        static PreparedKey of(String pem) {
            PublicKey k = Sm2.decodePublicKeyPem(pem);
            return new PreparedKey(Sm2.verifyKey(k), Sm2.fingerprint(k));
        }
    }
}
