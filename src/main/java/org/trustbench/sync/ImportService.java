package org.trustbench.sync;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.trustbench.audit.AuditAction;
import org.trustbench.audit.AuditRepository;
import org.trustbench.caseq.CaseQueueRepository;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.intake.CaseIntakeRepository;
import org.trustbench.sync.conflict.ConflictRepository;
import org.trustbench.sync.conflict.IncomingApplier;
import org.trustbench.sync.format.Direction;
import org.trustbench.sync.format.Limits;
import org.trustbench.sync.format.PackageVerifier;
import org.trustbench.sync.format.Progress;
import org.trustbench.sync.format.RecordFeed;
import org.trustbench.sync.format.RecordType;
import org.trustbench.sync.format.VerifiedPackage;
import org.trustbench.sync.keys.SignerRole;
import org.trustbench.sync.keys.TrustedSigner;
import org.trustbench.sync.keys.TrustedSignerRepository;
import org.trustbench.verify.CheckService;
import org.trustbench.verify.ImportCheck;

/**
 * Imports a package (docs/sync-format.md, "Import"). The whole package is verified against the trusted signers before
 * anything is committed; an inbound package must be signed by a CENTRAL signer, an outbound one (a workstation's
 * decisions, imported on a central or supervisor desk) by a WORKSTATION signer, and a demo package only goes into a demo
 * store and the reverse. Once the manifest's signature is verified, every record is applied, skipped or held as a
 * conflict in one transaction together with the package history and the audit entry, while the content is verified
 * beside it ({@link ContentVerification}); the transaction commits only after that has passed, and any refusal rolls
 * it back. Then the rules are re-run on the affected cases. Importing a package again is a no-op, reported
 * as already imported. Any refusal, and a cancelled import, leaves the store unchanged.
 */
public final class ImportService {

    /**
     * Progress runs from 0 to {@link #TOTAL}: the verification (by bytes) and the apply (by records), which run side by
     * side, one PHASE each, then the check of the cases added or changed (by cases), one PHASE.
     */
    public static final long PHASE = 1000;
    /** The end of the progress: three {@link #PHASE}s. */
    public static final long TOTAL = 3 * PHASE;

    private final SyncPackageRepository packages;
    private final TrustedSignerRepository trustedSigners;
    private final ConflictRepository conflicts;
    private final SyncCaseRepository cases;
    private final CheckService checks;
    private final AuditRepository audit;
    private final boolean demo;
    private final Clock clock;
    private final InboundApplier inbound;
    private final RegistryUpdateApplier registry;
    private final OutboundApplier outbound;

