package org.trustbench.sync.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a records entry into lines at {@code \n} only, holding at most one line (up to the line cap) in memory.
 * Every line, the last one included, must end with {@code \n}; an empty entry has no lines.
 */
final class JsonLines {

    private final InputStream in;
    private final String entry;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkPos;
    private int chunkLen;
    private byte[] line = new byte[1024];
    private int lineLen;
    private long lineNumber;

    JsonLines(InputStream in, String entry, int maxLineBytes) {
        this.in = in;
        this.entry = entry;
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads the next line; false at the end of the entry. */
    boolean next() throws IOException {
        lineLen = 0;
        while (true) {
            if (chunkPos == chunkLen) {
                chunkLen = in.read(chunk, 0, chunk.length);
                chunkPos = 0;
                if (chunkLen < 0) {
                    chunkLen = 0;
                    if (lineLen > 0) {
                        throw PackageException.atLine(PackageProblem.NO_FINAL_NEWLINE, entry, lineNumber + 1, "", "");
                    }
                    return false;
                }
            }
            int start = chunkPos;
            int end = start;
            while (end < chunkLen && chunk[end] != '\n') {
                end++;
            }
            append(start, end - start);
            chunkPos = end;
            if (end < chunkLen) {
                chunkPos++;
                lineNumber++;
                return true;
            }
        }
    }

    private void append(int from, int n) {
        if ((long) lineLen + n > maxLineBytes) {
            throw PackageException.atLine(PackageProblem.LINE_TOO_LONG, entry, lineNumber + 1, lineLen + n, maxLineBytes);
        }
        if (lineLen + n > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, lineLen + n)));
        }
        System.arraycopy(chunk, from, line, lineLen, n);
        lineLen += n;
    }

    /** The current line's bytes, without the {@code \n}; valid until the next call of {@link #next()}. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return lineLen;
    }

    /** 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }
}
