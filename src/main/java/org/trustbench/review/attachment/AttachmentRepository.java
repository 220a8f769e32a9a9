package org.trustbench.review.attachment;

import static org.trustbench.db.jooq.Tables.ATTACHMENT_BLOB;

import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/** Reads attachment content from {@code attachment_blob}, stored once per SM3 digest. */
public final class AttachmentRepository implements AttachmentBlobs {

    private final DSLContext dsl;

    public AttachmentRepository(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public Optional<byte[]> content(String sm3) {
        Objects.requireNonNull(sm3, "sm3");
        return dsl.select(ATTACHMENT_BLOB.CONTENT)
                .from(ATTACHMENT_BLOB)
                .where(ATTACHMENT_BLOB.SM3.eq(sm3))
                .fetchOptional(ATTACHMENT_BLOB.CONTENT);
    }
}
