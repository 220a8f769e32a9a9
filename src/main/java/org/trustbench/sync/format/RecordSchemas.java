package org.trustbench.sync.format;

import static org.trustbench.sync.format.Rules.array;
import static org.trustbench.sync.format.Rules.attachmentRef;
import static org.trustbench.sync.format.Rules.bool;
import static org.trustbench.sync.format.Rules.date;
import static org.trustbench.sync.format.Rules.hex64;
import static org.trustbench.sync.format.Rules.instant;
import static org.trustbench.sync.format.Rules.integer;
import static org.trustbench.sync.format.Rules.oneOf;
import static org.trustbench.sync.format.Rules.pattern;
import static org.trustbench.sync.format.Rules.text;
import static org.trustbench.sync.format.Rules.uscc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trustbench.crypto.Sm2;

/**
 * The record schemas of format version 1, written by hand to mirror {@code docs/schema/<type>.schema.json}
 * ({@code FormatSchemaFilesTest} checks that members, required-ness and nullability agree). The enum values are part
 * of the format and are listed here, not taken from the domain enums; a test checks they still match.
 */
final class RecordSchemas {

    static final List<String> OUTCOMES = List.of("APPROVE", "REJECT", "RETURN", "REFER");
    static final List<String> REASONS = List.of("ALL_CHECKS_PASSED", "FINDINGS_RESOLVED_WITH_REGISTRY",
            "FINDINGS_ACCEPTED_AS_MINOR", "LICENCE_NOT_ACTIVE", "CREDENTIALS_INVALID", "PREMISES_NOT_GENUINE",
            "IDENTITY_NOT_VERIFIED", "PERFORMER_NOT_FILER", "AUTHORISATION_INVALID", "FALSE_DECLARATION",
            "DOCUMENTS_MISSING", "INFORMATION_INCONSISTENT", "RENEWAL_REQUIRED", "INSPECTION_REQUIRED",
            "CONSTRUCTION_AUTHORITY", "OTHER_AUTHORITY");
    static final List<String> SUPPLEMENTS = List.of("RENEWED_CREDENTIAL", "CREDENTIAL_COVERING_SERVICE",
            "AUTHORISATION_LETTER", "PREMISES_PROOF", "IDENTITY_CHECK", "SUBCONTRACT_AGREEMENT", "REGISTRY_CONFIRMATION",
            "EQUIPMENT_LIST");
    static final List<String> SEVERITIES = List.of("BLOCKER", "WARNING", "INFO");
    static final List<String> VERDICTS = List.of("SIGNED_OFF", "SENT_BACK");
    static final List<String> EVIDENCE_KINDS = List.of("LICENCE", "CREDENTIAL", "PREMISES", "IDENTITY", "AUTHORISATION");
    static final List<String> EVIDENCE_SOURCES = List.of("REGULATOR", "PLATFORM", "MERCHANT", "INSPECTION");
    static final List<String> CASE_STATUSES = List.of("RECEIVED", "IN_REVIEW", "PENDING_SIGNOFF", "DECIDED", "EXPORTED");
    static final List<String> SERVICES = List.of("REMOTE_DIAGNOSTICS", "PAVER_3D_CALIBRATION", "CRANE_MAINTENANCE",
            "TELEMATICS_INSTALLATION", "SPARE_PARTS_REPLACEMENT", "OPERATOR_TRAINING");
    static final List<String> SITE_TYPES = List.of("FACTORY", "PORT", "WAREHOUSE", "CONSTRUCTION_SITE", "MUNICIPAL_WORKS",
            "ROAD_PROJECT");
    static final List<String> REGISTRY_STATUSES = List.of("存续", "在业", "吊销", "注销", "迁出", "停业");
    static final List<String> MEDIA_TYPES = List.of("application/pdf", "image/jpeg", "image/png");
    static final List<String> INSPECTION_RESULTS = List.of("CONFIRMED", "NOT_CONFIRMED");
    static final List<String> CHECKLIST = List.of("SIGNAGE", "STAFF", "TOOLS", "CALIBRATION_INSTRUMENTS");
    static final List<String> ISSUER_ACTIONS = List.of("ADD", "REVOKE");

