package org.trustbench.sync.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trustbench.crypto.Sm2;
import org.trustbench.crypto.Sm3;
import org.trustbench.i18n.Messages;

/** Every bad input of the issue is refused before anything is applied, naming the entry, the line and the reason. */
class BadPackageTest {

    private static final String DECISIONS = "records/decision.jsonl";
    private static final String INSPECTIONS = "records/inspection.jsonl";

    @TempDir
    Path tmp;
    private Path valid;
    private byte[] validBytes;

    @BeforeEach
    void writeValidPackage() throws IOException {
        valid = Fixtures.outbound(tmp, "valid.zip");
        validBytes = Files.readAllBytes(valid);
    }

    private Forge forge() throws IOException {
        return Forge.of(valid, Fixtures.WORKSTATION.getPrivate());
    }

    private PackageException refused(byte[] zip) throws IOException {
        return refused(zip, Limits.DEFAULT);
    }

    private PackageException refused(byte[] zip, Limits limits) throws IOException {
        Path f = Files.write(tmp.resolve("bad.zip"), zip);
        return refused(f, limits);
    }

    private static PackageException refused(Path f, Limits limits) {
        PackageException e = assertThrows(PackageException.class,
                () -> PackageVerifier.verify(f, Fixtures.trusted(Fixtures.WORKSTATION), limits).close());
        for (var locale : Messages.SUPPORTED) {
            String text = Messages.forLocale(locale).format(e.userMessage());
            assertFalse(text.startsWith("!"), "message for " + e.problem() + " in " + locale);
            assertTrue(text.contains(e.entry().length() > 40 ? e.entry().substring(0, 40) : PackageException.clean(e.entry())),
                    text + " names " + e.entry());
            if (e.line() > 0) {
                assertTrue(text.contains(" " + e.line()), text + " names line " + e.line());
            }
            assertFalse(text.contains("\n"), "one line: " + text);
            assertFalse(text.matches("(?s).*(\\( |\\(\\)| \\)|（ |（）| ）|  ).*"), "no empty part: " + text);
            if (locale.equals(Messages.CHINESE)) {
                assertFalse(text.matches("(?s).*(central directory|local header|stored size|end record|deflate|layout"
                        + "|preset dictionary|shorter than|multi-disk|compression method|CRC-32 \\)).*"),
                        "our own words in Chinese: " + text);
            }
        }
        return e;
    }

    private static void assertProblem(PackageException e, PackageProblem problem, String entry) {
        assertEquals(problem, e.problem(), () -> Messages.forLocale(Messages.ENGLISH).format(e.userMessage()));
        assertEquals(entry, e.entry());
    }

    private static void assertProblem(PackageException e, PackageProblem problem, String entry, long line, String field) {
        assertProblem(e, problem, entry);
        assertEquals(line, e.line(), "line");
        assertEquals(field, e.field(), "field");
    }

    // ---------------------------------------------------------------- the archive

