package org.trustbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The import baseline: the package's cases inserted with plain JDBC batches (1000 rows per batch, explicit ids) into
 * the same schema, one transaction, no verification and no rules. Reads the ZIP entries directly.
 */
final class ImportBaseline {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 1000;

    private ImportBaseline() {
    }

    /** Inserts every case of {@code pkg}; returns how many. */
    static long run(Connection c, Path pkg) {
        try (ZipFile zip = new ZipFile(pkg.toFile())) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            long cases;
            try (Inserts in = new Inserts(c)) {
                List<ZipEntry> blobs = new ArrayList<>();
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    if (e.getName().startsWith("attachments/")) {
                        blobs.add(e);
                    }
                }
                for (ZipEntry e : blobs) {
                    try (InputStream s = zip.getInputStream(e)) {
                        byte[] content = s.readAllBytes();
                        in.blob.setString(1, e.getName().substring("attachments/".length()));
                        in.blob.setLong(2, content.length);
                        in.blob.setBytes(3, content);
                        in.blob.executeUpdate();
                    }
                }
                ZipEntry records = zip.getEntry("records/case.jsonl");
                cases = 0;
                try (BufferedReader r = new BufferedReader(new InputStreamReader(zip.getInputStream(records),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        in.add(JSON.readTree(line));
                        cases++;
                    }
                }
                in.flush();
            }
            c.commit();
            c.setAutoCommit(auto);
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("baseline insert failed: " + e.getMessage(), e);
        }
    }

    /** The prepared batches, with ids counted from the tables' current maximum. */
    private static final class Inserts implements AutoCloseable {
        final PreparedStatement blob;
        final PreparedStatement provider;
        final PreparedStatement fcase;
        final PreparedStatement equipment;
        final PreparedStatement evidence;
        final PreparedStatement attachment;
        /** Provider ids by USCC: a provider with several cases in the package is inserted once, as the import does. */
        final Map<String, Long> providers = new HashMap<>();
        long providerId;
        long caseId;
        long evidenceId;
        int pending;

        Inserts(Connection c) throws SQLException {
            blob = c.prepareStatement("MERGE INTO attachment_blob (sm3, size_bytes, content) KEY (sm3) VALUES (?, ?, ?)");
            provider = c.prepareStatement("INSERT INTO provider (id, uscc, name_zh, name_en, entity_type, legal_rep, "
                    + "legal_rep_title, registered_capital, registered_address, registration_authority, established_on, "
                    + "term_to, registry_status, business_scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            fcase = c.prepareStatement("INSERT INTO filing_case (id, case_no, provider_id, district_code, platform, "
                    + "received_on, deadline_on, status, assignee, performer_uscc, performer_name, subcontract_declared, "
                    + "services) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            equipment = c.prepareStatement("INSERT INTO equipment (case_id, category_code, make, model, serial_no, "
                    + "special_equipment, site_type) VALUES (?, ?, ?, ?, ?, ?, ?)");
            evidence = c.prepareStatement("INSERT INTO evidence (id, case_id, kind, source, title, fields, valid_from, "
                    + "valid_to, recorded_at, signer_key_id, signature) VALUES (?, ?, ?, ?, ?, ? FORMAT JSON, ?, ?, ?, ?, ?)");
            attachment = c.prepareStatement("INSERT INTO attachment (evidence_id, file_name, media_type, sm3) VALUES (?, ?, ?, ?)");
            providerId = max(c, "provider");
            caseId = max(c, "filing_case");
            evidenceId = max(c, "evidence");
        }

        private static long max(Connection c, String table) throws SQLException {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
                rs.next();
                return rs.getLong(1) + 1_000_000;
            }
        }

        void add(JsonNode o) throws SQLException {
            JsonNode p = o.get("provider");
            Long known = providers.get(p.get("uscc").textValue());
            long pid = known != null ? known : addProvider(p);
            long cid = ++caseId;
            fcase.setLong(1, cid);
            fcase.setString(2, o.get("caseNo").textValue());
            fcase.setLong(3, pid);
            fcase.setString(4, o.get("districtCode").textValue());
            fcase.setString(5, o.get("platform").textValue());
            fcase.setDate(6, date(o, "receivedOn"));
            fcase.setDate(7, date(o, "deadlineOn"));
            fcase.setString(8, o.get("status").textValue());
            fcase.setString(9, text(o, "assignee"));
            fcase.setString(10, o.get("performer").get("uscc").textValue());
            fcase.setString(11, o.get("performer").get("name").textValue());
            fcase.setBoolean(12, o.get("subcontractDeclared").booleanValue());
            StringBuilder services = new StringBuilder();
            o.get("services").forEach(s -> services.append(services.length() == 0 ? "" : ",").append(s.textValue()));
            fcase.setString(13, services.toString());
            fcase.addBatch();
            for (JsonNode e : o.get("equipment")) {
                equipment.setLong(1, cid);
                equipment.setString(2, e.get("category").textValue());
                equipment.setString(3, e.get("make").textValue());
                equipment.setString(4, e.get("model").textValue());
                equipment.setString(5, e.get("serial").textValue());
                equipment.setBoolean(6, e.get("specialEquipment").booleanValue());
                equipment.setString(7, e.get("siteType").textValue());
                equipment.addBatch();
            }
            for (JsonNode e : o.get("evidence")) {
                long eid = ++evidenceId;
                evidence.setLong(1, eid);
                evidence.setLong(2, cid);
                evidence.setString(3, e.get("kind").textValue());
                evidence.setString(4, e.get("source").textValue());
                evidence.setString(5, e.get("title").textValue());
                evidence.setString(6, e.get("fields").toString());
                evidence.setDate(7, date(e, "validFrom"));
                evidence.setDate(8, date(e, "validTo"));
                evidence.setObject(9, OffsetDateTime.parse(e.get("recordedAt").textValue()));
                JsonNode sig = e.get("signature");
                evidence.setString(10, sig == null ? null : sig.get("keyId").textValue());
                evidence.setString(11, sig == null ? null : sig.get("value").textValue());
                evidence.addBatch();
                for (JsonNode a : e.get("attachments")) {
                    attachment.setLong(1, eid);
                    attachment.setString(2, a.get("fileName").textValue());
                    attachment.setString(3, a.get("mediaType").textValue());
                    attachment.setString(4, a.get("sm3").textValue());
                    attachment.addBatch();
                }
            }
            if (++pending >= BATCH / 10) {
                flush();
            }
        }

        private long addProvider(JsonNode p) throws SQLException {
            long pid = ++providerId;
            providers.put(p.get("uscc").textValue(), pid);
            provider.setLong(1, pid);
            provider.setString(2, p.get("uscc").textValue());
            provider.setString(3, p.get("nameZh").textValue());
            provider.setString(4, text(p, "nameEn"));
            provider.setString(5, p.get("entityType").textValue());
            provider.setString(6, p.get("legalRep").textValue());
            provider.setString(7, p.get("legalRepTitle").textValue());
            provider.setString(8, text(p, "registeredCapital"));
            provider.setString(9, p.get("registeredAddress").textValue());
            provider.setString(10, p.get("registrationAuthority").textValue());
            provider.setDate(11, date(p, "establishedOn"));
            provider.setDate(12, date(p, "termTo"));
            provider.setString(13, p.get("registryStatus").textValue());
            provider.setString(14, p.get("businessScope").textValue());
            provider.addBatch();
            return pid;
        }

        void flush() throws SQLException {
            provider.executeBatch();
            fcase.executeBatch();
            equipment.executeBatch();
            evidence.executeBatch();
            attachment.executeBatch();
            pending = 0;
        }

        private static String text(JsonNode o, String name) {
            JsonNode n = o.get(name);
            return n == null || n.isNull() ? null : n.textValue();
        }

        private static Date date(JsonNode o, String name) {
            String s = text(o, name);
            return s == null ? null : Date.valueOf(LocalDate.parse(s));
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement s : new PreparedStatement[] {blob, provider, fcase, equipment, evidence, attachment}) {
                s.close();
            }
        }
    }
}
