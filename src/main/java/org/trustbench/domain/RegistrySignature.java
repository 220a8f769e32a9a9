package org.trustbench.domain;

/**
 * An issuer's SM2 signature over a registry record's canonical form (docs/registry-signature.md).
 *
 * @param keyId lower-case hex SM3 fingerprint of the issuer's public key
 * @param value base64 of the DER-encoded signature
 */
public record RegistrySignature(String keyId, String value) {
}
