package org.trustbench.sync.format;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * Where a JSON value sits: the entry, the line (0 for manifest.json until located), and the path, both as shown to
 * people ({@code evidence[2].validTo}, 1-based indexes) and as a JSON Pointer ({@code /evidence/1/validTo}).
 *
 * <p>Every field of every record gets one while it is checked, and almost none is ever reported, so a step only links
 * to its parent; the path and the pointer are built when a problem is raised (a 100,000-case import spent about 4 % of
 * its time building pointers that were never read).
 *
 * @param parent the enclosing value, {@code null} at the root
 * @param name   the member name of this step, or {@code null} for an array index
 * @param index  the zero-based array index of this step (when {@code name} is {@code null})
 */
record Where(String entry, long line, Where parent, String name, int index) {

    static Where root(String entry, long line) {
        return new Where(entry, line, null, null, -1);
    }

    Where field(String member) {
        return new Where(entry, line, this, member, -1);
    }

    Where index(int zeroBased) {
        return new Where(entry, line, this, null, zeroBased);
    }

    /** As shown to people: {@code evidence[2].validTo}; empty at the root. */
    String path() {
        if (parent == null) {
            return "";
        }
        String above = parent.path();
        if (name == null) {
            return above + "[" + (index + 1) + "]";
        }
        return above.isEmpty() ? name : above + "." + name;
    }

    /** As a JSON Pointer: {@code /evidence/1/validTo}. */
    JsonPointer pointer() {
        if (parent == null) {
            return JsonPointer.empty();
        }
        JsonPointer above = parent.pointer();
        return name == null ? above.appendIndex(index) : above.appendProperty(name);
    }

    PackageException fail(PackageProblem problem, Object value, Object detail) {
        return new PackageException(problem, entry, line, path(), pointer(), value, detail, null);
    }
}
