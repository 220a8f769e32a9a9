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
import org.jooq.DSLContext;
import org.trustbench.app.AppServices;
import org.trustbench.audit.VerifyResult;
import org.trustbench.domain.CaseStatus;

/**
 * What a sync operation may change in a store, as row counts: the "core" a package applies or an export marks in
 * one transaction, and the rule results an import computes after it. Also the store-wide invariants a crash must
 * never break (audit chain, gap-free outbox).
 */
record StoreState(Map<String, Integer> core, int caseChecks, int findings) {

    static StoreState of(AppServices s) {
        DSLContext dsl = s.store().dsl();
        Map<String, Integer> core = new LinkedHashMap<>();
        core.put("filing_case", dsl.fetchCount(FILING_CASE));
        core.put("provider", dsl.fetchCount(PROVIDER));
        core.put("equipment", dsl.fetchCount(EQUIPMENT));
        core.put("evidence", dsl.fetchCount(EVIDENCE));
        core.put("attachment", dsl.fetchCount(ATTACHMENT));
        core.put("attachment_blob", dsl.fetchCount(ATTACHMENT_BLOB));
        core.put("trusted_issuer", dsl.fetchCount(TRUSTED_ISSUER));
        core.put("trusted_signer", dsl.fetchCount(TRUSTED_SIGNER));
        core.put("decision", dsl.fetchCount(DECISION));
        core.put("decision_signoff", dsl.fetchCount(DECISION_SIGNOFF));
        core.put("outbox", dsl.fetchCount(OUTBOX));
        core.put("outbox exported", dsl.fetchCount(OUTBOX, OUTBOX.EXPORTED_IN.isNotNull()));
        core.put("cases EXPORTED", dsl.fetchCount(FILING_CASE, FILING_CASE.STATUS.eq(CaseStatus.EXPORTED.name())));
        core.put("sync_package", dsl.fetchCount(SYNC_PACKAGE));
        core.put("audit_log", dsl.fetchCount(AUDIT_LOG));
        core.put("audit IMPORT", dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("IMPORT")));
        core.put("audit EXPORT", dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("EXPORT")));
        return new StoreState(Map.copyOf(core), dsl.fetchCount(CASE_CHECK), dsl.fetchCount(FINDING));
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
