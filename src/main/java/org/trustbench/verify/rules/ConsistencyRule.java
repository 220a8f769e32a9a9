package org.trustbench.verify.rules;

import java.util.List;
import java.util.function.Function;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceKind;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.Provider;
import org.trustbench.verify.CheckInput;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.verify.Facts;
import org.trustbench.domain.Finding;
import org.trustbench.verify.NameNormaliser;
import org.trustbench.verify.Rule;
import org.trustbench.domain.Severity;

/**
 * NAME-MISMATCH, USCC-MISMATCH and REP-MISMATCH: the licence as the platform lists it and as
 * the merchant declares it must name the same entity as the registry, after normalisation.
 */
public final class ConsistencyRule implements Rule {

    private static final List<EvidenceSource> COMPARED = List.of(EvidenceSource.PLATFORM, EvidenceSource.MERCHANT);

    @Override
    public List<String> ids() {
        return List.of("NAME-MISMATCH", "USCC-MISMATCH", "REP-MISMATCH");
    }

    @Override
    public void check(CheckInput input, List<Finding> out) {
        Facts facts = new Facts(input.filingCase());
        Provider p = input.filingCase().provider();
        compare(facts, out, "NAME-MISMATCH", "name", p.nameZh(), NameNormaliser::normalise);
        compare(facts, out, "USCC-MISMATCH", "uscc", p.uscc(), s -> s.strip().toUpperCase(java.util.Locale.ROOT));
        compare(facts, out, "REP-MISMATCH", "legalRep", p.legalRep(), NameNormaliser::normalisePerson);
    }

    private static void compare(Facts facts, List<Finding> out, String ruleId, String field, String registryValue,
                                Function<String, String> normalise) {
        String expected = normalise.apply(registryValue);
        EvidenceItem registry = facts.item(EvidenceKind.LICENCE, EvidenceSource.REGULATOR).orElse(null);
        for (EvidenceSource source : COMPARED) {
            EvidenceItem item = facts.item(EvidenceKind.LICENCE, source).orElse(null);
            if (item == null || item.field(field) == null) {
                continue;
            }
            String value = item.field(field);
            if (!normalise.apply(value).equals(expected)) {
                List<EvidenceRef> refs = registry == null
                        ? List.of(Facts.ref(item, field))
                        : List.of(Facts.ref(registry, field), Facts.ref(item, field));
                out.add(Finding.of(ruleId, Severity.BLOCKER, source.name(), refs, registryValue, value));
            }
        }
    }
}
