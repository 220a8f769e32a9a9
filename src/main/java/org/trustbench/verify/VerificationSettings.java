package org.trustbench.verify;

import java.time.Period;

/**
 * Thresholds of the rules that the regulator may configure.
 *
 * @param credentialWarningDays a credential this close to expiry is a WARNING
 * @param identityMaxAge        a real-person check older than this is a WARNING
 * @param registryMaxAge        registry data refreshed longer ago than this is a WARNING
 */
public record VerificationSettings(int credentialWarningDays, Period identityMaxAge, Period registryMaxAge) {

    public static final VerificationSettings DEFAULTS = new VerificationSettings(30, Period.ofDays(180), Period.ofDays(90));
}