    @Test
    void notAZip() throws IOException {
        assertProblem(refused("decision,case\n1,2\n".getBytes(StandardCharsets.UTF_8)), PackageProblem.NOT_ZIP, "bad.zip");
        assertProblem(refused(new byte[0]), PackageProblem.NOT_ZIP, "bad.zip");
        assertProblem(refused(new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '7'}), PackageProblem.NOT_ZIP, "bad.zip");
    }

    @Test
    void truncatedArchive() throws IOException {
        for (int length : new int[] {10, 200, validBytes.length / 2, validBytes.length - 1, validBytes.length - 23}) {
            PackageException e = refused(ZipSurgery.cut(validBytes, length));
            assertEquals(PackageProblem.TRUNCATED, e.problem(), "cut at " + length);
        }
    }

    @Test
    void missingFile() {
        PackageException e = assertThrows(PackageException.class,
                () -> PackageVerifier.verify(tmp.resolve("nope.zip"), Fixtures.trusted(Fixtures.WORKSTATION), Limits.DEFAULT));
        assertProblem(e, PackageProblem.READ_ERROR, "nope.zip");
    }

    // ---------------------------------------------------------------- names and kinds

    @ParameterizedTest
    @ValueSource(strings = {"../evil.sh", "records/../../etc/cron.d/x", "/etc/passwd", "records\\decision.jsonl",
            "C:/Windows/evil.dll", "c:evil", "attachments//x", "./manifest.json", "records/.", "bad\u0001name"})
    void zipSlipAndOtherUnsafeNames(String name) throws IOException {
        Forge f = forge();
        f.entries.put(name, "x".getBytes(StandardCharsets.UTF_8));
        assertProblem(refused(f.build()), PackageProblem.UNSAFE_PATH, name);
    }

    @Test
    void nameThatIsNotUtf8() throws IOException {
        Forge f = forge();
        f.entries.put("attachments/zz", new byte[1]);
        byte[] zip = f.build();
        ZipSurgery.Cen c = ZipSurgery.find(zip, "attachments/zz");
        zip[c.cenAt() + 46 + 12] = (byte) 0xC0;
        zip[c.locAt() + 30 + 12] = (byte) 0xC0;
        assertEquals(PackageProblem.UNSAFE_PATH, refused(zip).problem());
    }

    @Test
    void symlinkEntry() throws IOException {
        String attachment = "attachments/" + Fixtures.PHOTO_SM3;
        byte[] zip = ZipSurgery.externalAttributes(validBytes, attachment, 0120777 << 16);
        assertProblem(refused(zip), PackageProblem.SYMLINK, attachment);
    }

    @Test
    void folderAndDeviceEntries() throws IOException {
        Forge f = forge();
        f.entries.put("attachments/", new byte[0]);
        assertProblem(refused(f.build()), PackageProblem.NOT_A_FILE, "attachments/");
        String attachment = "attachments/" + Fixtures.PHOTO_SM3;
        assertProblem(refused(ZipSurgery.externalAttributes(validBytes, attachment, 0020644 << 16)), PackageProblem.NOT_A_FILE,
                attachment);
        assertProblem(refused(ZipSurgery.externalAttributes(validBytes, attachment, 0x10)), PackageProblem.NOT_A_FILE,
                attachment);
    }

    @Test
    void duplicateEntryNames() throws IOException {
        // ZipOutputStream refuses duplicates, so write "records/decisioX.jsonl" and rename it in both headers.
        Forge f = forge();
        f.entries.put("records/decisioX.jsonl", "{}\n".getBytes(StandardCharsets.UTF_8));
        byte[] zip = ZipSurgery.rename(f.build(), "records/decisioX.jsonl", DECISIONS);
        assertProblem(refused(zip), PackageProblem.DUPLICATE_ENTRY, DECISIONS);

        byte[] manifestTwice = ZipSurgery.rename(f.build(), "records/decisioX.jsonl", "records/decision.jsonl");
        assertEquals(PackageProblem.DUPLICATE_ENTRY, refused(manifestTwice).problem());
    }

    // ---------------------------------------------------------------- caps and bombs

    @Test
    void entryOverTheSizeCap() throws IOException {
        String scan = "attachments/" + Fixtures.SCAN_SM3;
        PackageException e = refused(validBytes, Limits.DEFAULT.withMaxEntryBytes(10_000));
        assertProblem(e, PackageProblem.ENTRY_TOO_LARGE, scan);
        assertProblem(refused(validBytes, Limits.DEFAULT.withMaxTotalBytes(20_000)), PackageProblem.TOTAL_TOO_LARGE, scan);
    }

    @Test
    void zipBombOf100MegabytesOfZeros() throws IOException {
        byte[] zeros = new byte[100 * 1024 * 1024];
        String sm3 = Sm3.hex(zeros);
        String path = "attachments/" + sm3;
        Forge f = forge();
        f.put(path, zeros);
        f.methods.put(path, ZipEntry.DEFLATED);
        f.record(RecordType.INSPECTION, 1, r -> r.withArray("attachments").addObject().put("sm3", sm3)
                .put("fileName", "zeros.bin").put("mediaType", "application/pdf"));
        byte[] bomb = f.build();
        zeros = null;
        assertTrue(bomb.length < 1_000_000, "compressed to " + bomb.length);

        assertProblem(refused(bomb, Limits.DEFAULT.withMaxEntryBytes(10 * 1024 * 1024)), PackageProblem.ENTRY_TOO_LARGE, path);
        assertProblem(refused(bomb, Limits.DEFAULT), PackageProblem.COMPRESSION_RATIO, path);

        // A signer that lies about the size in the archive and the manifest: caught while inflating, early.
        f.listing(path).put("size", 4096);
        byte[] lying = ZipSurgery.declaredSize(f.build(), path, 4096);
        long start = System.nanoTime();
        assertProblem(refused(lying), PackageProblem.INFLATES_PAST_DECLARED, path);
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "refused without inflating 100 MB");
    }

    @Test
    void tooManyEntries() throws IOException {
        assertProblem(refused(validBytes, Limits.DEFAULT.withMaxEntries(3)), PackageProblem.TOO_MANY_ENTRIES, "bad.zip");
    }

    // ---------------------------------------------------------------- manifest and signature

    @Test
    void missingOrBadSignature() throws IOException {
        Forge f = forge();
        f.withSignature = false;
        assertProblem(refused(f.build()), PackageProblem.MISSING_SIGNATURE, "manifest.sig");

        Forge other = forge();
        other.signatureOverride = Sm2.sign(Fixtures.CENTRAL.getPrivate(), other.manifestBytes());
        assertProblem(refused(other.build()), PackageProblem.BAD_SIGNATURE, "manifest.sig");

        ZipSurgery.Cen sig = ZipSurgery.find(validBytes, "manifest.sig");
        assertProblem(refused(ZipSurgery.flip(validBytes, sig.dataAt(validBytes) + 20, 0x01)), PackageProblem.BAD_SIGNATURE,
                "manifest.sig");
    }

    @Test
    void manifestChangedAfterSigning() throws IOException {
        Forge f = forge();
        byte[] signature = Sm2.sign(Fixtures.WORKSTATION.getPrivate(), f.manifestBytes());
        f.manifest.put("demo", false);
        f.signatureOverride = signature;
        assertProblem(refused(f.build()), PackageProblem.BAD_SIGNATURE, "manifest.sig");

        Forge broken = forge();
        broken.signatureOverride = Sm2.sign(Fixtures.WORKSTATION.getPrivate(), broken.manifestBytes());
        broken.withManifest = true;
        byte[] zip = broken.build();
        ZipSurgery.Cen m = ZipSurgery.find(zip, "manifest.json");
        // a flipped byte in the deflated manifest: damaged, or unreadable JSON that no trusted key signed
        PackageException e = refused(ZipSurgery.flip(zip, m.dataAt(zip) + 40, 0x10));
        assertTrue(Set.of("manifest.json", "manifest.sig").contains(e.entry()), e.entry());
    }

    @Test
    void hugeUnsignedManifestIsRefusedWithoutBuildingIt() throws IOException {
        Forge f = forge();
        StringBuilder b = new StringBuilder("{\"padding\":[");
        b.append("{},".repeat(4_000_000)).append("{}]}");
        byte[] manifest = b.toString().getBytes(StandardCharsets.UTF_8);
        List<Map.Entry<String, byte[]>> entries = new java.util.ArrayList<>();
        entries.add(Map.entry("manifest.json", manifest));
        entries.add(Map.entry("manifest.sig", Sm2.sign(Fixtures.CENTRAL.getPrivate(), manifest)));
        entries.addAll(f.entries.entrySet());
        // stored, so that the compression-ratio cap (which also catches it, deflated) does not stop it first
        assertProblem(refused(Forge.zip(entries, Map.of("manifest.json", ZipEntry.STORED))), PackageProblem.BAD_SIGNATURE,
                "manifest.sig");
    }

    @Test
    void missingManifest() throws IOException {
        Forge f = forge();
        f.withManifest = false;
        assertProblem(refused(f.build()), PackageProblem.MISSING_MANIFEST, "manifest.json");
    }

    @Test
    void unknownSigner() throws IOException {
        PackageException e = assertThrows(PackageException.class,
                () -> PackageVerifier.verify(valid, Fixtures.trusted(Fixtures.CENTRAL), Limits.DEFAULT));
        assertProblem(e, PackageProblem.UNKNOWN_SIGNER, "manifest.json");
        assertEquals(Sm2.fingerprint(Fixtures.WORKSTATION.getPublic()), e.userMessage().args().get(3));
    }

    @Test
    void unknownFormatVersion() throws IOException {
        Forge f = forge();
        f.manifest.put("formatVersion", 2);
        assertProblem(refused(f.build()), PackageProblem.UNKNOWN_VERSION, "manifest.json");
    }

    @Test
    void manifestSchemaViolationNamesItsLine() throws IOException {
        Forge f = forge();
        f.manifest.put("createdAt", "yesterday");
        PackageException e = refused(f.build());
        assertProblem(e, PackageProblem.FIELD_INSTANT, "manifest.json");
        assertEquals("createdAt", e.field());
        List<String> lines = new String(f.manifestBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.get((int) e.line() - 1).contains("\"createdAt\""), "line " + e.line());

        Forge g = forge();
        ((com.fasterxml.jackson.databind.node.ObjectNode) g.manifest.get("entries").get(1)).put("sm3", "XYZ");
        PackageException e2 = refused(g.build());
        assertProblem(e2, PackageProblem.FIELD_FORMAT, "manifest.json");
        assertEquals("entries[2].sm3", e2.field());
    }

    // ---------------------------------------------------------------- entries against the manifest

    @Test
    void missingEntry() throws IOException {
        Forge f = forge();
        f.entries.remove(INSPECTIONS);
        assertProblem(refused(f.build()), PackageProblem.MISSING_ENTRY, INSPECTIONS);
    }

    @Test
    void extraEntry() throws IOException {
        Forge f = forge();
        f.entries.put("notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        assertProblem(refused(f.build()), PackageProblem.EXTRA_ENTRY, "notes.txt");
        Forge g = forge();
        byte[] other = "other".getBytes(StandardCharsets.UTF_8);
        g.entries.put("attachments/" + Sm3.hex(other), other);
        assertProblem(refused(g.build()), PackageProblem.EXTRA_ENTRY, "attachments/" + Sm3.hex(other));
    }

    @Test
    void flippedByteInAStoredAttachment() throws IOException {
        String path = "attachments/" + Fixtures.SCAN_SM3;
        ZipSurgery.Cen c = ZipSurgery.find(validBytes, path);
        PackageException e = refused(ZipSurgery.flip(validBytes, c.dataAt(validBytes) + 1000, 0x01));
        assertProblem(e, PackageProblem.DIGEST_MISMATCH, path);
        assertEquals(Fixtures.SCAN_SM3, e.userMessage().args().get(4));
    }

    @Test
    void flippedByteInDeflatedRecords() throws IOException {
        ZipSurgery.Cen c = ZipSurgery.find(validBytes, DECISIONS);
        for (int offset = 0; offset < c.csize(); offset += 7) {
            PackageException e = refused(ZipSurgery.flip(validBytes, c.dataAt(validBytes) + offset, 0x04));
            assertEquals(DECISIONS, e.entry(), "offset " + offset + ": " + e.problem());
            assertTrue(Set.of(PackageProblem.DIGEST_MISMATCH, PackageProblem.DAMAGED, PackageProblem.INFLATES_PAST_DECLARED)
                    .contains(e.problem()), e.problem() + " at offset " + offset);
        }
    }

    @Test
    void signedDigestMismatchAndSizeMismatch() throws IOException {
        Forge f = forge();
        f.listing(DECISIONS).put("sm3", Sm3.hex(new byte[1]));
        assertProblem(refused(f.build()), PackageProblem.DIGEST_MISMATCH, DECISIONS);
        Forge g = forge();
        g.listing(DECISIONS).put("size", g.entries.get(DECISIONS).length + 1);
        assertProblem(refused(g.build()), PackageProblem.SIZE_MISMATCH, DECISIONS);
    }

    @Test
    void entriesOutOfOrder() throws IOException {
        Forge f = forge();
        byte[] decisions = f.entries.remove(DECISIONS);
        f.entries.put(DECISIONS, decisions);
        assertEquals(PackageProblem.ENTRY_ORDER, refused(f.build()).problem());

        Forge g = forge();
        var entries = (com.fasterxml.jackson.databind.node.ArrayNode) g.manifest.get("entries");
        var first = entries.remove(0);
        entries.add(first);
        assertEquals(PackageProblem.LISTING_ORDER, refused(g.build()).problem());
    }

    @Test
    void countMismatch() throws IOException {
        Forge f = forge();
        ((com.fasterxml.jackson.databind.node.ObjectNode) f.manifest.get("counts")).put("decision", 2);
        f.manifest.withObject("sequence").put("to", 4);
        PackageException e = refused(f.build());
        assertTrue(Set.of(PackageProblem.COUNT_MISMATCH, PackageProblem.SEQUENCE_OUT_OF_RANGE).contains(e.problem()));
    }

    // ---------------------------------------------------------------- records

    @Test
    void malformedJsonLine() throws IOException {
        PackageException e = refused(forge().line(RecordType.DECISION, 2, "{\"seq\":2,\"decisionId\":").build());
        assertProblem(e, PackageProblem.BAD_JSON, DECISIONS, 2, "");
        assertProblem(refused(forge().line(RecordType.DECISION, 3, "{\"seq\":4,\"seq\":4}").build()), PackageProblem.BAD_JSON,
                DECISIONS, 3, "");
        assertProblem(refused(forge().line(RecordType.DECISION, 1, "[1,2]").build()), PackageProblem.NOT_OBJECT, DECISIONS, 1, "");
    }

    @Test
    void lineProblems() throws IOException {
        String decisions = new String(forge().entries.get(DECISIONS), StandardCharsets.UTF_8);
        assertProblem(refused(forge().put(DECISIONS, decisions.replaceFirst("\n", "\r\n")).build()),
                PackageProblem.CARRIAGE_RETURN, DECISIONS, 1, "");
        Forge blank = forge().put(DECISIONS, decisions.replaceFirst("\n", "\n\n"));
        blank.manifest.withObject("counts").put("decision", 3);
        assertProblem(refused(blank.build()), PackageProblem.BLANK_LINE, DECISIONS, 2, "");
        Forge cut = forge().put(DECISIONS, decisions.substring(0, decisions.length() - 1));
        cut.manifest.withObject("counts").put("decision", 3);
        assertProblem(refused(cut.build()), PackageProblem.NO_FINAL_NEWLINE, DECISIONS, 3, "");
        byte[] latin1 = decisions.replace("营业执照", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(refused(forge().put(DECISIONS, latin1).build()), PackageProblem.BAD_UTF8, DECISIONS, 1, "");
        assertProblem(refused(forge().build(), Limits.DEFAULT.withMaxLineBytes(100)), PackageProblem.LINE_TOO_LONG, DECISIONS, 1, "");
    }

    @Test
    void invalidUsccFormat() throws IOException {
        Forge f = forge().record(RecordType.INSPECTION, 1, r -> r.put("providerUscc", "91310115MA1TA3905"));
        assertProblem(refused(f.build()), PackageProblem.FIELD_USCC, INSPECTIONS, 1, "providerUscc");
        Forge g = forge().record(RecordType.INSPECTION, 1, r -> r.put("providerUscc", "91310115ma1ta3905t"));
        assertProblem(refused(g.build()), PackageProblem.FIELD_USCC, INSPECTIONS, 1, "providerUscc");
    }

    @Test
    void wrongCheckCharacterIsAFindingNotASchemaError() throws Exception {
        Path f = forge().record(RecordType.INSPECTION, 1, r -> r.put("providerUscc", "91310115MA1TA39050"))
                .write(tmp.resolve("check.zip"));
        PackageVerifier.verify(f, Fixtures.trusted(Fixtures.WORKSTATION), Limits.DEFAULT).close();
    }

    @Test
    void badDate() throws IOException {
        PackageException e = refused(forge().record(RecordType.DECISION, 2, r -> r.put("decidedAt", "2026-02-30T09:00:00+08:00"))
                .build());
        assertProblem(e, PackageProblem.FIELD_INSTANT, DECISIONS, 2, "decidedAt");
        PackageException nested = refused(forge().record(RecordType.DECISION, 1,
                r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r.get("findings").get(0)).put("severity", "FATAL")).build());
        assertProblem(nested, PackageProblem.FIELD_ENUM, DECISIONS, 1, "findings[1].severity");
    }

    @Test
    void otherSchemaViolations() throws IOException {
        assertProblem(refused(forge().record(RecordType.DECISION, 1, r -> r.remove("caseNo")).build()),
                PackageProblem.FIELD_MISSING, DECISIONS, 1, "caseNo");
        assertProblem(refused(forge().record(RecordType.DECISION, 1, r -> r.put("colour", "red")).build()),
                PackageProblem.FIELD_UNKNOWN, DECISIONS, 1, "colour");
        assertProblem(refused(forge().record(RecordType.DECISION, 1, r -> r.put("reasons", "DOCUMENTS_MISSING")).build()),
                PackageProblem.FIELD_TYPE, DECISIONS, 1, "reasons");
        assertProblem(refused(forge().record(RecordType.DECISION, 1, r -> r.putArray("reasons")).build()),
                PackageProblem.FIELD_EMPTY, DECISIONS, 1, "reasons");
        assertProblem(refused(forge().record(RecordType.DECISION, 1, r -> r.put("seq", 1.0)).build()),
                PackageProblem.FIELD_TYPE, DECISIONS, 1, "seq");
        assertProblem(refused(forge().record(RecordType.DECISION, 1, r -> r.put("decidedBy", " ")).build()),
                PackageProblem.FIELD_BLANK, DECISIONS, 1, "decidedBy");
    }

    @Test
    void sequenceNumbers() throws IOException {
        assertProblem(refused(forge().record(RecordType.DECISION, 2, r -> r.put("seq", 9)).build()),
                PackageProblem.SEQUENCE_OUT_OF_RANGE, DECISIONS, 2, "seq");
        assertProblem(refused(forge().record(RecordType.DECISION, 2, r -> r.put("seq", 1)).build()),
                PackageProblem.SEQUENCE_ORDER, DECISIONS, 2, "seq");
        assertProblem(refused(forge().record(RecordType.SIGNOFF, 1, r -> r.put("seq", 2)).build()),
                PackageProblem.SEQUENCE_ORDER, "records/signoff.jsonl", 1, "seq");
    }

    @Test
    void recordReferringToAMissingAttachment() throws IOException {
        String absent = Sm3.hex("not in the package".getBytes(StandardCharsets.UTF_8));
        PackageException e = refused(forge().record(RecordType.INSPECTION, 1,
                r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r.get("attachments").get(1)).put("sm3", absent)).build());
        assertProblem(e, PackageProblem.MISSING_ATTACHMENT, INSPECTIONS, 1, "attachments[2].sm3");
    }

    @Test
    void attachmentNoRecordRefersTo() throws IOException {
        byte[] other = "unreferenced".getBytes(StandardCharsets.UTF_8);
        String path = "attachments/" + Sm3.hex(other);
        Forge f = forge().put(path, other);
        assertProblem(refused(f.build()), PackageProblem.UNREFERENCED_ATTACHMENT, path);
    }

    @Test
    void messagesCleanWhatComesFromThePackage() {
        String cleaned = PackageException.clean("a\u202eb\nc#" + "x".repeat(300));
        assertFalse(cleaned.contains("\u202e") || cleaned.contains("\n"));
        assertTrue(cleaned.length() < 200);
        assertTrue(PackageException.clean("#sync.package.NOT_ZIP").startsWith("\uff03"));
        assertEquals(List.of(), Arrays.stream(PackageProblem.values()).filter(p -> !Messages.forLocale(Messages.ENGLISH)
                .has(p.key()) || !Messages.forLocale(Messages.CHINESE).has(p.key())).toList());
        for (PackagePart part : PackagePart.values()) {
            String key = part.argument().substring(1);
            for (var locale : Messages.SUPPORTED) {
                assertTrue(Messages.forLocale(locale).has(key), key + " in " + locale);
            }
        }
    }
}
