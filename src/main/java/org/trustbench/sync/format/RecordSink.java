package org.trustbench.sync.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Takes the records of one type for a {@link PackageWriter}, one at a time: each is checked against its schema,
 * written as one line of compact JSON and fed through SM3 and CRC-32 on the way into a temporary file that holds
 * them deflated (an {@link EntryFile}: the digest, checksum, deflating and writing of a large entry take their turn on
 * a thread of their own while the caller makes the next records). Nothing is kept in memory but the current record and a few chunks.
 */
public final class RecordSink implements AutoCloseable {

    private final PackageWriter writer;
    private final RecordType type;
    private final Path file;
    private final EntryFile out;
    private long size;
    private long records;
    private long lastSeq;
    private boolean closed;

    RecordSink(PackageWriter writer, RecordType type, Path file) throws IOException {
        this.writer = writer;
        this.type = type;
        this.file = file;
        this.out = new EntryFile(file);
    }

    /**
     * Writes one record (a JSON object). Members are written in the order the object holds them.
     *
     * @throws PackageException if the record breaks the format (entry, line and field named); nothing is written
     */
    public void write(JsonNode record) throws IOException {
        if (closed) {
            throw new IllegalStateException("records of " + type.typeName() + " already closed");
        }
        long line = records + 1;
        Where where = Where.root(type.entryPath(), line);
        RecordSchemas.check(type, where, record, writer::reference);
        if (type.direction() == Direction.OUTBOUND) {
            long seq = record.get("seq").longValue();
            writer.useSequence(where.field("seq"), seq, lastSeq);
            lastSeq = seq;
        }
        byte[] bytes = StrictJson.MAPPER.writeValueAsBytes(record);
        StrictJson.utf8(bytes, bytes.length, type.entryPath(), line);
        writeLine(bytes, bytes.length);
        records++;
    }

    /**
     * Writes one outbound record that its producer already serialised as one line of compact JSON, starting with its
     * {@code "seq"} member (the export: the outbox payloads were built from checked domain objects). Only the sequence
     * number is checked here, not the schema; the receiving side's verifier checks every record anyway.
     *
     * @param json the record's UTF-8 bytes, without the line feed
     * @throws PackageException if the sequence number is out of range, repeated or not increasing
     */
    public void writeSerialised(long seq, byte[] json, int length) throws IOException {
        if (closed) {
            throw new IllegalStateException("records of " + type.typeName() + " already closed");
        }
        if (type.direction() != Direction.OUTBOUND) {
            throw new IllegalStateException(type.typeName() + " records are checked one by one");
        }
        writer.useSequence(Where.root(type.entryPath(), records + 1).field("seq"), seq, lastSeq);
        lastSeq = seq;
        writeLine(json, length);
        records++;
    }

    /** One record's bytes and its line feed. */
    private void writeLine(byte[] b, int length) throws IOException {
        writer.addBytes(length);
        out.write(b, 0, length);
        writer.addBytes(1);
        out.write((byte) '\n');
        size += length + 1L;
    }

    public RecordType type() {
        return type;
    }

    /** Records written so far. */
    public long count() {
        return records;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }

    /** Closes without finishing (the writer is aborting). */
    void closeQuietly() {
        closed = true;
        out.closeQuietly();
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    long crc() {
        return out.crc();
    }

    /** The temporary file's size: the records deflated. */
    long compressedSize() {
        return out.compressedSize();
    }

    String sm3() {
        return out.sm3();
    }
}