    /** A record ID unique across workstations, e.g. {@code <workstationId>/<local id>}; also a decision reference. */
    static final Rule RECORD_ID = text(100);
    static final Rule CASE_NO = text(40);
    static final Rule USER = text(64);
    static final Rule FILE_NAME = pattern("(?!\\.\\.?$)[^/\\\\\\x00-\\x1f\\x7f]{1,255}");
    static final Rule BASE64 = pattern("[A-Za-z0-9+/]{4,200}={0,2}");

    static final Shape ATTACHMENT = new Shape().req("sm3", attachmentRef()).req("fileName", FILE_NAME)
            .req("mediaType", oneOf(MEDIA_TYPES));
    static final Shape SIGNATURE = new Shape().req("keyId", hex64()).req("value", BASE64);
    static final Shape EVIDENCE = evidence(oneOf(EVIDENCE_SOURCES));
    /** Registry updates carry registry records only. */
    static final Shape REGISTRY_EVIDENCE = evidence(oneOf(List.of("REGULATOR")));
    static final Shape PERFORMER = new Shape().req("uscc", uscc()).req("name", text(200));
    static final Shape EQUIPMENT = new Shape().req("category", text(20)).req("make", text(100)).req("model", text(100))
            .req("serial", text(100)).req("specialEquipment", bool()).req("siteType", oneOf(SITE_TYPES));
    static final Shape PROVIDER = providerFields(new Shape().req("uscc", uscc()), false);
    static final Shape PROVIDER_CHANGES = providerFields(new Shape(), true);
    static final Shape FINDING = new Shape().req("ruleId", text(100)).req("severity", oneOf(SEVERITIES))
            .req("messageKey", text(200)).req("args", array(Rules.anyText(2000), 0));
    static final Shape EVIDENCE_DIGEST = new Shape().opt("evidenceId", integer(0)).req("kind", oneOf(EVIDENCE_KINDS))
            .req("source", oneOf(EVIDENCE_SOURCES)).req("sm3", hex64()).req("attachments", array(hex64(), 0));

    static final Shape DECISION = new Shape().req("seq", integer(1)).req("decisionId", RECORD_ID).req("caseNo", CASE_NO)
            .req("outcome", oneOf(OUTCOMES)).req("reasons", array(oneOf(REASONS), 1)).opt("rationale", text(4000))
            .req("supplements", array(oneOf(SUPPLEMENTS), 0)).req("acknowledged", array(text(200), 0))
            .opt("overrideJustification", text(4000)).req("findings", array(FINDING, 0))
            .req("evidenceDigests", array(EVIDENCE_DIGEST, 0)).req("decidedBy", USER).req("decidedAt", instant())
            .opt("supersedes", RECORD_ID);
    static final Shape SIGNOFF = new Shape().req("seq", integer(1)).req("decisionId", RECORD_ID).req("caseNo", CASE_NO)
            .req("verdict", oneOf(VERDICTS)).opt("note", text(2000)).req("signedBy", USER).req("signedAt", instant());
    static final Shape INSPECTION = new Shape().req("seq", integer(1)).req("inspectionId", RECORD_ID)
            .req("caseNo", CASE_NO).req("providerUscc", uscc()).req("inspector", text(100)).req("inspectedAt", instant())
            .req("address", text(400)).opt("gps", pattern("-?[0-9]{1,2}(\\.[0-9]{1,8})?,-?[0-9]{1,3}(\\.[0-9]{1,8})?"))
            .req("result", oneOf(INSPECTION_RESULTS)).req("checklist", array(oneOf(CHECKLIST), 0))
            .opt("notes", text(2000)).req("attachments", array(ATTACHMENT, 0));
    static final Shape CASE = new Shape().req("caseNo", CASE_NO).req("districtCode", pattern("[0-9]{6}"))
            .req("platform", text(100)).req("receivedOn", date()).req("deadlineOn", date())
            .req("status", oneOf(CASE_STATUSES)).opt("assignee", text(100)).req("services", array(oneOf(SERVICES), 1))
            .req("performer", PERFORMER).req("subcontractDeclared", bool()).req("provider", PROVIDER)
            .req("equipment", array(EQUIPMENT, 1)).req("evidence", array(EVIDENCE, 0));
    static final Shape REGISTRY_UPDATE = new Shape().req("uscc", uscc()).req("recordedAt", instant())
            .req("changes", PROVIDER_CHANGES).req("evidence", array(REGISTRY_EVIDENCE, 0))
            .crossCheck((w, o) -> {
                if (o.get("changes").isEmpty() && o.get("evidence").isEmpty()) {
                    throw w.fail(PackageProblem.NOTHING_TO_UPDATE, "", "");
                }
            });
    static final Shape ISSUER_KEY = new Shape().req("action", oneOf(ISSUER_ACTIONS)).req("keyId", hex64())
            .req("name", text(200)).opt("publicKeyPem", Rules.publicKeyPem()).req("effectiveAt", instant())
            .crossCheck(RecordSchemas::issuerKeyMatches);

