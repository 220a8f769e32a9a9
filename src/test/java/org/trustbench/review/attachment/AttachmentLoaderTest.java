package org.trustbench.review.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.db.jooq.Tables.ATTACHMENT_BLOB;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.crypto.Sm3;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Store;
import org.trustbench.db.Workspace;
import org.trustbench.domain.Attachment;

/** Loading attachment content from a real H2 store and catching content altered behind our back. */
class AttachmentLoaderTest {

    static final Path ATTACHMENTS = Path.of("sample-data/default/attachments");

    @TempDir
    Path tmp;

    private Store store;
    private AttachmentLoader loader;

    @BeforeEach
    void openStore() {
        store = Store.open(new DataFolder(tmp), Workspace.DEMO);
        loader = new AttachmentLoader(new AttachmentRepository(store.dsl()));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Stores {@code bytes} as a blob under their own digest, as the intake does. */
    static Attachment storeBlob(Store store, String fileName, String mediaType, byte[] bytes) {
        String sm3 = Sm3.hex(bytes);
        store.dsl().insertInto(ATTACHMENT_BLOB)
                .set(ATTACHMENT_BLOB.SM3, sm3)
                .set(ATTACHMENT_BLOB.SIZE_BYTES, (long) bytes.length)
                .set(ATTACHMENT_BLOB.CONTENT, bytes)
                .execute();
        return new Attachment(fileName, mediaType, sm3, bytes.length);
    }

    static Attachment storeSample(Store store, String fileName, String mediaType) throws IOException {
        return storeBlob(store, fileName, mediaType, Files.readAllBytes(ATTACHMENTS.resolve(fileName)));
    }

    /**
     * Overwrites the stored content of {@code attachment} with bytes appended, keeping its digest key.
     * Readers ignore data after the end of a PNG or PDF, so the altered file still displays.
     */
    static byte[] tamper(Store store, Attachment attachment) {
        byte[] content = store.dsl().select(ATTACHMENT_BLOB.CONTENT).from(ATTACHMENT_BLOB)
                .where(ATTACHMENT_BLOB.SM3.eq(attachment.sm3())).fetchSingle(ATTACHMENT_BLOB.CONTENT);
        byte[] extra = "appended after signing".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] altered = Arrays.copyOf(content, content.length + extra.length);
        System.arraycopy(extra, 0, altered, content.length, extra.length);
        int updated = store.dsl().update(ATTACHMENT_BLOB).set(ATTACHMENT_BLOB.CONTENT, altered)
                .where(ATTACHMENT_BLOB.SM3.eq(attachment.sm3())).execute();
        assertEquals(1, updated);
        return altered;
    }

    @Test
    void loadsTheStoredBytesAndFlagsContentAlteredInTheStore() throws IOException {
        byte[] original = Files.readAllBytes(ATTACHMENTS.resolve("business-licence-scan.pdf"));
        Attachment attachment = storeBlob(store, "business-licence-scan.pdf", "application/pdf", original);

        AttachmentContent content = loader.load(attachment);
        assertTrue(content.digestMatches());
        assertArrayEquals(original, content.bytes());
        assertEquals(attachment.sm3(), content.expectedSm3());
        assertEquals(attachment.sm3(), content.actualSm3());
        assertEquals("business-licence-scan.pdf", content.fileName());
        assertEquals("application/pdf", content.mediaType());

        byte[] altered = tamper(store, attachment);
        AttachmentContent tampered = loader.load(attachment);
        assertFalse(tampered.digestMatches());
        assertEquals(attachment.sm3(), tampered.expectedSm3());
        assertEquals(Sm3.hex(altered), tampered.actualSm3());
        assertNotEquals(tampered.expectedSm3(), tampered.actualSm3());
        assertArrayEquals(altered, tampered.bytes());
    }

    @Test
    void aMissingBlobIsAUserError() {
        Attachment absent = new Attachment("gone.png", "image/png", Sm3.hex(new byte[] {1, 2, 3}), 3);
        AttachmentException e = assertThrows(AttachmentException.class, () -> loader.load(absent));
        assertEquals("attachment.error.missing", e.userMessage().key());
        assertEquals(List.of("gone.png", absent.sm3()), e.userMessage().args());
    }

    @Test
    void theRepositoryReturnsEmptyForAnUnknownDigest() {
        assertTrue(new AttachmentRepository(store.dsl()).content("00".repeat(32)).isEmpty());
    }
}
