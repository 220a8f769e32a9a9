package org.trustbench.sync.format;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Entry-name and entry-kind checks made before anything is read: zip-slip names, links and other non-files, and
 * duplicates. {@code ZipLayout} gives the names exactly as the central directory holds them.
 */
final class EntryNames {

    /** Unix file types in the upper 16 bits of the external attributes (S_IFMT). */
    private static final int S_IFLNK = 0xA000;
    private static final int S_IFREG = 0x8000;
    /** MS-DOS attributes in the low byte: volume label, directory; NTFS reparse point (links and junctions). */
    private static final int DOS_NOT_A_FILE = 0x08 | 0x10 | 0x400;

    private EntryNames() {
    }

    static void check(List<ZipEntryInfo> entries) {
        Set<String> seen = new HashSet<>();
        for (ZipEntryInfo e : entries) {
            String name = e.name();
            String reason = e.validName() ? unsafe(name) : "UTF-8";
            if (reason != null) {
                throw PackageException.of(PackageProblem.UNSAFE_PATH, name, reason, "");
            }
            if (e.unixType() == S_IFLNK) {
                throw PackageException.of(PackageProblem.SYMLINK, name, Integer.toOctalString(e.externalAttributes() >>> 16), "");
            }
            if (name.endsWith("/") || e.unixType() != 0 && e.unixType() != S_IFREG
                    || (e.externalAttributes() & DOS_NOT_A_FILE) != 0) {
                throw PackageException.of(PackageProblem.NOT_A_FILE, name,
                        Integer.toHexString(e.externalAttributes()), "");
            }
            if (!seen.add(name)) {
                throw PackageException.of(PackageProblem.DUPLICATE_ENTRY, name, "", "");
            }
        }
    }

    /** Why a name could escape the extraction folder or mean something else on some system, or null when safe. */
    static String unsafe(String name) {
        if (name.isEmpty()) {
            return "empty";
        }
        if (name.startsWith("/")) {
            return "/…";
        }
        if (name.indexOf('\\') >= 0) {
            return "\\";
        }
        if (name.indexOf(':') >= 0) {
            return ":";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "control character";
            }
        }
        String body = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : body.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return segment.isEmpty() ? "//" : segment;
            }
        }
        return null;
    }
}
