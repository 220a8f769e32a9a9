package org.trustbench.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;
import org.trustbench.audit.AuditAction;
import org.trustbench.audit.AuditRepository;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.sync.format.Direction;
import org.trustbench.sync.format.ManifestHeader;
import org.trustbench.sync.format.PackageWriter;
import org.trustbench.sync.format.Progress;
import org.trustbench.sync.format.RecordSink;
import org.trustbench.sync.format.RecordType;
import org.trustbench.sync.format.SequenceRange;
import org.trustbench.sync.keys.WorkstationKeys;

/**
 * Writes the outbox since the last export (or a chosen range) as a signed outbound package.
 * The package is written to a temporary file, flushed and renamed into place by the writer; only
 * then are the records marked exported, the cases moved to EXPORTED, and the export recorded and
 * audited, in one transaction. Re-exporting a range reproduces the same records.
 */
public final class ExportService {

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();
    public static final String EXTENSION = ".tbsync";
    /** Progress is reported in thousandths of the whole export. */
    public static final long PROGRESS_TOTAL = 1000;
    private static final long HALF = PROGRESS_TOTAL / 2;

    private final SyncPackageRepository packages;
    private final OutboxRepository outbox;
    private final WorkstationKeys keys;
    private final AuditRepository audit;
    private final boolean demo;
    private final Clock clock;

    /** What an export produced. */
    public record ExportResult(Path file, UUID packageId, long from, long to, Map<String, Long> counts) {
    }

    public ExportService(SyncPackageRepository packages, OutboxRepository outbox, WorkstationKeys keys, AuditRepository audit,
                         boolean demo, Clock clock) {
        this.packages = packages;
        this.outbox = outbox;
        this.keys = keys;
        this.audit = audit;
        this.demo = demo;
        this.clock = clock;
    }

    /**
     * Exports {@code from..to} (both inclusive; {@code null} means everything after the last export, up to
     * the newest record) into {@code outDir}. Cancelling leaves no file and changes nothing.
     */
    public ExportResult export(Path outDir, String actor, Long fromSeq, Long toSeq, BooleanSupplier cancelled) {
        return export(outDir, actor, fromSeq, toSeq, Progress.NONE, cancelled);
    }

    /**
     * As {@link #export(Path, String, Long, Long, BooleanSupplier)}, reporting progress in thousandths: the first half
     * while the records are read from the outbox, the second half while the package's bytes are written.
     */
    public ExportResult export(Path outDir, String actor, Long fromSeq, Long toSeq, Progress progress,
                               BooleanSupplier cancelled) {
        long from = fromSeq != null ? fromSeq : outbox.lastExportedSeq() + 1;
        long to = toSeq != null ? toSeq : outbox.lastSeq();
        if (from > to || to < 1) {
            throw new UserException(UserMessage.of("sync.export.nothing", outbox.lastExportedSeq()));
        }
        if (!Files.isDirectory(outDir)) {
            throw new UserException(UserMessage.of("sync.export.noFolder", outDir));
        }
        UUID packageId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Path file = outDir.resolve("trustbench-" + keys.workstationId() + "-" + from + "-" + to + EXTENSION).toAbsolutePath();
        Map<String, Long> counts = new LinkedHashMap<>();
        Set<String> caseNos = new TreeSet<>();
        RecordType[] types = {RecordType.DECISION, RecordType.SIGNOFF};
        long scanTotal = (to - from + 1) * types.length;
        long[] scanned = {0};
        progress.update(0, PROGRESS_TOTAL);
        try (PackageWriter writer = PackageWriter.create(file, keys.privateKey(),
                new ManifestHeader(packageId, Direction.OUTBOUND, keys.workstationId(), new SequenceRange(from, to), now, demo))) {
            for (RecordType type : types) {
                long[] n = {0};
                try (RecordSink sink = writer.openRecords(type)) {
                    outbox.forEach(from, to, r -> {
                        if (cancelled.getAsBoolean()) {
                            throw new Cancelled();
                        }
                        progress.update(++scanned[0] * HALF / Math.max(scanTotal, 1), PROGRESS_TOTAL);
                        if (r.type().equals(type.typeName())) {
                            ObjectNode record = toRecord(r);
                            caseNos.add(record.get("caseNo").asText());
                            write(sink, record);
                            n[0]++;
                        }
                    });
                }
                counts.put(type.typeName(), n[0]);
            }
            writer.finish((done, total) -> {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                progress.update(HALF + done * HALF / Math.max(total, 1), PROGRESS_TOTAL);
            });
        } catch (Cancelled | CancellationException e) {
            return null;
        } catch (IOException e) {
            throw new UserException(UserMessage.of("sync.export.io", file, String.valueOf(e.getMessage())), e);
        }
        packages.dsl().transaction(tx -> {
            DSLContext ctx = tx.dsl();
            outbox.markExported(ctx, from, to, packageId.toString());
            packages.markCasesExported(ctx, caseNos);
            packages.record(ctx, packageId.toString(), "OUTBOUND", now, keys.fingerprint(), from, to, counts, "EXPORTED",
                    file.toString());
            audit.append(ctx, actor, AuditAction.EXPORT, "package:" + packageId, Map.of("from", from, "to", to,
                    "counts", counts, "file", file.getFileName().toString()));
        });
        progress.update(PROGRESS_TOTAL, PROGRESS_TOTAL);
        return new ExportResult(file, packageId, from, to, counts);
    }

    /** The outbox payload as the format's record: the sequence added, ids made unique across workstations. */
    private ObjectNode toRecord(OutboxRecord r) {
        try {
            ObjectNode o = (ObjectNode) JSON_MAPPER.readTree(r.payload());
            ObjectNode out = JSON_MAPPER.createObjectNode();
            out.put("seq", r.seq());
            o.fields().forEachRemaining(e -> {
                String name = e.getKey();
                if (name.equals("decisionId") || name.equals("supersedes")) {
                    out.put(name, keys.workstationId() + "/" + e.getValue().asText());
                } else {
                    out.set(name, e.getValue());
                }
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("outbox payload is JSON", e);
        }
    }

    private static void write(RecordSink sink, ObjectNode record) {
        try {
            sink.write(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the streaming loop when the user cancels. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super(null, null, false, false);
        }
    }
}
