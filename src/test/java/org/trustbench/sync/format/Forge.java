package org.trustbench.sync.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.trustbench.crypto.Sm2;
import org.trustbench.crypto.Sm3;

/**
 * Builds packages with any content, bypassing the writer's checks, and signs them with a key of choice: the way to
 * make packages a trusted but faulty (or hostile) signer could produce.
 */
final class Forge {

    ObjectNode manifest;
    /** Entries after manifest.json and manifest.sig, in archive order. */
    final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>();
    final Map<String, Integer> methods = new HashMap<>();
    PrivateKey key;
    byte[] signatureOverride;
    boolean withSignature = true;
    boolean withManifest = true;

    /** The parts of a real package. */
    static Forge of(Path pkg, PrivateKey key) throws IOException {
        Forge f = new Forge();
        f.key = key;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(pkg)))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("manifest.json")) {
                    f.manifest = (ObjectNode) Fixtures.JSON.readTree(content);
                } else if (!e.getName().equals("manifest.sig")) {
                    f.entries.put(e.getName(), content);
                }
            }
        }
        return f;
    }

    /** Replaces or adds an entry and its manifest listing (size, SM3), and for records its count. */
    Forge put(String path, byte[] content) {
        boolean added = !entries.containsKey(path);
        entries.put(path, content);
        ObjectNode listing = listing(path);
        if (listing == null) {
            listing = ((ArrayNode) manifest.get("entries")).addObject().put("path", path);
        }
        listing.put("size", content.length).put("sm3", Sm3.hex(content));
        if (added) {
            sortByEntryOrder();
        }
        RecordType.byEntryPath(path).ifPresent(t -> ((ObjectNode) manifest.get("counts")).put(t.typeName(),
                new String(content, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count()));
        return this;
    }

    Forge put(String path, String content) {
        return put(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces one line (1-based) of a records entry. */
    Forge line(RecordType type, int line, String json) {
        String[] lines = new String(entries.get(type.entryPath()), StandardCharsets.UTF_8).split("\n", -1);
        lines[line - 1] = json;
        return put(type.entryPath(), String.join("\n", lines));
    }

    /** Replaces one record (1-based line) with an edited copy. */
    Forge record(RecordType type, int line, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        String[] lines = new String(entries.get(type.entryPath()), StandardCharsets.UTF_8).split("\n", -1);
        ObjectNode node = (ObjectNode) Fixtures.JSON.readTree(lines[line - 1]);
        edit.accept(node);
        return line(type, line, Fixtures.JSON.writeValueAsString(node));
    }

    /** Archive and listing in the format's order, as after a writer. */
    void sortByEntryOrder() {
        List<String> paths = new ArrayList<>(entries.keySet());
        paths.sort(ManifestCodec.ENTRY_ORDER);
        LinkedHashMap<String, byte[]> copy = new LinkedHashMap<>(entries);
        entries.clear();
        paths.forEach(p -> entries.put(p, copy.get(p)));
        ArrayNode listings = (ArrayNode) manifest.get("entries");
        List<JsonNode> nodes = new ArrayList<>();
        listings.forEach(nodes::add);
        nodes.sort((a, b) -> ManifestCodec.ENTRY_ORDER.compare(a.get("path").asText(), b.get("path").asText()));
        listings.removeAll();
        listings.addAll(nodes);
    }

    ObjectNode listing(String path) {
        for (JsonNode n : manifest.get("entries")) {
            if (n.get("path").asText().equals(path)) {
                return (ObjectNode) n;
            }
        }
        return null;
    }

    byte[] manifestBytes() {
        try {
            return (Fixtures.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] build() throws IOException {
        byte[] m = manifestBytes();
        List<Map.Entry<String, byte[]>> all = new ArrayList<>();
        if (withManifest) {
            all.add(Map.entry("manifest.json", m));
        }
        if (withSignature) {
            all.add(Map.entry("manifest.sig", signatureOverride != null ? signatureOverride : Sm2.sign(key, m)));
        }
        all.addAll(entries.entrySet());
        return zip(all, methods);
    }

    Path write(Path file) throws IOException {
        Files.write(file, build());
        return file;
    }

    /** A ZIP of the given entries in order; attachments and the signature stored, the rest deflated. */
    static byte[] zip(List<Map.Entry<String, byte[]>> all, Map<String, Integer> methods) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : all) {
                ZipEntry z = new ZipEntry(e.getKey());
                z.setTimeLocal(LocalDateTime.of(2000, 1, 1, 0, 0));
                int method = methods.getOrDefault(e.getKey(),
                        e.getKey().startsWith("attachments/") || e.getKey().equals("manifest.sig") ? ZipEntry.STORED
                                : ZipEntry.DEFLATED);
                z.setMethod(method);
                if (method == ZipEntry.STORED) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    z.setSize(e.getValue().length);
                    z.setCompressedSize(e.getValue().length);
                    z.setCrc(crc.getValue());
                }
                zip.putNextEntry(z);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> ordered(Object... pathsAndContents) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            m.put((String) pathsAndContents[i], (byte[]) pathsAndContents[i + 1]);
        }
        return m;
    }
}
