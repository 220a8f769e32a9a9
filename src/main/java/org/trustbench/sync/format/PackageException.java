package org.trustbench.sync.format;

import com.fasterxml.jackson.core.JsonPointer;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;

/**
 * A sync package was refused, or a record given to the writer breaks the format. The message names the entry
 * ({@code records/decision.jsonl}, {@code manifest.json} …), the line where there is one (1-based; 0 for none), the
 * field where there is one ({@code evidence[2].validTo}, 1-based indexes) and the reason.
 *
 * <p>Bundle key {@link PackageProblem#key()}; arguments {0} entry, {1} line, {2} field, {3} value, {4} detail. All
 * arguments are strings, cleaned of control and bidi characters and shortened, because they come from the package.
 */
public final class PackageException extends UserException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_ARG = 160;

    private final PackageProblem problem;
    private final String entry;
    private final long line;
    private final String field;
    private final transient JsonPointer pointer;

    PackageException(PackageProblem problem, String entry, long line, String field, JsonPointer pointer, Object value,
                     Object detail, Throwable cause) {
        super(UserMessage.of(problem.key(), clean(entry), String.valueOf(line), clean(field), arg(value), arg(detail)),
                cause);
        this.problem = problem;
        this.entry = entry;
        this.line = line;
        this.field = field == null ? "" : field;
        this.pointer = pointer;
    }

    /** A problem with a whole entry (or the archive, when {@code entry} is the file name). */
    static PackageException of(PackageProblem problem, String entry, Object value, Object detail) {
        return new PackageException(problem, entry, 0, "", null, value, detail, null);
    }

    static PackageException of(PackageProblem problem, String entry, Object value, Object detail, Throwable cause) {
        return new PackageException(problem, entry, 0, "", null, value, detail, cause);
    }

    /** A problem on one line of a records entry, not tied to a field. */
    static PackageException atLine(PackageProblem problem, String entry, long line, Object value, Object detail) {
        return new PackageException(problem, entry, line, "", null, value, detail, null);
    }

    public PackageProblem problem() {
        return problem;
    }

    /** The entry the problem is in, or the file name for problems with the archive as a whole. */
    public String entry() {
        return entry;
    }

    /** 1-based line in the entry, or 0. */
    public long line() {
        return line;
    }

    /** The field path, e.g. {@code evidence[2].validTo} (1-based indexes), or "". */
    public String field() {
        return field;
    }

    JsonPointer pointer() {
        return pointer;
    }

    /** The same problem located on {@code newLine} (used for manifest.json, whose line is found afterwards). */
    PackageException atLine(long newLine) {
        Object[] args = userMessage().args().toArray();
        return new PackageException(problem, entry, newLine, field, pointer, args[3], args[4], getCause());
    }

    /** A part of ours (shown in the user's language) as it is, anything else {@linkplain #clean cleaned}. */
    private static String arg(Object o) {
        return o instanceof PackagePart part ? part.argument() : clean(o);
    }

    /** Makes text from a package safe to show on one line: no control or bidi characters, at most 160 characters. */
    static String clean(Object o) {
        String s = o == null ? "" : String.valueOf(o);
        if (s.startsWith("#")) {
            s = "\uff03" + s.substring(1); // Messages reads a leading # as a bundle key
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_ARG + 8));
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (count++ >= MAX_ARG) {
                b.append('…');
                break;
            }
            boolean unsafe = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e'
                    || c == '\u200f' || c == '\ufeff' || Character.isSurrogate(c) && !validPair(s, i);
            if (unsafe) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
