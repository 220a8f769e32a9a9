package org.trustbench.verify;

/**
 * One stored SM2 result of a check ({@code case_check.signature_results}, under its input digest): whether the
 * signature matched, and its HMAC-SM3 tag ({@link SignatureResultMac}). Used only if the tag verifies.
 */
public record StoredSignatureResult(boolean valid, String mac) {
}
