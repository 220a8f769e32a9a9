package org.trustbench.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A service provider as the registry records it.
 *
 * @param termTo end of the business term, {@code null} for 长期 (open-ended)
 */
public record Provider(
        long id,
        String uscc,
        String nameZh,
        String nameEn,
        String entityType,
        String legalRep,
        String legalRepTitle,
        String registeredCapital,
        String registeredAddress,
        String registrationAuthority,
        LocalDate establishedOn,
        LocalDate termTo,
        RegistryStatus registryStatus,
        String businessScope) {

    public Provider {
        Objects.requireNonNull(uscc, "uscc");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(registryStatus, "registryStatus");
    }

    public Uscc.Check usccCheck() {
        return Uscc.check(uscc);
    }

    public boolean openEndedTerm() {
        return termTo == null;
    }
}
