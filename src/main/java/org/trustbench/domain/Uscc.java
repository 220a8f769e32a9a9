package org.trustbench.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * Unified social credit code (统一社会信用代码) checks per GB 32100-2015.
 *
 * <p>A failed check is a finding for the officer, never a load error: some codes issued
 * early in pilot regions fail the check character and are still registered.
 */
public final class Uscc {

    /** Alphabet of the code: 31 symbols, no I, O, S, V or Z. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS_18 = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] WEIGHTS_ORG = {3, 7, 9, 10, 5, 8, 4, 2};

    private Uscc() {
    }

    /** Outcome of checking a code. */
    public enum Result {
        /** Format and both check characters are correct. */
        VALID,
        /** Not 18 characters of the code alphabet with a digit division code. */
        BAD_FORMAT,
        /** Position 17 (organisation-code check) does not match positions 9–16. */
        BAD_ORGANISATION_CHECK,
        /** Position 18 (the code's check character) does not match. */
        BAD_CHECK_CHARACTER;

        public boolean isValid() {
            return this == VALID;
        }
    }

    /** Full check outcome with the characters that were expected. */
    public record Check(String code, Result result, char expectedOrganisationCheck, char expectedCheckCharacter) {
    }

    public static Result validate(String code) {
        return check(code).result();
    }

    public static Check check(String raw) {
        String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (!hasValidFormat(code)) {
            return new Check(code, Result.BAD_FORMAT, '?', '?');
        }
        char org = organisationCheck(code.substring(8, 16));
        char check = checkCharacter(code.substring(0, 17));
        Result result;
        if (code.charAt(17) != check) {
            result = Result.BAD_CHECK_CHARACTER;
        } else if (code.charAt(16) != org) {
            result = Result.BAD_ORGANISATION_CHECK;
        } else {
            result = Result.VALID;
        }
        return new Check(code, result, org, check);
    }

    static boolean hasValidFormat(String code) {
        if (code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Check character (position 18) for the first 17 characters. */
    public static char checkCharacter(String first17) {
        Objects.requireNonNull(first17);
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a code character: " + first17.charAt(i));
            }
            sum += value * WEIGHTS_18[i];
        }
        int c = 31 - (sum % 31);
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    /** Organisation-code check character (position 17) for positions 9–16. */
    public static char organisationCheck(String eight) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = eight.charAt(i);
            int value = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            sum += value * WEIGHTS_ORG[i];
        }
        int c = 11 - (sum % 11);
        if (c == 10) {
            return 'X';
        }
        return c == 11 ? '0' : (char) ('0' + c);
    }
}
