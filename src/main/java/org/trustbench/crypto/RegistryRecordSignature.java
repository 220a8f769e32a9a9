package org.trustbench.crypto;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The SM2 signature of one registry (REGULATOR-source) evidence record: its canonical form, signing and checking.
 * The format is specified in {@code docs/registry-signature.md}; {@code sample-data/tools/GenerateDemoDataset.java}
 * carries a byte-identical copy of {@link #canonicalBytes}.
 *
 * <p>Canonical form: the UTF-8 bytes of a compact JSON object
 * <pre>{"fields":{…},"kind":"…","recordedAt":"…","source":"…","validFrom":"YYYY-MM-DD","validTo":"YYYY-MM-DD"}</pre>
 * with the keys of both objects sorted by Unicode code point, no whitespace, members whose value is {@code null}
 * left out, {@code recordedAt} as the UTC instant ({@link java.time.Instant#toString()}), and strings escaped
 * minimally (see {@link #canonicalJson}).
 */
public final class RegistryRecordSignature {

    /** Outcome of checking a record's signature. */
    public enum Result {
        /** Signed by a trusted issuer, and the record is unchanged since signing. */
        VALID,
        /** The record carries no signature or no key ID. */
        MISSING,
        /** The key ID is not in the trusted-issuer list. */
        UNKNOWN_ISSUER,
        /** The signature is not valid base64, not a DER SM2 signature, or does not match the record. */
        INVALID
    }

    /** Orders strings by Unicode code point (not by UTF-16 unit as {@link String#compareTo} does). */
    public static final Comparator<String> CODE_POINT_ORDER = RegistryRecordSignature::compareCodePoints;

    private RegistryRecordSignature() {
    }

    /**
     * The canonical form of a record, as a string (see the class comment).
     *
     * @param kind       evidence kind, e.g. {@code LICENCE}; required
     * @param source     evidence source, e.g. {@code REGULATOR}; required
     * @param fields     the record's fields; required, entries with a {@code null} value are left out
     * @param validFrom  may be {@code null} (then left out)
     * @param validTo    may be {@code null} (then left out)
     * @param recordedAt required
     * @throws IllegalArgumentException if a string holds an unpaired surrogate (not valid Unicode)
     */
    public static String canonicalJson(String kind, String source, Map<String, String> fields, LocalDate validFrom,
                                       LocalDate validTo, OffsetDateTime recordedAt) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(recordedAt, "recordedAt");
        StringBuilder sb = new StringBuilder(256);
        // top-level keys, already in code-point order: fields, kind, recordedAt, source, validFrom, validTo
        sb.append("{\"fields\":{");
        List<String> keys = new ArrayList<>(fields.keySet());
        keys.sort(CODE_POINT_ORDER);
        boolean first = true;
        for (String k : keys) {
            String v = fields.get(Objects.requireNonNull(k, "field key"));
            if (v == null) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, k);
            sb.append(':');
            string(sb, v);
        }
        sb.append("},\"kind\":");
        string(sb, kind);
        sb.append(",\"recordedAt\":");
        string(sb, recordedAt.toInstant().toString());
        sb.append(",\"source\":");
        string(sb, source);
        if (validFrom != null) {
            sb.append(",\"validFrom\":");
            string(sb, validFrom.toString());
        }
        if (validTo != null) {
            sb.append(",\"validTo\":");
            string(sb, validTo.toString());
        }
        sb.append('}');
        return sb.toString();
    }

    /** The bytes that are signed: UTF-8 of {@link #canonicalJson}. */
    public static byte[] canonicalBytes(String kind, String source, Map<String, String> fields, LocalDate validFrom,
                                        LocalDate validTo, OffsetDateTime recordedAt) {
        return canonicalJson(kind, source, fields, validFrom, validTo, recordedAt).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Signs a record.
     *
     * @return base64 (standard alphabet, padded) of the DER SM3withSM2 signature over {@link #canonicalBytes}
     */
    public static String sign(PrivateKey key, String kind, String source, Map<String, String> fields,
                              LocalDate validFrom, LocalDate validTo, OffsetDateTime recordedAt) {
        byte[] sig = Sm2.sign(key, canonicalBytes(kind, source, fields, validFrom, validTo, recordedAt));
        return Base64.getEncoder().encodeToString(sig);
    }

    /**
     * Checks a record's signature against the trusted issuers.
     *
     * @param signatureBase64 base64 of the DER signature, or {@code null}
     * @param signerKeyId     key ID ({@link Sm2#fingerprint}) of the signing key, or {@code null}
     * @param trustedIssuers  trusted public keys by key ID
     * @return {@link Result#MISSING} if the signature or the key ID is null or blank,
     *         {@link Result#UNKNOWN_ISSUER} if the key ID is not trusted,
     *         {@link Result#INVALID} if the signature is malformed or does not match, else {@link Result#VALID}
     */
    public static Result verify(String signatureBase64, String signerKeyId, Map<String, PublicKey> trustedIssuers,
                                String kind, String source, Map<String, String> fields, LocalDate validFrom,
                                LocalDate validTo, OffsetDateTime recordedAt) {
        if (signatureBase64 == null || signatureBase64.isBlank() || signerKeyId == null || signerKeyId.isBlank()) {
            return Result.MISSING;
        }
        PublicKey key = Objects.requireNonNull(trustedIssuers, "trustedIssuers").get(signerKeyId);
        if (key == null) {
            return Result.UNKNOWN_ISSUER;
        }
        byte[] sig;
        byte[] data;
        try {
            sig = Base64.getDecoder().decode(signatureBase64);
            data = canonicalBytes(kind, source, fields, validFrom, validTo, recordedAt);
        } catch (IllegalArgumentException e) {
            return Result.INVALID;
        }
        return Sm2.verify(key, data, sig) ? Result.VALID : Result.INVALID;
    }

    // ------------------------------------------------------------------ helpers

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("unpaired surrogate U+"
                                + Integer.toHexString(c).toUpperCase(Locale.ROOT) + " at index " + i);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
