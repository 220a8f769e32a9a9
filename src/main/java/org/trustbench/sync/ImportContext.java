package org.trustbench.sync;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.trustbench.domain.FilingCase;
import org.trustbench.verify.CheckService;
import org.trustbench.verify.ImportCheck;
import org.jooq.DSLContext;
import org.trustbench.crypto.Sm3;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.sync.conflict.ConflictField;
import org.trustbench.sync.conflict.ConflictKind;
import org.trustbench.sync.conflict.ConflictRepository;
import org.trustbench.sync.format.PackageRecord;
import org.trustbench.sync.format.Progress;
import org.trustbench.sync.format.RecordType;
import org.trustbench.sync.format.VerifiedPackage;

/**
 * One package being applied inside one transaction: the transaction, who imports, the counts, the cases to re-check
 * once it has committed, and the progress of the apply phase. Not thread-safe; lives as long as the transaction.
 */
final class ImportContext {

    final DSLContext tx;
    final VerifiedPackage pkg;
    final String packageId;
    final String actor;
    final OffsetDateTime now;
    private final ConflictRepository conflicts;
    private final SyncCaseRepository cases;
    private final BooleanSupplier cancelled;
    private final Progress progress;
    private final long total;
    private long done;
    private final Map<String, Long> applied = new LinkedHashMap<>();
    private long skipped;
    private long conflictCount;
    private final Set<Long> recheck = new LinkedHashSet<>();
    private final List<Long> newCases = new java.util.ArrayList<>();
    private final Set<String> blobsStored = new HashSet<>();
    private final ImportCheck check;

    /** {@code check}: checks the new cases in this transaction (started by {@link #startCheck}). */
    ImportContext(DSLContext tx, VerifiedPackage pkg, String actor, OffsetDateTime now, ConflictRepository conflicts,
                  SyncCaseRepository cases, BooleanSupplier cancelled, Progress progress, long total,
                  ImportCheck check) {
        this.check = check;
        this.tx = tx;
        this.pkg = pkg;
        this.packageId = pkg.manifest().header().packageId().toString();
        this.actor = actor;
        this.now = now;
        this.conflicts = conflicts;
        this.cases = cases;
        this.cancelled = cancelled;
        this.progress = progress;
        this.total = Math.max(1, total);
    }

    /** Called before each record: stops when the user cancelled, reports progress. */
    void step() {
        checkCancelled();
        done++;
        progress.update(ImportService.PHASE + Math.min(ImportService.PHASE, done * ImportService.PHASE / total),
                ImportService.TOTAL);
    }

    /** Stops (the transaction rolls back) when the user cancelled. */
    void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException();
        }
    }

    void applied(RecordType type) {
        applied.merge(type.typeName(), 1L, Long::sum);
    }

    void skipped() {
        skipped++;
    }

    /** A case the package added. */
    void newCase(long caseId) {
        newCases.add(caseId);
        recheck.add(caseId);
    }

    /** Starts the check of new cases with the issuer keys as this transaction has them (after the package's own). */
    void startCheck(CheckService checks) {
        checks.start(check, tx);
    }

    /** New cases just inserted, exactly as the store reads them back: checked beside the apply (ImportCheck). */
    void inserted(List<FilingCase> stored) {
        check.offer(stored);
    }

    /**
     * Stores the results of the new cases checked so far in this transaction (with {@code all}, of every case offered,
     * waiting for them); those cases are not checked again after the commit unless the package changes them later.
     */
    void storeChecked(boolean all) {
        if (check.started()) {
            recheck.removeAll(check.store(tx, all));
        }
    }

    List<Long> newCaseIds() {
        return List.copyOf(newCases);
    }

    /** A record held with a conflict recorded earlier (a sign-off waiting with its decision). */
    void held() {
        conflictCount++;
    }

    void recheck(long caseId) {
        recheck.add(caseId);
    }

    void recheck(List<Long> caseIds) {
        recheck.addAll(caseIds);
    }

    /** Records a conflict for an officer; the incoming record is kept as the package carried it. */
    long conflict(ConflictKind kind, PackageRecord r, String caseNo, String uscc, String recordKey, List<ConflictField> fields) {
        conflictCount++;
        return conflicts.insert(tx, new ConflictRepository.NewConflict(packageId, kind, caseNo, uscc, recordKey,
                r.type().entryPath(), r.line(), fields, r.json().toString()), now);
    }

    /** Stores the attachment's content from the package unless the store has it. */
    void storeBlob(String sm3) {
        if (blobsStored.add(sm3) && !cases.blobExists(tx, sm3)) {
            cases.insertBlob(tx, sm3, readAttachment(sm3));
        }
    }

    /**
     * As {@link #storeBlob} for many digests with one query: the contents the store lacks are read from the package
     * (once per package) and stored.
     */
    void storeBlobs(Collection<String> sm3s) {
        List<String> fresh = sm3s.stream().filter(blobsStored::add).toList();
        Set<String> present = cases.blobsPresent(tx, fresh);
        for (String sm3 : fresh) {
            if (!present.contains(sm3)) {
                cases.insertBlob(tx, sm3, readAttachment(sm3));
            }
        }
    }

    /** The attachment's bytes, re-hashed: the package's own check runs at the end of the stream, this one too. */
    private byte[] readAttachment(String sm3) {
        byte[] content;
        try (InputStream in = pkg.openAttachment(sm3)) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UserException(UserMessage.of("sync.import.attachment", "attachments/" + sm3,
                    String.valueOf(e.getMessage())), e);
        }
        if (!Sm3.hex(content).equals(sm3)) {
            throw new UserException(UserMessage.of("sync.import.attachment", "attachments/" + sm3, "SM3 mismatch"));
        }
        return content;
    }

    /** Counts per record type name, with every type of the package present (0 when none applied). */
    Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        pkg.manifest().counts().forEach((t, n) -> out.put(t.typeName(), applied.getOrDefault(t.typeName(), 0L)));
        applied.forEach(out::putIfAbsent);
        return out;
    }

    long skippedCount() {
        return skipped;
    }

    long conflictCount() {
        return conflictCount;
    }

    List<Long> recheckIds() {
        return List.copyOf(recheck);
    }

    /** Refuses the package at this record: nothing is applied. */
    static UserException refuse(PackageRecord r, String key, Object... more) {
        Object[] args = new Object[more.length + 2];
        args[0] = r.type().entryPath();
        args[1] = r.line();
        System.arraycopy(more, 0, args, 2, more.length);
        return new UserException(UserMessage.of(key, args));
    }
}
