package org.trustbench.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.db.jooq.Tables.ATTACHMENT;
import static org.trustbench.db.jooq.Tables.ATTACHMENT_BLOB;
import static org.trustbench.db.jooq.Tables.AUDIT_LOG;
import static org.trustbench.db.jooq.Tables.CASE_CHECK;
import static org.trustbench.db.jooq.Tables.DECISION;
import static org.trustbench.db.jooq.Tables.DECISION_SIGNOFF;
import static org.trustbench.db.jooq.Tables.EQUIPMENT;
import static org.trustbench.db.jooq.Tables.EVIDENCE;
import static org.trustbench.db.jooq.Tables.FILING_CASE;
import static org.trustbench.db.jooq.Tables.FINDING;
import static org.trustbench.db.jooq.Tables.OUTBOX;
import static org.trustbench.db.jooq.Tables.PROVIDER;
import static org.trustbench.db.jooq.Tables.SYNC_PACKAGE;
import static org.trustbench.db.jooq.Tables.TRUSTED_ISSUER;
import static org.trustbench.db.jooq.Tables.TRUSTED_SIGNER;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.ArrayList;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.trustbench.app.AppServices;
import org.trustbench.audit.VerifyResult;
import org.trustbench.domain.CaseStatus;

/**
 * What a sync operation may change in a store, as row counts: the "core" a package applies or an export marks in
 * one transaction, and the rule results an import computes after it. Also the store-wide invariants a crash must
 * never break (audit chain, gap-free outbox).
 */
record StoreState(Map<String, Integer> core, int caseChecks, int findings) {

    /** The counts, read in one query (the fuzz test takes them after every refused mutant). */
    static StoreState of(AppServices s) {
        Map<String, Field<Integer>> counts = new LinkedHashMap<>();
        counts.put("filing_case", count(FILING_CASE, DSL.noCondition()));
        counts.put("provider", count(PROVIDER, DSL.noCondition()));
        counts.put("equipment", count(EQUIPMENT, DSL.noCondition()));
        counts.put("evidence", count(EVIDENCE, DSL.noCondition()));
        counts.put("attachment", count(ATTACHMENT, DSL.noCondition()));
        counts.put("attachment_blob", count(ATTACHMENT_BLOB, DSL.noCondition()));
        counts.put("trusted_issuer", count(TRUSTED_ISSUER, DSL.noCondition()));
        counts.put("trusted_signer", count(TRUSTED_SIGNER, DSL.noCondition()));
        counts.put("decision", count(DECISION, DSL.noCondition()));
        counts.put("decision_signoff", count(DECISION_SIGNOFF, DSL.noCondition()));
        counts.put("outbox", count(OUTBOX, DSL.noCondition()));
        counts.put("outbox exported", count(OUTBOX, OutboxRepository.exported()));
        counts.put("cases EXPORTED", count(FILING_CASE, FILING_CASE.STATUS.eq(CaseStatus.EXPORTED.name())));
        counts.put("sync_package", count(SYNC_PACKAGE, SYNC_PACKAGE.RESULT.ne(SyncPackageRepository.PENDING)));
        counts.put("audit_log", count(AUDIT_LOG, DSL.noCondition()));
        counts.put("audit IMPORT", count(AUDIT_LOG, AUDIT_LOG.ACTION.eq("IMPORT")));
        counts.put("audit EXPORT", count(AUDIT_LOG, AUDIT_LOG.ACTION.eq("EXPORT")));
        Field<Integer> checks = count(CASE_CHECK, DSL.noCondition());
        Field<Integer> findings = count(FINDING, DSL.noCondition());
        List<Field<Integer>> fields = new ArrayList<>(counts.values());
        fields.add(checks);
        fields.add(findings);
        Record row = s.store().dsl().select(fields).fetchSingle();
        Map<String, Integer> core = new LinkedHashMap<>();
        counts.forEach((name, field) -> core.put(name, row.get(field)));
        return new StoreState(Map.copyOf(core), row.get(checks), row.get(findings));
    }

    private static Field<Integer> count(Table<?> table, Condition where) {
        return DSL.field(DSL.selectCount().from(table).where(where));
    }

    /** The audit chain verifies and the outbox holds exactly 1..n, each number once. */
    static void assertInvariants(AppServices s, String where) {
        VerifyResult audit = s.audit().verify();
        assertTrue(audit.ok(), where + ": audit chain broken: " + audit);
        List<Long> seqs = s.store().dsl().select(OUTBOX.SEQ).from(OUTBOX).orderBy(OUTBOX.SEQ).fetch(OUTBOX.SEQ);
        assertEquals(LongStream.rangeClosed(1, seqs.size()).boxed().toList(), seqs, where + ": outbox sequence has a gap or a duplicate");
        assertEquals(s.outbox().lastSeq(), seqs.size(), where);
    }

    /** Copies a closed store's data folder (H2 file, workstation key) to {@code to}. */
    static void copyFolder(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteFolder(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