    private static final Map<RecordType, Shape> BY_TYPE = new EnumMap<>(Map.of(RecordType.DECISION, DECISION,
            RecordType.SIGNOFF, SIGNOFF, RecordType.INSPECTION, INSPECTION, RecordType.CASE, CASE,
            RecordType.REGISTRY_UPDATE, REGISTRY_UPDATE, RecordType.ISSUER_KEY, ISSUER_KEY));

    private RecordSchemas() {
    }

    static Shape of(RecordType type) {
        return BY_TYPE.get(type);
    }

    /** Checks one record; a JSON value that is not an object is refused as NOT_OBJECT. */
    static void check(RecordType type, Where where, JsonNode record, Rule.Refs refs) {
        if (!record.isObject()) {
            throw where.fail(PackageProblem.NOT_OBJECT, Rules.typeOf(record), "");
        }
        of(type).check(where, record, refs);
    }

    private static Shape evidence(Rule source) {
        return new Shape().req("kind", oneOf(EVIDENCE_KINDS)).req("source", source).req("title", text(200))
                .opt("validFrom", date()).opt("validTo", date()).req("recordedAt", instant())
                .req("fields", Rules.mapOf(Rules.anyText(4000))).req("attachments", array(ATTACHMENT, 0))
                .opt("signature", SIGNATURE);
    }

    /** Provider fields; as changes every member is optional, and null clears the nullable ones. */
    private static Shape providerFields(Shape s, boolean changes) {
        member(s, changes, "nameZh", text(200), false);
        member(s, changes, "nameEn", text(300), true);
        member(s, changes, "entityType", text(100), false);
        member(s, changes, "legalRep", text(100), false);
        member(s, changes, "legalRepTitle", text(40), false);
        member(s, changes, "registeredCapital", text(100), true);
        member(s, changes, "registeredAddress", text(400), false);
        member(s, changes, "registrationAuthority", text(200), false);
        member(s, changes, "establishedOn", date(), false);
        if (changes) {
            s.opt("termTo", date());
        } else {
            s.reqNullable("termTo", date());
        }
        member(s, changes, "registryStatus", oneOf(REGISTRY_STATUSES), false);
        member(s, changes, "businessScope", text(2000), false);
        return s;
    }

    private static void member(Shape s, boolean changes, String name, Rule rule, boolean nullable) {
        if (nullable) {
            s.opt(name, rule);
        } else if (changes) {
            s.optNonNull(name, rule);
        } else {
            s.req(name, rule);
        }
    }

    private static void issuerKeyMatches(Where w, JsonNode o) {
        JsonNode pem = o.get("publicKeyPem");
        boolean hasPem = pem != null && !pem.isNull();
        if ("ADD".equals(o.get("action").textValue()) && !hasPem) {
            throw w.field("publicKeyPem").fail(PackageProblem.FIELD_MISSING, "", "ADD");
        }
        if (hasPem) {
            String fingerprint = Sm2.fingerprint(Sm2.decodePublicKeyPem(pem.textValue()));
            if (!fingerprint.equals(o.get("keyId").textValue())) {
                throw w.field("keyId").fail(PackageProblem.KEY_MISMATCH, o.get("keyId").textValue(), fingerprint);
            }
        }
    }
}
