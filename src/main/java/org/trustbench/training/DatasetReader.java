package org.trustbench.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trustbench.crypto.Sm3;
import org.trustbench.domain.Attachment;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.Equipment;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceKind;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Performer;
import org.trustbench.domain.Provider;
import org.trustbench.domain.RegistrySignature;
import org.trustbench.domain.RegistryStatus;
import org.trustbench.domain.ServiceType;
import org.trustbench.domain.SiteType;
import org.trustbench.domain.TrustedIssuer;
import org.trustbench.i18n.UserMessage;
import org.trustbench.intake.IntakeBatch;

/** Reads and checks a whole dataset (docs/sample-data.md) before anything is written. */
public final class DatasetReader {

    static final String DATASET_FILE = "dataset.json";
    static final String PROVIDERS_FILE = "providers.json";
    static final String CASES_FILE = "cases.json";
    private static final int FORMAT = 1;
    private static final long MAX_ATTACHMENT_BYTES = 20L * 1024 * 1024;

    private static final Set<String> DATASET_FIELDS = Set.of("format", "name", "titleZh", "titleEn", "referenceDate", "expected");
    private static final Set<String> EXPECTED_FIELDS = Set.of("providers", "cases", "evidence", "attachments");
    private static final Set<String> PROVIDER_FIELDS = Set.of("uscc", "nameZh", "nameEn", "entityType", "legalRep",
            "legalRepTitle", "registeredCapital", "registeredAddress", "registrationAuthority", "establishedOn", "termTo",
            "registryStatus", "businessScope");
    private static final Set<String> CASE_FIELDS = Set.of("caseNo", "providerUscc", "districtCode", "platform", "receivedOn",
            "deadlineOn", "status", "assignee", "services", "performer", "subcontractDeclared", "scenarios", "equipment", "evidence");
    private static final Set<String> EQUIPMENT_FIELDS = Set.of("category", "make", "model", "serial", "specialEquipment", "siteType");
    private static final Set<String> EVIDENCE_FIELDS = Set.of("kind", "source", "title", "validFrom", "validTo", "recordedAt",
            "fields", "attachments", "signature");
    static final String ISSUERS_FILE = "issuers.json";
    private static final Set<String> ISSUER_FIELDS = Set.of("keyId", "name", "publicKeyPem");
    private static final Set<String> ATTACHMENT_FIELDS = Set.of("file", "mediaType");
    private static final Set<String> MEDIA_TYPES = Set.of("image/png", "image/jpeg", "application/pdf");

    private final ObjectMapper mapper = new ObjectMapper();
    private final DatasetSource source;
    private final Map<String, byte[]> blobs = new HashMap<>();
    private final Map<String, String> digestByFile = new HashMap<>();
    private int attachmentRefs;

    private DatasetReader(DatasetSource source) {
        this.source = source;
    }

    public static Dataset read(DatasetSource source) {
        return new DatasetReader(source).read();
    }

    private Dataset read() {
        JsonRecord meta = new JsonRecord(DATASET_FILE, 1, "dataset", parse(DATASET_FILE));
        meta.onlyKnown(DATASET_FIELDS);
        int format = meta.integer("format");
        if (format != FORMAT) {
            throw meta.error("format", "unsupportedFormat", format, FORMAT);
        }
        String name = meta.text("name");
        JsonRecord expected = meta.object("expected");
        expected.onlyKnown(EXPECTED_FIELDS);

        Map<String, Provider> providers = readProviders();
        Map<String, List<String>> scenarios = new LinkedHashMap<>();
        List<FilingCase> cases = readCases(providers, scenarios);
        IntakeBatch batch = new IntakeBatch(List.copyOf(providers.values()), cases, blobs, readIssuers());

        checkCount(expected, "providers", providers.size());
        checkCount(expected, "cases", cases.size());
        checkCount(expected, "evidence", batch.evidenceCount());
        checkCount(expected, "attachments", attachmentRefs);
        return new Dataset(name, meta.text("titleZh"), meta.text("titleEn"), meta.date("referenceDate"), batch, scenarios);
    }

