package org.trustbench.sync.conflict;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.trustbench.audit.AuditAction;
import org.trustbench.audit.AuditRepository;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.verify.CheckService;

/**
 * The conflicts imports recorded, and their resolution by an officer: keep the local side (the incoming record is
 * discarded) or apply the incoming one. Each resolution is one transaction with its audit entry; the rules are re-run
 * on the affected cases afterwards.
 */
public final class ConflictService {

    /** The longest resolution note. */
    public static final int MAX_NOTE = 2000;

    private final ConflictRepository conflicts;
    private final IncomingApplier applier;
    private final CheckService checks;
    private final AuditRepository audit;
    private final Clock clock;

    public ConflictService(ConflictRepository conflicts, IncomingApplier applier, CheckService checks, AuditRepository audit,
                           Clock clock) {
        this.conflicts = Objects.requireNonNull(conflicts, "conflicts");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The open conflicts, oldest first. Blocking. */
    public List<Conflict> open() {
        return conflicts.list(true);
    }

    /** Every conflict, resolved ones too, oldest first. Blocking. */
    public List<Conflict> all() {
        return conflicts.list(false);
    }

    public Optional<Conflict> find(long id) {
        return conflicts.find(id);
    }

    public long openCount() {
        return conflicts.openCount();
    }

    /**
     * Applies or discards the incoming side in one transaction with an audit entry. Blocking.
     *
     * @param note required, at most {@value #MAX_NOTE} characters
     * @throws UserException (named reason) when the conflict is unknown or not OPEN, the note is missing or too long,
     *                       or applying is no longer possible
     */
    public Conflict resolve(long id, Resolution resolution, String note, String actor) {
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(actor, "actor");
        if (note == null || note.isBlank()) {
            throw new UserException(UserMessage.of("conflict.error.noteRequired"));
        }
        if (note.length() > MAX_NOTE) {
            throw new UserException(UserMessage.of("conflict.error.noteTooLong", MAX_NOTE, note.length()));
        }
        String trimmed = note.strip();
        List<Long> recheck = conflicts.dsl().transactionResult(t -> {
            ConflictRepository.Stored stored = conflicts.lock(t.dsl(), id)
                    .orElseThrow(() -> new UserException(UserMessage.of("conflict.error.unknown", id)));
            Conflict c = stored.conflict();
            if (!c.isOpen()) {
                throw new UserException(UserMessage.of("conflict.error.notOpen", id, "#conflict.status." + c.status().name()));
            }
            List<Long> affected = resolution == Resolution.APPLY_INCOMING ? applier.apply(t.dsl(), stored, actor) : List.of();
            ConflictStatus status = resolution == Resolution.APPLY_INCOMING ? ConflictStatus.APPLIED_INCOMING
                    : ConflictStatus.KEPT_LOCAL;
            OffsetDateTime now = OffsetDateTime.now(clock);
            conflicts.resolve(t.dsl(), id, status, actor, now, trimmed);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("kind", c.kind().name());
            detail.put("resolution", resolution.name());
            detail.put("package", c.packageId());
            if (c.caseNo() != null) {
                detail.put("caseNo", c.caseNo());
            }
            if (c.providerUscc() != null) {
                detail.put("uscc", c.providerUscc());
            }
            detail.put("note", trimmed);
            audit.append(t.dsl(), actor, AuditAction.CONFLICT_RESOLVED, "conflict:" + id, detail);
            return affected;
        });
        for (long caseId : recheck) {
            checks.checkCase(caseId);
        }
        return conflicts.find(id).orElseThrow();
    }
}
