package org.trustbench.verify;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Severity;

/**
 * The pilot's three checks — real person, valid credentials, genuine premises — each as a
 * traffic light derived from the findings of the rules that belong to it.
 */
public final class ThreeChecks {

    /** The three checks, plus the findings that belong to none (remit, staleness …). */
    public enum Check { REAL_PERSON, CREDENTIALS, PREMISES, OTHER }

    /** GREEN: no finding; AMBER: warnings or information only; RED: at least one blocker. */
    public enum Light { GREEN, AMBER, RED }

    private static final Map<Check, Set<String>> RULES = Map.of(
            Check.REAL_PERSON, Set.of("USCC-FORMAT", "USCC-CHECK", "LIC-STATUS", "LIC-TERM", "NAME-MISMATCH", "USCC-MISMATCH",
                    "REP-MISMATCH", "ID-CHECK", "SIG-REGISTRY", "PERFORMER"),
            Check.CREDENTIALS, Set.of("CRED-VALIDITY", "CRED-SCOPE", "AUTH-VALIDITY", "AUTH-PARTY", "AUTH-SCOPE", "ATT-DIGEST"),
            Check.PREMISES, Set.of("ADDR-MISMATCH", "PREM-INSPECTION"));

    private ThreeChecks() {
    }

    public static Check checkOf(String ruleId) {
        for (Map.Entry<Check, Set<String>> e : RULES.entrySet()) {
            if (e.getValue().contains(ruleId)) {
                return e.getKey();
            }
        }
        return Check.OTHER;
    }

    public static Map<Check, Light> lights(List<Finding> findings) {
        Map<Check, Light> lights = new EnumMap<>(Check.class);
        for (Check c : Check.values()) {
            lights.put(c, Light.GREEN);
        }
        for (Finding f : findings) {
            Check c = checkOf(f.ruleId());
            Light l = f.severity() == Severity.BLOCKER ? Light.RED : Light.AMBER;
            if (l.ordinal() > lights.get(c).ordinal()) {
                lights.put(c, l);
            }
        }
        return lights;
    }
}
