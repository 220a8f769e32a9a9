package org.trustbench.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;
import org.trustbench.audit.AuditAction;
import org.trustbench.audit.AuditRepository;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.sync.SyncPackageRepository.PendingExport;
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
 * The export (package id, range, time) is first recorded as PENDING; the package is then written to a temporary
 * file, flushed and renamed into place by the writer; only then are the records marked exported, the cases moved
 * to EXPORTED, and the export completed and audited, in one transaction. An export that a crash left pending is
 * finished first, unchanged, by the next export (docs/sync-format.md, "Export and crashes"). Re-exporting a range
 * reproduces the same records.
 */
public final class ExportService {

    private static final List<RecordType> TYPES = List.of(RecordType.DECISION, RecordType.SIGNOFF);
    public static final String EXTENSION = ".tbsync";
    /** Progress is reported in thousandths of the whole export. */
    public static final long PROGRESS_TOTAL = 1000;
    private static final long HALF = PROGRESS_TOTAL / 2;

    private final SyncPackageRepository packages;
    private final OutboxRepository outbox;
    /** Read when the first export needs them (loading the key costs a second on a cold JVM). */
    private final java.util.function.Supplier<WorkstationKeys> keys;
    private final AuditRepository audit;
    private final boolean demo;
    private final Clock clock;

    /**
     * What an export produced. {@code recovered} is the export a crash had interrupted, finished first under its own
     * package id and range (null if there was none).
     */
    public record ExportResult(Path file, UUID packageId, long from, long to, Map<String, Long> counts, ExportResult recovered) {
        public ExportResult(Path file, UUID packageId, long from, long to, Map<String, Long> counts) {
            this(file, packageId, from, to, counts, null);
        }
    }

    public ExportService(SyncPackageRepository packages, OutboxRepository outbox, WorkstationKeys keys, AuditRepository audit,
                         boolean demo, Clock clock) {
        this(packages, outbox, () -> keys, audit, demo, clock);
    }

