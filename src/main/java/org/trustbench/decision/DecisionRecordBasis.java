package org.trustbench.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.trustbench.crypto.RegistryRecordSignature;
import org.trustbench.crypto.Sm3;
import org.trustbench.domain.Attachment;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Finding;

/**
 * What a decision was made on, frozen at the time: the findings, and an SM3 digest of each
 * evidence item (over the same canonical form as registry signatures) with its attachments' digests.
 */
final class DecisionRecordBasis {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionRecordBasis() {
    }

    static String findingsSnapshot(List<Finding> findings) {
        ArrayNode array = JSON.createArrayNode();
        for (Finding f : findings) {
            ObjectNode o = array.addObject();
            o.put("ruleId", f.ruleId());
            o.put("severity", f.severity().name());
            o.put("messageKey", f.messageKey());
            ArrayNode args = o.putArray("args");
            f.args().forEach(args::add);
        }
        return write(array);
    }

    static String evidenceDigests(FilingCase c) {
        ArrayNode array = JSON.createArrayNode();
        for (EvidenceItem e : c.evidence()) {
            ObjectNode o = array.addObject();
            o.put("evidenceId", e.id());
            o.put("kind", e.kind().name());
            o.put("source", e.source().name());
            o.put("sm3", Sm3.hex(RegistryRecordSignature.canonicalBytes(e.kind().name(), e.source().name(), e.fields(),
                    e.validFrom(), e.validTo(), e.recordedAt())));
            ArrayNode attachments = o.putArray("attachments");
            for (Attachment a : e.attachments()) {
                attachments.add(a.sm3());
            }
        }
        return write(array);
    }

    private static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain JSON tree", e);
        }
    }
}
