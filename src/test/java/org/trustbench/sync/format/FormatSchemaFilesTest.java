package org.trustbench.sync.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.crypto.Sm2;
import org.trustbench.decision.Outcome;
import org.trustbench.decision.ReasonCode;
import org.trustbench.decision.Supplement;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.EvidenceKind;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.RegistryStatus;
import org.trustbench.domain.ServiceType;
import org.trustbench.domain.Severity;
import org.trustbench.domain.SiteType;

/** The JSON Schemas in docs/schema/ and the Java checks describe the same format. */
class FormatSchemaFilesTest {

    private static final Path DIR = Path.of("docs/schema");
    private final Map<String, JsonNode> files = new HashMap<>();

    @TempDir
    Path tmp;

    private JsonNode file(String name) {
        return files.computeIfAbsent(name, n -> {
            try {
                return Fixtures.JSON.readTree(DIR.resolve(n).toFile());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Follows $ref (within common.schema.json or the same file). */
    private JsonNode resolve(String fileName, JsonNode s) {
        while (s.has("$ref")) {
            String ref = s.get("$ref").asText();
            int hash = ref.indexOf('#');
            String target = hash == 0 ? fileName : ref.substring(0, hash);
            s = file(target).at(ref.substring(hash + 1));
            fileName = target;
        }
        return s;
    }

    private record Resolved(JsonNode schema, boolean nullable) {
    }

    private Resolved nonNull(String fileName, JsonNode s) {
        s = resolve(fileName, s);
        if (s.has("anyOf")) {
            JsonNode other = null;
            boolean nullable = false;
            for (JsonNode branch : s.get("anyOf")) {
                if (branch.path("type").asText().equals("null")) {
                    nullable = true;
                } else {
                    other = branch;
                }
            }
            if (nullable) {
                return new Resolved(resolve(fileName, other), true);
            }
        }
        JsonNode type = s.get("type");
        return new Resolved(s, type != null && type.isArray() && type.toString().contains("\"null\""));
    }

    @Test
    void everyRecordSchemaMatchesItsJavaShape() {
        for (RecordType t : RecordType.values()) {
            String name = t.typeName() + ".schema.json";
            JsonNode root = file(name);
            assertEquals("https://json-schema.org/draft/2020-12/schema", root.get("$schema").asText());
            compare(name, t.typeName(), RecordSchemas.of(t), root);
        }
        compare("manifest.schema.json", "manifest", ManifestCodec.SHAPE, file("manifest.schema.json"));
    }

    private void compare(String fileName, String path, Rule rule, JsonNode schema) {
        JsonNode s = resolve(fileName, schema);
        if (rule instanceof Shape shape) {
            assertEquals("object", s.get("type").asText(), path);
            assertEquals(false, s.get("additionalProperties").asBoolean(true), path + " is closed");
            Set<String> props = new TreeSet<>();
            s.get("properties").fieldNames().forEachRemaining(props::add);
            assertEquals(new TreeSet<>(shape.members().keySet()), props, path + " members");
            Set<String> required = new TreeSet<>();
            s.path("required").forEach(r -> required.add(r.asText()));
            Set<String> javaRequired = new TreeSet<>();
            shape.members().values().stream().filter(Shape.Member::required).forEach(m -> javaRequired.add(m.name()));
            assertEquals(javaRequired, required, path + " required");
            for (Shape.Member m : shape.members().values()) {
                Resolved r = nonNull(fileName, s.get("properties").get(m.name()));
                assertEquals(m.nullable(), r.nullable(), path + "." + m.name() + " nullable");
                compare(fileName, path + "." + m.name(), m.rule(), r.schema());
            }
        } else if (rule instanceof Rules.ArrayOf a) {
            assertEquals("array", s.get("type").asText(), path);
            assertEquals(a.minItems(), s.path("minItems").asInt(0), path + " minItems");
            compare(fileName, path + "[]", a.items(), s.get("items"));
        } else if (rule instanceof Rules.MapOf m) {
            assertEquals("object", s.get("type").asText(), path);
            compare(fileName, path + "{}", m.values(), s.get("additionalProperties"));
        } else if (rule instanceof Rules.Scalar sc) {
            scalar(path, sc, s);
        } else {
            throw new AssertionError("unknown rule at " + path);
        }
    }

    private void scalar(String path, Rules.Scalar sc, JsonNode s) {
        String kind = sc.kind();
        String type = s.get("type").isArray() ? s.get("type").get(0).asText() : s.get("type").asText();
        String pattern = s.path("pattern").asText();
        JsonNode common = file("common.schema.json").get("$defs");
        if (kind.startsWith("text:")) {
            assertEquals("string", type, path);
            assertEquals(Integer.parseInt(kind.substring(5)), s.get("maxLength").asInt(), path + " maxLength");
            assertEquals(1, s.get("minLength").asInt(), path + " minLength");
            assertEquals("\\S", pattern, path + " not blank");
        } else if (kind.startsWith("anyText:")) {
            assertEquals(Integer.parseInt(kind.substring(8)), s.get("maxLength").asInt(), path + " maxLength");
        } else if (kind.startsWith("pattern:")) {
            assertEquals("^" + kind.substring(8) + "$", pattern, path + " pattern");
        } else if (kind.startsWith("integer:")) {
            assertEquals("integer", type, path);
            long min = Long.parseLong(kind.substring(8));
            assertTrue(s.path("minimum").asLong(-1) == min || s.has("const") && s.get("const").asLong() >= min, path);
        } else {
            switch (kind) {
                case "enum" -> assertEquals(new TreeSet<>(sc.allowed()), strings(s.get("enum")), path + " enum");
                case "date", "instant", "uscc" -> assertEquals(common.get(kind).get("pattern").asText(), pattern, path);
                case "attachmentRef" -> assertEquals(common.get("sm3").get("pattern").asText(), pattern, path);
                case "boolean" -> assertEquals("boolean", type, path);
                case "publicKeyPem" -> assertTrue(pattern.startsWith("^-----BEGIN PUBLIC KEY-----"), path);
                default -> throw new AssertionError("unknown scalar " + kind + " at " + path);
            }
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The enum values are part of the format; when a domain enum changes, the format (and this test) must too. */
    @Test
    void formatEnumsStillMatchTheDomain() {
        assertEquals(names(Outcome.values()), RecordSchemas.OUTCOMES);
        assertEquals(names(ReasonCode.values()), RecordSchemas.REASONS);
        assertEquals(names(Supplement.values()), RecordSchemas.SUPPLEMENTS);
        assertEquals(names(Severity.values()), RecordSchemas.SEVERITIES);
        assertEquals(names(EvidenceKind.values()), RecordSchemas.EVIDENCE_KINDS);
        assertEquals(names(EvidenceSource.values()), RecordSchemas.EVIDENCE_SOURCES);
        assertEquals(names(CaseStatus.values()), RecordSchemas.CASE_STATUSES);
        assertEquals(names(ServiceType.values()), RecordSchemas.SERVICES);
        assertEquals(names(SiteType.values()), RecordSchemas.SITE_TYPES);
        RecordSchemas.REGISTRY_STATUSES.forEach(s -> assertTrue(RegistryStatus.parse(s).isPresent(), s));
        assertEquals(Arrays.stream(RegistryStatus.values()).map(RegistryStatus::label).toList().size(),
                RecordSchemas.REGISTRY_STATUSES.size() - 1, "存续 and 在业 both mean ACTIVE");
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /**
     * Behaviour, not just structure: valid records and many variants of them get the same verdict from the Java
     * checks and from Python's jsonschema (draft 2020-12, with format checks). Skipped without python3 + jsonschema.
     */
    @Test
    void javaAndJsonSchemaAgreeOnRecordVariants() throws Exception {
        Assumptions.assumeTrue(python("import jsonschema"), "python3 with jsonschema not available");
        List<Object[]> cases = new ArrayList<>();
        Map<RecordType, ObjectNode> samples = new HashMap<>();
        samples.put(RecordType.DECISION, Fixtures.decision(1, "BA-1"));
        samples.put(RecordType.SIGNOFF, Fixtures.signoff(2, 1, "BA-1"));
        samples.put(RecordType.INSPECTION, Fixtures.inspection(3, "BA-1", Fixtures.PHOTO_SM3));
        samples.put(RecordType.CASE, DemoDatasetPackages.caseRecords().get(0));
        samples.put(RecordType.REGISTRY_UPDATE, DemoDatasetPackages.registryUpdate());
        samples.put(RecordType.ISSUER_KEY, Fixtures.parse("""
                {"action":"REVOKE","keyId":"%s","name":"旧密钥","effectiveAt":"2026-11-01T00:00:00+08:00"}"""
                .formatted(Sm2.fingerprint(Fixtures.CENTRAL.getPublic()))));
        for (var e : samples.entrySet()) {
            for (ObjectNode variant : Variants.of(e.getValue())) {
                cases.add(new Object[] {e.getKey(), variant});
            }
        }
        ArrayNode input = Fixtures.JSON.createArrayNode();
        List<Boolean> javaVerdicts = new ArrayList<>();
        for (Object[] c : cases) {
            RecordType type = (RecordType) c[0];
            input.addObject().put("schema", DIR.resolve(type.typeName() + ".schema.json").toAbsolutePath().toString())
                    .set("instance", (JsonNode) c[1]);
            boolean ok;
            try {
                RecordSchemas.check(type, Where.root("x", 1), (JsonNode) c[1], Rule.Refs.NONE);
                ok = true;
            } catch (PackageException ex) {
                ok = false;
            }
            javaVerdicts.add(ok);
        }
        Path in = Files.writeString(tmp.resolve("cases.json"), input.toString());
        String script = """
                import json, sys, pathlib, jsonschema
                from referencing import Registry, Resource
                d = pathlib.Path(sys.argv[2])
                res = [Resource.from_contents(json.loads(p.read_text(encoding="utf-8"))) for p in d.glob("*.schema.json")]
                reg = Registry().with_resources([(r.contents["$id"], r) for r in res])
                out = []
                for c in json.load(open(sys.argv[1], encoding="utf-8")):
                    s = json.loads(pathlib.Path(c["schema"]).read_text(encoding="utf-8"))
                    v = jsonschema.Draft202012Validator(s, registry=reg, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
                    out.append(v.is_valid(c["instance"]))
                print(json.dumps(out))
                """;
        Process p = new ProcessBuilder("python3", "-c", script, in.toString(), DIR.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, output);
        JsonNode verdicts = Fixtures.JSON.readTree(output);
        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < cases.size(); i++) {
            if (verdicts.get(i).asBoolean() != javaVerdicts.get(i)) {
                disagreements.add(cases.get(i)[0] + " java=" + javaVerdicts.get(i) + " schema=" + verdicts.get(i) + ": " + cases.get(i)[1]);
            }
            accepted += javaVerdicts.get(i) ? 1 : 0;
        }
        assertEquals(List.of(), disagreements);
        assertTrue(cases.size() > 300 && accepted > 10, cases.size() + " variants, " + accepted + " valid");
    }

    private static boolean python(String code) {
        try {
            Process p = new ProcessBuilder("python3", "-c", code).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Variants of a valid record: each member removed, nulled, retyped, emptied, padded; an unknown member; … */
    static final class Variants {
        private Variants() {
        }

        static List<ObjectNode> of(ObjectNode valid) {
            List<ObjectNode> out = new ArrayList<>();
            out.add(valid.deepCopy());
            walk(valid, valid, out, new HashSet<>());
            ObjectNode unknown = valid.deepCopy();
            unknown.put("unexpected", 1);
            out.add(unknown);
            return out;
        }

        /** Edits each member of each nested object of {@code root}, in a copy of root. */
        private static void walk(ObjectNode root, ObjectNode node, List<ObjectNode> out, Set<String> seen) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode v = node.get(name);
                for (JsonNode replacement : replacements(v)) {
                    out.add(edit(root, node, name, replacement));
                }
                out.add(edit(root, node, name, null));
                if (v.isObject()) {
                    walk(root, (ObjectNode) v, out, seen);
                } else if (v.isArray() && !v.isEmpty() && v.get(0).isObject()) {
                    walk(root, (ObjectNode) v.get(0), out, seen);
                }
            }
        }

        private static List<JsonNode> replacements(JsonNode v) {
            var f = Fixtures.JSON.getNodeFactory();
            List<JsonNode> r = new ArrayList<>(List.of(f.nullNode(), f.numberNode(7), f.textNode(""), f.textNode(" "),
                    f.booleanNode(true), f.arrayNode(), f.objectNode()));
            if (v.isTextual()) {
                String s = v.asText();
                r.addAll(List.of(f.textNode(s + "x"), f.textNode(s.toLowerCase()), f.textNode("2026-02-30"),
                        f.textNode("2026-11-20T09:00:00+08:00"), f.textNode("2026-11-20"), f.textNode("x".repeat(5000)),
                        f.textNode("91310115MA1TA3905T"), f.textNode("91310115MA1TA3905"), f.textNode(s.substring(0, s.length() / 2))));
            }
            if (v.isIntegralNumber()) {
                r.addAll(List.of(f.numberNode(0), f.numberNode(-1), f.numberNode(1.5), f.numberNode(v.asLong() + 1)));
            }
            if (v.isArray()) {
                ArrayNode withNull = v.deepCopy();
                withNull.addNull();
                r.add(withNull);
                ArrayNode withText = v.deepCopy();
                withText.add("BOGUS");
                r.add(withText);
            }
            return r;
        }

        private static ObjectNode edit(ObjectNode root, ObjectNode target, String name, JsonNode replacement) {
            ObjectNode copy = root.deepCopy();
            ObjectNode t = (ObjectNode) find(copy, root, target);
            if (replacement == null) {
                t.remove(name);
            } else {
                t.set(name, replacement);
            }
            return copy;
        }

        /** The node in {@code copy} at the position {@code target} has in {@code original}. */
        private static JsonNode find(JsonNode copy, JsonNode original, JsonNode target) {
            if (original == target) {
                return copy;
            }
            if (original.isContainerNode()) {
                var names = new ArrayList<String>();
                if (original.isObject()) {
                    original.fieldNames().forEachRemaining(names::add);
                    for (String n : names) {
                        JsonNode r = find(copy.get(n), original.get(n), target);
                        if (r != null) {
                            return r;
                        }
                    }
                } else {
                    for (int i = 0; i < original.size(); i++) {
                        JsonNode r = find(copy.get(i), original.get(i), target);
                        if (r != null) {
                            return r;
                        }
                    }
                }
            }
            return null;
        }
    }
}
