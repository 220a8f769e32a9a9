package org.trustbench.sync.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Byte-level edits of a ZIP file, for archives that ZipOutputStream refuses to write. */
final class ZipSurgery {

    /** Where one entry's records sit in the file. */
    record Cen(int cenAt, int locAt, String name, int flags, int method, int nameLen, long csize) {
        int dataAt(byte[] zip) {
            ByteBuffer b = le(zip);
            return locAt + 30 + (b.getShort(locAt + 26) & 0xFFFF) + (b.getShort(locAt + 28) & 0xFFFF);
        }
    }

    private ZipSurgery() {
    }

    static ByteBuffer le(byte[] zip) {
        return ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    }

    static List<Cen> entries(byte[] zip) {
        ByteBuffer b = le(zip);
        int end = zip.length - 22;
        int total = b.getShort(end + 10) & 0xFFFF;
        int at = b.getInt(end + 16);
        List<Cen> out = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            int nameLen = b.getShort(at + 28) & 0xFFFF;
            int extra = b.getShort(at + 30) & 0xFFFF;
            int comment = b.getShort(at + 32) & 0xFFFF;
            String name = new String(zip, at + 46, nameLen, StandardCharsets.UTF_8);
            out.add(new Cen(at, b.getInt(at + 42), name, b.getShort(at + 8) & 0xFFFF, b.getShort(at + 10) & 0xFFFF,
                    nameLen, b.getInt(at + 20) & 0xFFFFFFFFL));
            at += 46 + nameLen + extra + comment;
        }
        return out;
    }

    static Cen find(byte[] zip, String name) {
        return entries(zip).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no entry " + name));
    }

    /** Renames an entry in both its local header and the central directory; the new name has the same length. */
    static byte[] rename(byte[] zip, String from, String to) {
        byte[] out = zip.clone();
        Cen c = find(zip, from);
        byte[] name = to.getBytes(StandardCharsets.UTF_8);
        if (name.length != c.nameLen()) {
            throw new IllegalArgumentException("same length only");
        }
        System.arraycopy(name, 0, out, c.cenAt() + 46, name.length);
        System.arraycopy(name, 0, out, c.locAt() + 30, name.length);
        return out;
    }

    /** Sets the external attributes (Unix mode in the upper 16 bits) and marks the entry as made on Unix. */
    static byte[] externalAttributes(byte[] zip, String name, int attributes) {
        byte[] out = zip.clone();
        Cen c = find(zip, name);
        ByteBuffer b = le(out);
        b.putShort(c.cenAt() + 4, (short) ((3 << 8) | 20));
        b.putInt(c.cenAt() + 38, attributes);
        return out;
    }

    /** Declares another uncompressed size in the central directory and the local header or data descriptor. */
    static byte[] declaredSize(byte[] zip, String name, long size) {
        byte[] out = zip.clone();
        Cen c = find(zip, name);
        ByteBuffer b = le(out);
        b.putInt(c.cenAt() + 24, (int) size);
        if ((c.flags() & 8) != 0) {
            int dd = c.dataAt(zip) + (int) c.csize();
            b.putInt(dd + (b.getInt(dd) == 0x08074b50 ? 12 : 8), (int) size);
        } else {
            b.putInt(c.locAt() + 22, (int) size);
        }
        return out;
    }

    static byte[] flip(byte[] zip, int at, int mask) {
        byte[] out = zip.clone();
        out[at] ^= (byte) mask;
        return out;
    }

    static byte[] cut(byte[] zip, int length) {
        return Arrays.copyOf(zip, length);
    }
}
