package org.trustbench.domain;

/** A registry issuer whose signatures the store accepts. */
public record TrustedIssuer(String keyId, String name, String publicKeyPem) {
}
