package org.trustbench.verify.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceKind;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.verify.Address;
import org.trustbench.verify.CheckInput;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.verify.Facts;
import org.trustbench.domain.Finding;
import org.trustbench.verify.Rule;
import org.trustbench.domain.Severity;

/**
 * ADDR-MISMATCH: the registered domicile, the platform address, the declared premises and the
 * inspected address must agree component by component. The finding names the components.
 * A declared premises the inspection did not find is a BLOCKER; other differences are WARNINGs.
 * The component list is passed as a {@code #key,key} argument that the UI renders in its language.
 */
public final class AddressRule implements Rule {

    @Override
    public List<String> ids() {
        return List.of("ADDR-MISMATCH");
    }

    @Override
    public void check(CheckInput input, List<Finding> out) {
        Facts facts = new Facts(input.filingCase());
        Address registered = Address.parse(input.filingCase().provider().registeredAddress());
        EvidenceItem registry = facts.item(EvidenceKind.LICENCE, EvidenceSource.REGULATOR).orElse(null);
        EvidenceRef registryRef = registry == null ? EvidenceRef.caseField("registeredAddress") : Facts.ref(registry, "address");
        List<Side> sides = new ArrayList<>();
        facts.item(EvidenceKind.PREMISES, EvidenceSource.PLATFORM).ifPresent(e -> sides.add(new Side(EvidenceSource.PLATFORM, e)));
        facts.item(EvidenceKind.PREMISES, EvidenceSource.MERCHANT).ifPresent(e -> sides.add(new Side(EvidenceSource.MERCHANT, e)));
        facts.item(EvidenceKind.PREMISES, EvidenceSource.INSPECTION).ifPresent(e -> sides.add(new Side(EvidenceSource.INSPECTION, e)));

        Side declared = sides.stream().filter(s -> s.source == EvidenceSource.MERCHANT).findFirst().orElse(null);
        Side inspected = sides.stream().filter(s -> s.source == EvidenceSource.INSPECTION).findFirst().orElse(null);
        for (Side side : sides) {
            boolean declaredHasAddress = declared != null && declared.address() != null;
            if (side.address() == null || side == inspected && declaredHasAddress) {
                continue;
            }
            List<Address.Component> diff = registered.differences(side.address());
            if (!diff.isEmpty()) {
                out.add(Finding.of("ADDR-MISMATCH", Severity.WARNING, "registry." + side.source.name(),
                        List.of(registryRef, Facts.ref(side.item, "address")), names(diff),
                        registered.raw(), side.address().raw()));
            }
        }
        if (declared != null && inspected != null && declared.address() != null && inspected.address() != null) {
            List<Address.Component> diff = declared.address().differences(inspected.address());
            if (!diff.isEmpty()) {
                out.add(Finding.of("ADDR-MISMATCH", Severity.BLOCKER, "inspection",
                        List.of(Facts.ref(declared.item, "address"), Facts.ref(inspected.item, "address")), names(diff),
                        declared.address().raw(), inspected.address().raw()));
            }
        }
    }

    private static String names(List<Address.Component> components) {
        return "#" + components.stream().map(c -> "address.component." + c.name()).collect(Collectors.joining(","));
    }

    /** One source's premises evidence and its address, parsed once (null if it gives none). */
    private record Side(EvidenceSource source, EvidenceItem item, Address address) {
        Side(EvidenceSource source, EvidenceItem item) {
            this(source, item, parse(item.field("address")));
        }

        private static Address parse(String a) {
            return a == null || a.isBlank() ? null : Address.parse(a);
        }
    }
}
