package org.trustbench.caseq;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.trustbench.caseq.CaseQueueRepository.FirstPage;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;
import org.trustbench.domain.Severity;

/**
 * The queue's first page in plain JDBC: what the start path reads before the first frame. It is the same rows as the
 * queue's index in the default order (deadline, then case number), mapped as {@link CaseQueueRepository} maps a
 * summary; it renders no jOOQ query, so none of jOOQ's classes load before the first frame (on a cold JVM rendering
 * and mapping the first queries of their shape took about a second). The ids come from the index on
 * {@code (deadline_on, case_no)} (V9): 200 index entries, however many cases share a deadline; only those rows are
 * joined. Names are unquoted, as in the migrations (H2 and PostgreSQL fold them alike).
 */
public final class FirstPageQuery {

    private static final String IDS = "SELECT id FROM filing_case ORDER BY deadline_on, case_no LIMIT ?";
    private static final String ROWS = "SELECT c.id, c.case_no, p.name_zh, p.name_en, p.uscc, c.services, c.received_on, "
            + "c.deadline_on, c.status, c.assignee, k.max_severity, k.finding_count, d.decided_by, d.decided_at "
            + "FROM filing_case c JOIN provider p ON p.id = c.provider_id "
            + "LEFT JOIN case_check k ON k.case_id = c.id "
            + "LEFT JOIN decision d ON d.id = (SELECT MAX(l.id) FROM decision l WHERE l.case_id = c.id) "
            + "WHERE c.id IN (%s) ORDER BY c.deadline_on, c.case_no";

    private FirstPageQuery() {
    }

    /** The first {@code limit} rows in the default order and the number of cases (the table's row count). */
    public static FirstPage read(Connection c, ZoneId zone, int limit) throws SQLException {
        List<CaseSummary> rows = rows(c, zone, limit);
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("SELECT COUNT(*) FROM filing_case")) {
            r.next();
            return new FirstPage(rows, r.getInt(1));
        }
    }

    /** The first {@code limit} queue rows in the default order (deadline, then case number). */
    public static List<CaseSummary> rows(Connection c, ZoneId zone, int limit) throws SQLException {
        if (limit <= 0) {
            return List.of();
        }
        // The ids are numbers read from the store, written as literals: H2 tests a list of constants with a hash set.
        StringJoiner ids = new StringJoiner(",");
        try (PreparedStatement ps = c.prepareStatement(IDS)) {
            ps.setInt(1, limit);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    ids.add(Long.toString(r.getLong(1)));
                }
            }
        }
        if (ids.length() == 0) {
            return List.of();
        }
        List<CaseSummary> out = new ArrayList<>(limit);
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery(String.format(ROWS, ids))) {
            while (r.next()) {
                out.add(summary(r, zone));
            }
        }
        return out;
    }

    /**
     * The services of a case from their stored list ({@code A,B}). Here rather than in {@link CaseQueueRepository}, so
     * that the start path does not initialise that class (its constants build jOOQ tables).
     */
    static List<org.trustbench.domain.ServiceType> services(String csv) {
        return java.util.Arrays.stream(csv.split(",")).filter(s -> !s.isBlank())
                .map(org.trustbench.domain.ServiceType::valueOf).toList();
    }

    private static CaseSummary summary(ResultSet r, ZoneId zone) throws SQLException {
        String severity = r.getString(11);
        int findings = r.getInt(12);
        if (r.wasNull()) {
            findings = -1;
        }
        OffsetDateTime decidedAt = r.getObject(14, OffsetDateTime.class);
        return new CaseSummary(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                services(r.getString(6)), r.getObject(7, LocalDate.class), r.getObject(8, LocalDate.class),
                CaseStatus.valueOf(r.getString(9)), r.getString(10), severity == null ? null : Severity.valueOf(severity),
                findings, r.getString(13), decidedAt == null ? null : decidedAt.atZoneSameInstant(zone).toLocalDate());
    }
}
