package org.trustbench.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The outbound sync records of decisions and sign-offs (docs/sync-format.md), as compact JSON, minus
 * what only the export knows: the sequence number and the workstation prefix of record ids.
 */
final class SyncRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SyncRecords() {
    }

    static String decision(Decision d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("decisionId", d.id());
        o.put("caseNo", d.caseNo());
        o.put("outcome", d.outcome().name());
        ArrayNode reasons = o.putArray("reasons");
        d.reasons().forEach(r -> reasons.add(r.name()));
        ArrayNode supplements = o.putArray("supplements");
        d.supplements().forEach(s -> supplements.add(s.name()));
        putIfPresent(o, "rationale", d.rationale());
        putIfPresent(o, "overrideJustification", d.overrideJustification());
        ArrayNode acknowledged = o.putArray("acknowledged");
        d.acknowledged().forEach(acknowledged::add);
        o.set("findings", read(d.findingsSnapshot()));
        o.set("evidenceDigests", read(d.evidenceDigests()));
        o.put("decidedBy", d.decidedBy());
        o.put("decidedAt", d.decidedAt().toInstant().toString());
        if (d.supersedes() != null) {
            o.put("supersedes", d.supersedes());
        }
        return write(o);
    }

    static String signOff(Decision d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("decisionId", d.id());
        o.put("caseNo", d.caseNo());
        o.put("verdict", d.signOff().verdict().name());
        putIfPresent(o, "note", d.signOff().note());
        o.put("signedBy", d.signOff().signedBy());
        o.put("signedAt", d.signOff().signedAt().toInstant().toString());
        return write(o);
    }

    /** Optional members are left out rather than written as null, as the format requires. */
    private static void putIfPresent(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored decision JSON", e);
        }
    }

    private static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain JSON tree", e);
        }
    }
}
