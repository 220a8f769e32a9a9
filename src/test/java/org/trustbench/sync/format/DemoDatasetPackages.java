package org.trustbench.sync.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trustbench.crypto.Sm3;

/**
 * The default demo dataset (docs/sample-data.md) in the shape of inbound {@code case} records: the provider inline
 * instead of {@code providerUscc}, attachments by SM3 instead of by file, no scenario tags. A reference for the
 * demo central's {@code demo package} command.
 */
final class DemoDatasetPackages {

    static final Path DATASET = Path.of("sample-data/default");

    private DemoDatasetPackages() {
    }

    static List<ObjectNode> caseRecords() {
        try {
            Map<String, JsonNode> providers = new HashMap<>();
            for (JsonNode p : Fixtures.JSON.readTree(DATASET.resolve("providers.json").toFile())) {
                providers.put(p.get("uscc").asText(), p);
            }
            List<ObjectNode> out = new ArrayList<>();
            for (JsonNode c : Fixtures.JSON.readTree(DATASET.resolve("cases.json").toFile())) {
                ObjectNode r = Fixtures.JSON.createObjectNode();
                for (String f : List.of("caseNo", "districtCode", "platform", "receivedOn", "deadlineOn", "status", "assignee",
                        "services", "performer", "subcontractDeclared")) {
                    if (c.has(f)) {
                        r.set(f, c.get(f));
                    }
                }
                r.set("provider", providers.get(c.get("providerUscc").asText()));
                r.set("equipment", c.get("equipment"));
                ArrayNode evidence = r.putArray("evidence");
                for (JsonNode e : c.get("evidence")) {
                    ObjectNode item = e.deepCopy();
                    ArrayNode attachments = Fixtures.JSON.createArrayNode();
                    for (JsonNode a : e.get("attachments")) {
                        String file = a.get("file").asText();
                        attachments.addObject().put("sm3", Sm3.hex(Files.readAllBytes(DATASET.resolve(file))))
                                .put("fileName", file.substring(file.lastIndexOf('/') + 1))
                                .put("mediaType", a.get("mediaType").asText());
                    }
                    item.set("attachments", attachments);
                    evidence.add(item);
                }
                out.add(r);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dataset's attachment files by SM3. */
    static Map<String, byte[]> attachments() {
        try (var files = Files.list(DATASET.resolve("attachments"))) {
            Map<String, byte[]> out = new TreeMap<>();
            for (Path f : files.toList()) {
                byte[] b = Files.readAllBytes(f);
                out.put(Sm3.hex(b), b);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A revocation of the first case's provider. */
    static ObjectNode registryUpdate() {
        String uscc = caseRecords().get(0).get("provider").get("uscc").asText();
        return Fixtures.parse("""
                {"uscc":"%s","recordedAt":"2026-11-21T08:00:00+08:00",
                 "changes":{"registryStatus":"吊销","termTo":null},"evidence":[]}""".formatted(uscc));
    }
}
