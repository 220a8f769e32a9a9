package org.trustbench.sync.format;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * Where a JSON value sits: the entry, the line (0 for manifest.json until located), and the path, both as shown to
 * people ({@code evidence[2].validTo}, 1-based indexes) and as a JSON Pointer ({@code /evidence/1/validTo}).
 */
record Where(String entry, long line, String path, JsonPointer pointer) {

    static Where root(String entry, long line) {
        return new Where(entry, line, "", JsonPointer.empty());
    }

    Where field(String name) {
        return new Where(entry, line, path.isEmpty() ? name : path + "." + name, pointer.appendProperty(name));
    }

    Where index(int zeroBased) {
        return new Where(entry, line, path + "[" + (zeroBased + 1) + "]", pointer.appendIndex(zeroBased));
    }

    PackageException fail(PackageProblem problem, Object value, Object detail) {
        return new PackageException(problem, entry, line, path, pointer, value, detail, null);
    }
}