    private static void checkCount(JsonRecord expected, String field, int actual) {
        int wanted = expected.integer(field);
        if (wanted != actual) {
            throw expected.error(field, "countMismatch", wanted, actual);
        }
    }

    private JsonNode parse(String file) {
        try (InputStream in = source.open(file)) {
            return mapper.readTree(in);
        } catch (NoSuchFileException e) {
            throw new DatasetException(UserMessage.of("dataset.error.missingFile", source.describe(), file), e);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            String reason = e.getOriginalMessage();
            throw new DatasetException(UserMessage.of("dataset.error.syntax", file, line, column, reason), e);
        } catch (IOException e) {
            throw new DatasetException(UserMessage.of("dataset.error.read", file, String.valueOf(e.getMessage())), e);
        }
    }

    private List<JsonRecord> records(String file, String idField) {
        JsonNode root = parse(file);
        if (!root.isArray()) {
            throw new DatasetException(UserMessage.of("dataset.error.notArrayFile", file), null);
        }
        List<JsonRecord> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode n = root.get(i);
            JsonNode idNode = n.get(idField);
            String id = idNode != null && idNode.isTextual() ? idNode.asText() : "?";
            JsonRecord r = new JsonRecord(file, i + 1, id, n);
            r.requireObject();
            out.add(r);
        }
        return out;
    }

    /** Trusted registry issuers; a dataset without {@code issuers.json} trusts none. */
    private List<TrustedIssuer> readIssuers() {
        if (!source.exists(ISSUERS_FILE)) {
            return List.of();
        }
        List<TrustedIssuer> issuers = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (JsonRecord r : records(ISSUERS_FILE, "keyId")) {
            r.onlyKnown(ISSUER_FIELDS);
            String keyId = r.text("keyId");
            if (!keyId.matches("[0-9a-f]{64}")) {
                throw r.error("keyId", "notKeyId", keyId, "");
            }
            if (!seen.add(keyId)) {
                throw r.error("keyId", "duplicate", keyId, "");
            }
            String pem = r.text("publicKeyPem");
            if (!pem.startsWith("-----BEGIN PUBLIC KEY-----")) {
                throw r.error("publicKeyPem", "notPem", pem.lines().findFirst().orElse(""), "");
            }
            issuers.add(new TrustedIssuer(keyId, r.text("name"), pem));
        }
        return issuers;
    }

    private Map<String, Provider> readProviders() {
        Map<String, Provider> byUscc = new LinkedHashMap<>();
        for (JsonRecord r : records(PROVIDERS_FILE, "uscc")) {
            r.onlyKnown(PROVIDER_FIELDS);
            String uscc = r.text("uscc");
            String statusText = r.text("registryStatus");
            RegistryStatus status = RegistryStatus.parse(statusText).orElseThrow(() -> r.error("registryStatus", "notOneOf",
                    statusText, "存续, 在业, 吊销, 注销, 迁出, 停业"));
            Provider p = new Provider(0, uscc, r.text("nameZh"), r.optText("nameEn").orElse(null), r.text("entityType"),
                    r.text("legalRep"), r.text("legalRepTitle"), r.optText("registeredCapital").orElse(null),
                    r.text("registeredAddress"), r.text("registrationAuthority"), r.date("establishedOn"),
                    r.optDate("termTo").orElse(null), status, r.text("businessScope"));
            if (byUscc.putIfAbsent(uscc, p) != null) {
                throw r.error("uscc", "duplicate", uscc, "");
            }
        }
        return byUscc;
    }

    private List<FilingCase> readCases(Map<String, Provider> providers, Map<String, List<String>> scenarios) {
        List<FilingCase> cases = new ArrayList<>();
        for (JsonRecord r : records(CASES_FILE, "caseNo")) {
            r.onlyKnown(CASE_FIELDS);
            String caseNo = r.text("caseNo");
            String uscc = r.text("providerUscc");
            Provider provider = providers.get(uscc);
            if (provider == null) {
                throw r.error("providerUscc", "unknownProvider", uscc, PROVIDERS_FILE);
            }
            String district = r.text("districtCode");
            if (!district.matches("\\d{6}")) {
                throw r.error("districtCode", "notDistrict", district, "");
            }
            LocalDate received = r.date("receivedOn");
            LocalDate deadline = r.date("deadlineOn");
            if (deadline.isBefore(received)) {
                throw r.error("deadlineOn", "beforeReceived", deadline, received);
            }
            List<ServiceType> services = new ArrayList<>();
            for (String s : r.texts("services", true)) {
                services.add(r.parseEnum("services", s, ServiceType.class));
            }
            JsonRecord performer = r.object("performer");
            performer.onlyKnown(Set.of("uscc", "name"));
            List<Equipment> equipment = new ArrayList<>();
            for (JsonRecord e : r.objects("equipment", true)) {
                e.onlyKnown(EQUIPMENT_FIELDS);
                equipment.add(new Equipment(e.text("category"), e.text("make"), e.text("model"), e.text("serial"),
                        e.bool("specialEquipment"), e.enumValue("siteType", SiteType.class)));
            }
            List<EvidenceItem> evidence = new ArrayList<>();
            for (JsonRecord e : r.objects("evidence", false)) {
                evidence.add(readEvidence(e));
            }
            FilingCase c = new FilingCase(0, caseNo, provider, district, r.text("platform"), received, deadline,
                    r.enumValue("status", CaseStatus.class), r.optText("assignee").orElse(null), services,
                    new Performer(performer.text("uscc"), performer.text("name")), r.bool("subcontractDeclared"),
                    equipment, evidence);
            if (scenarios.put(caseNo, r.texts("scenarios", false)) != null) {
                throw r.error("caseNo", "duplicate", caseNo, "");
            }
            cases.add(c);
        }
        return cases;
    }

    private EvidenceItem readEvidence(JsonRecord e) {
        e.onlyKnown(EVIDENCE_FIELDS);
        List<Attachment> attachments = new ArrayList<>();
        for (JsonRecord a : e.objects("attachments", false)) {
            a.onlyKnown(ATTACHMENT_FIELDS);
            String file = a.text("file");
            String mediaType = a.text("mediaType");
            if (!MEDIA_TYPES.contains(mediaType)) {
                throw a.error("mediaType", "notOneOf", mediaType, String.join(", ", MEDIA_TYPES));
            }
            String sm3 = digestByFile.computeIfAbsent(file, f -> loadAttachment(a, f));
            attachments.add(new Attachment(fileName(file), mediaType, sm3, blobs.get(sm3).length));
            attachmentRefs++;
        }
        RegistrySignature signature = null;
        if (e.has("signature")) {
            JsonRecord sig = e.object("signature");
            sig.onlyKnown(Set.of("keyId", "value"));
            signature = new RegistrySignature(sig.text("keyId"), sig.text("value"));
        }
        return new EvidenceItem(0, e.enumValue("kind", EvidenceKind.class), e.enumValue("source", EvidenceSource.class),
                e.text("title"), e.stringMap("fields"), e.optDate("validFrom").orElse(null), e.optDate("validTo").orElse(null),
                e.instant("recordedAt"), attachments, signature);
    }

    private String loadAttachment(JsonRecord a, String file) {
        if (!file.startsWith("attachments/") || file.contains("..")) {
            throw a.error("file", "badAttachmentPath", file, "attachments/");
        }
        byte[] content;
        try (InputStream in = source.open(file)) {
            content = in.readNBytes((int) MAX_ATTACHMENT_BYTES + 1);
        } catch (NoSuchFileException ex) {
            throw a.error("file", "missingAttachment", file, source.describe());
        } catch (IOException ex) {
            throw a.error("file", "unreadableAttachment", file, ex.getMessage());
        }
        if (content.length > MAX_ATTACHMENT_BYTES) {
            throw a.error("file", "attachmentTooLarge", file, MAX_ATTACHMENT_BYTES);
        }
        String sm3 = Sm3.hex(content);
        blobs.putIfAbsent(sm3, content);
        return sm3;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
