package org.trustbench.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import org.trustbench.domain.EvidenceRef;

/** Nodes of the review screen registered by the evidence they show, so a finding can highlight them. */
final class Highlights {

    static final String STYLE = "evidence-highlight";
    private final Map<Long, List<Node>> byEvidence = new HashMap<>();
    private final Map<EvidenceRef, List<Node>> byField = new HashMap<>();
    private final Map<String, List<Node>> byCaseField = new HashMap<>();
    private final List<Node> lit = new ArrayList<>();

    void clear() {
        byEvidence.clear();
        byField.clear();
        byCaseField.clear();
        lit.clear();
    }

    void register(EvidenceRef ref, Node node) {
        if (ref == null) {
            return;
        }
        if (ref.evidenceId() == EvidenceRef.CASE) {
            byCaseField.computeIfAbsent(ref.field(), k -> new ArrayList<>()).add(node);
        } else if (ref.field() == null) {
            byEvidence.computeIfAbsent(ref.evidenceId(), k -> new ArrayList<>()).add(node);
        } else {
            byField.computeIfAbsent(ref, k -> new ArrayList<>()).add(node);
        }
    }

    void registerEvidence(long evidenceId, Node node) {
        byEvidence.computeIfAbsent(evidenceId, k -> new ArrayList<>()).add(node);
    }

    /** Lights the nodes of {@code refs}; returns the first one lit, for scrolling. */
    Node light(List<EvidenceRef> refs) {
        lit.forEach(n -> n.getStyleClass().remove(STYLE));
        lit.clear();
        for (EvidenceRef ref : refs) {
            List<Node> nodes = new ArrayList<>();
            if (ref.evidenceId() == EvidenceRef.CASE) {
                nodes.addAll(byCaseField.getOrDefault(ref.field(), List.of()));
            } else {
                // The item as a whole, and the field the finding names (in the item and in the grid).
                nodes.addAll(byEvidence.getOrDefault(ref.evidenceId(), List.of()));
                if (ref.field() != null) {
                    nodes.addAll(byField.getOrDefault(ref, List.of()));
                }
            }
            for (Node n : nodes) {
                n.getStyleClass().add(STYLE);
                lit.add(n);
            }
        }
        return lit.isEmpty() ? null : lit.get(0);
    }
}