    /** As above, with the workstation's keys read (blocking) when an export first needs them. */
    public ExportService(SyncPackageRepository packages, OutboxRepository outbox,
                         java.util.function.Supplier<WorkstationKeys> keys, AuditRepository audit, boolean demo, Clock clock) {
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
        if (!Files.isDirectory(outDir)) {
            throw new UserException(UserMessage.of("sync.export.noFolder", outDir));
        }
        PackageWriter.removeLeftovers(outDir);
        ExportResult recovered = null;
        Optional<PendingExport> pending = packages.pendingExport();
        if (pending.isPresent()) {
            PendingExport p = pending.get();
            if (p.to() > outbox.lastSeq()) {
                packages.dropPending(p.packageId()); // the outbox no longer holds it: nothing to finish
            } else {
                // A crash left this export unfinished (maybe with its file in place): finish exactly it, then go on.
                Path again = outDir.resolve(Path.of(p.fileName()).getFileName()).toAbsolutePath();
                Written w = writeFile(p, again, progress, cancelled);
                if (w == null) {
                    return null; // still pending
                }
                recovered = complete(p, again, w, actor, progress);
            }
        }
        long from = fromSeq != null ? fromSeq : outbox.lastExportedSeq() + 1;
        long to = toSeq != null ? toSeq : outbox.lastSeq();
        if (from > to || to < 1) {
            if (recovered != null) {
                return recovered;
            }
            throw new UserException(UserMessage.of("sync.export.nothing", outbox.lastExportedSeq()));
        }
        Path file = outDir.resolve("trustbench-" + keys.get().workstationId() + "-" + from + "-" + to + EXTENSION).toAbsolutePath();
        PendingExport p = new PendingExport(UUID.randomUUID().toString(),
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS), from, to, file.toString()); // as stored, so a re-write matches
        packages.recordPending(p, keys.get().fingerprint());
        Written w;
        try {
            w = writeFile(p, file, progress, cancelled);
        } catch (RuntimeException e) {
            packages.dropPending(p.packageId()); // the package is not in place
            throw e;
        }
        if (w == null) {
            packages.dropPending(p.packageId());
            return null;
        }
        // From here the package is in place: if marking fails (or the process dies) the export stays pending.
        ExportResult r = complete(p, file, w, actor, progress);
        return recovered == null ? r
                : new ExportResult(r.file(), r.packageId(), r.from(), r.to(), r.counts(), recovered);
    }

    /** What writing a package found: records per type and the DECIDED cases it carried decisions of (their ids). */
    private record Written(Map<String, Long> counts, List<Long> decidedCarried) {
    }

    /**
     * Writes the package of a recorded pending export (the records of its range, under its id and time) into
     * {@code file}. Returns null if cancelled; then no file is left.
     */
    private Written writeFile(PendingExport pending, Path file, Progress progress, BooleanSupplier cancelled) {
        UUID packageId = UUID.fromString(pending.packageId());
        long from = pending.from();
        long to = pending.to();
        Map<RecordType, Long> n = new EnumMap<>(RecordType.class);
        long total = to - from + 1;
        // Only a case DECIDED now can move to EXPORTED (a decision carried here was committed before the range was
        // fixed, so its case is DECIDED by now); usually a few cases, often none, so most records need no lookup.
        Map<String, Long> decided = packages.decidedCases();
        List<Long> decidedCarried = new ArrayList<>();
        progress.update(0, PROGRESS_TOTAL);
        try (PackageWriter writer = PackageWriter.create(file, keys.get().privateKey(), new ManifestHeader(packageId,
                Direction.OUTBOUND, keys.get().workstationId(), new SequenceRange(from, to), pending.createdAt(), demo))) {
            Map<RecordType, RecordSink> sinks = new EnumMap<>(RecordType.class);
            Map<String, RecordSink> sinkByName = new HashMap<>();
            for (RecordType type : TYPES) {
                RecordSink sink = writer.openRecords(type);
                sinks.put(type, sink);
                sinkByName.put(type.typeName(), sink);
            }
            OutboundRecordBytes bytes = new OutboundRecordBytes(keys.get().workstationId());
            outbox.forEachPayload(from, to, (seq, typeName, payload) -> {
                if ((seq & 63) == 0) {
                    if (cancelled.getAsBoolean()) {
                        throw new Cancelled();
                    }
                    progress.update((seq - from + 1) * HALF / total, PROGRESS_TOTAL);
                }
                RecordSink sink = sinkByName.get(typeName);
                if (sink == null) {
                    throw new IllegalStateException("outbox record " + seq + " of unknown type " + typeName);
                }
                bytes.convert(seq, payload);
                if (!decided.isEmpty()) {
                    Long id = decided.remove(bytes.caseNo());
                    if (id != null) {
                        decidedCarried.add(id);
                    }
                }
                write(sink, seq, bytes);
            });
            if (cancelled.getAsBoolean()) {
                throw new Cancelled();
            }
            for (RecordSink sink : sinks.values()) {
                sink.close();
                n.put(sink.type(), sink.count());
            }
            writer.finish((done, size) -> {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                progress.update(HALF + done * HALF / Math.max(size, 1), PROGRESS_TOTAL);
            });
        } catch (Cancelled | CancellationException e) {
            return null;
        } catch (IOException e) {
            throw new UserException(UserMessage.of("sync.export.io", file, String.valueOf(e.getMessage())), e);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        TYPES.forEach(t -> counts.put(t.typeName(), n.get(t)));
        return new Written(counts, decidedCarried);
    }

    /**
     * Marks the cases EXPORTED, completes the pending export (which marks its range's records exported) and audits
     * it, in one transaction.
     */
    private ExportResult complete(PendingExport pending, Path file, Written written, String actor, Progress progress) {
        UUID packageId = UUID.fromString(pending.packageId());
        long from = pending.from();
        long to = pending.to();
        Map<String, Long> counts = written.counts();
        packages.dsl().transaction(tx -> {
            DSLContext ctx = tx.dsl();
            packages.markExported(ctx, written.decidedCarried()); // those still DECIDED
            packages.completeExport(ctx, packageId.toString(), counts, file.toString()); // marks the range exported
            audit.append(ctx, actor, AuditAction.EXPORT, "package:" + packageId, Map.of("from", from, "to", to,
                    "counts", counts, "file", file.getFileName().toString()));
        });
        progress.update(PROGRESS_TOTAL, PROGRESS_TOTAL);
        return new ExportResult(file, packageId, from, to, counts);
    }

    private static void write(RecordSink sink, long seq, OutboundRecordBytes record) {
        try {
            sink.writeSerialised(seq, record.bytes(), record.length());
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