    /**
     * What an import did.
     *
     * @param counts          records applied per type name ({@code case}, {@code issuer_key}, {@code decision} …; every
     *                        type the package carries is present); for an already imported package, the package's own
     *                        counts
     * @param alreadyImported true when the package was in the history and nothing was changed
     * @param caseIds         the ids of the new cases (empty when already imported)
     * @param conflicts       records not applied but held as conflicts for an officer to resolve
     * @param skipped         records skipped: already present with the same content, or about an unknown provider
     */
    public record ImportResult(UUID packageId, Map<String, Long> counts, boolean alreadyImported, List<Long> caseIds,
                               long conflicts, long skipped) {
        public ImportResult {
            counts = Map.copyOf(counts);
            caseIds = List.copyOf(caseIds);
        }

        /** Records applied, all types together. */
        public long applied() {
            return alreadyImported ? 0 : counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * @param workstationId this store's workstation id (read when an outbound package is first applied): decisions it
     *                      exported may come back superseded
     */
    public ImportService(SyncPackageRepository packages, CaseIntakeRepository intake, SyncCaseRepository cases,
                         SyncDecisionRepository decisions, ConflictRepository conflicts, CaseQueueRepository caseQueue,
                         TrustedSignerRepository trustedSigners, CheckService checks, AuditRepository audit,
                         java.util.function.Supplier<String> workstationId, boolean demo, Clock clock) {
        this.packages = Objects.requireNonNull(packages, "packages");
        this.trustedSigners = Objects.requireNonNull(trustedSigners, "trustedSigners");
        this.conflicts = Objects.requireNonNull(conflicts, "conflicts");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.demo = demo;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.inbound = new InboundApplier(intake, cases, caseQueue, conflicts);
        this.registry = new RegistryUpdateApplier(cases, caseQueue, inbound);
        this.outbound = new OutboundApplier(cases, decisions, conflicts, audit, workstationId);
    }

    /** What {@link org.trustbench.sync.conflict.ConflictService} uses to apply the incoming side of a conflict. */
    public IncomingApplier conflictApplier() {
        return new ConflictApplier(inbound, registry, outbound);
    }

    /**
     * Verifies and applies {@code file}. Blocking.
     *
     * @return the result, or {@code null} when {@code cancelled} turned true (nothing was applied)
     * @throws org.trustbench.sync.format.PackageException if the package is refused (entry, line and reason named)
     * @throws UserException                                if it cannot be applied (entry, line and reason named)
     */
    public ImportResult importPackage(Path file, String actor, BooleanSupplier cancelled) {
        return importPackage(file, actor, Progress.NONE, cancelled);
    }

    /**
     * As {@link #importPackage(Path, String, BooleanSupplier)}, reporting progress from 0 to {@link #TOTAL}: the
     * verification (by bytes) and the apply (by records), which run side by side, count for one {@link #PHASE} each, and
     * the check of the cases added or changed, after the commit, for the third.
     */
    public ImportResult importPackage(Path file, String actor, Progress progress, BooleanSupplier cancelled) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(progress, "progress");
        PackageVerifier.SignedPackage signed = PackageVerifier.open(file,
                trustedSigners.publicKeys(SignerRole.CENTRAL, SignerRole.WORKSTATION), Limits.DEFAULT);
        try (VerifiedPackage pkg = signed.pkg()) {
            UUID packageId = pkg.manifest().header().packageId();
            if (roleOf(pkg) != expectedRole(pkg) || pkg.manifest().header().demo() != demo
                    || packages.known(packageId.toString())) {
                // A refusal, or the answer that it is already imported, comes after the whole package was verified.
                try {
                    new ContentVerification(signed, progress, cancelled).await();
                } catch (CancellationException e) {
                    return null;
                }
                requireRole(pkg);
                pkg.requireDemo(demo);
                Map<String, Long> counts = new LinkedHashMap<>();
                pkg.manifest().counts().forEach((t, n) -> counts.put(t.typeName(), n));
                return new ImportResult(packageId, counts, true, List.of(), 0, 0);
            }
            if (cancelled.getAsBoolean()) {
                return null;
            }
            // The content is verified beside the apply, which commits only once that has passed (ContentVerification).
            // The verification hands the bulk entry's records to the apply as it checks them, so that entry is read,
            // hashed, parsed and checked once (and new cases are made from their records on its thread).
            RecordFeed bulk = pkg.manifest().header().direction() == Direction.INBOUND
                    ? signed.feed(RecordType.CASE, InboundApplier.CASE) : signed.feed(RecordType.DECISION);
            ContentVerification content = new ContentVerification(signed, progress, cancelled);
            // The new cases are checked on a thread of their own while the apply inserts them, in its transaction.
            try (ImportCheck check = checks.importCheck()) {
                return apply(file, actor, progress, cancelled, signed, content, check);
            } finally {
                bulk.abandon(); // if the apply stopped before reading it, the verification must not wait for it
            }
        }
    }

    /** Applies a verified, acceptable package in one transaction, then checks the cases it added or changed. */
    private ImportResult apply(Path file, String actor, Progress progress, BooleanSupplier cancelled,
                               PackageVerifier.SignedPackage signed, ContentVerification content,
                               ImportCheck check) {
        VerifiedPackage pkg = signed.pkg();
        UUID packageId = pkg.manifest().header().packageId();
        ImportContext done;
        try {
            done = packages.dsl().transactionResult(tx -> {
                ImportContext applied = applyRecords(new ImportContext(tx.dsl(), pkg, actor, OffsetDateTime.now(clock), conflicts,
                        cases, () -> cancelled.getAsBoolean() || content.failed(), content.applyProgress(),
                        pkg.manifest().totalRecords(), check), file);
                content.await();
                applied.checkCancelled(); // honoured up to the commit
                return applied;
            });
        } catch (RuntimeException e) {
            RuntimeException cause = content.rootCause(e);
            if (cause instanceof CancellationException) {
                return null;
            }
            throw cause;
        }
        // The cases not checked in the transaction (those the package changed, and any new case whose check there did
        // not store its results): the bulk path, one trusted-key lookup and one digest scan, batches pipelined with the
        // rules. Not cancellable: the package is applied, and a case left unchecked would be checked at the next start.
        checks.checkCases(done.recheckIds(), (n, total) -> progress.update(2 * PHASE + (total == 0 ? PHASE : n * PHASE / total),
                TOTAL), () -> false);
        progress.update(TOTAL, TOTAL);
        return new ImportResult(packageId, done.counts(), false, done.newCaseIds(), done.conflictCount(),
                done.skippedCount());
    }

    /** An inbound package comes from a CENTRAL signer, an outbound one from a WORKSTATION signer; nothing else. */
    private void requireRole(VerifiedPackage pkg) {
        SignerRole expected = expectedRole(pkg);
        SignerRole actual = roleOf(pkg);
        if (actual != expected) {
            String shortId = pkg.signerKeyId().length() > 16 ? pkg.signerKeyId().substring(0, 16) : pkg.signerKeyId();
            throw new UserException(UserMessage.of("sync.import.wrongRole", pkg.manifest().header().direction().json(), shortId,
                    actual == null ? "-" : actual.name().toLowerCase(java.util.Locale.ROOT),
                    expected.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    private static SignerRole expectedRole(VerifiedPackage pkg) {
        return pkg.manifest().header().direction() == Direction.INBOUND ? SignerRole.CENTRAL : SignerRole.WORKSTATION;
    }

    private SignerRole roleOf(VerifiedPackage pkg) {
        return trustedSigners.find(pkg.signerKeyId()).map(TrustedSigner::role).orElse(null);
    }

    /** Applies every record in {@code ctx}'s transaction, then records the package in the history and the audit trail. */
    private ImportContext applyRecords(ImportContext ctx, Path file) {
        if (ImportRepository.packageKnown(ctx.tx, ctx.packageId)) {
            // Another import of the same package finished meanwhile; the history's key would refuse it anyway.
            throw new UserException(UserMessage.of("sync.import.already", ctx.packageId));
        }
        if (ctx.pkg.manifest().header().direction() == Direction.INBOUND) {
            inbound.issuerKeys(ctx);
            ctx.startCheck(checks);
            inbound.cases(ctx);
            registry.apply(ctx);
        } else {
            outbound.apply(ctx);
        }
        ctx.checkCancelled();
        Map<String, Long> counts = ctx.counts();
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        var header = ctx.pkg.manifest().header();
        packages.record(ctx.tx, ctx.packageId, header.direction().name(), ctx.now, ctx.pkg.signerKeyId(),
                header.sequence() == null ? null : header.sequence().from(),
                header.sequence() == null ? null : header.sequence().to(), counts, "IMPORTED",
                file.toAbsolutePath().toString());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("counts", counts);
        detail.put("skipped", ctx.skippedCount());
        detail.put("conflicts", ctx.conflictCount());
        detail.put("file", fileName);
        detail.put("signer", ctx.pkg.signerKeyId());
        detail.put("workstationId", ctx.pkg.manifest().header().workstationId());
        audit.append(ctx.tx, ctx.actor, AuditAction.IMPORT, "package:" + ctx.packageId, detail);
        return ctx;
    }
}
