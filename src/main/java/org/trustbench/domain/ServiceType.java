package org.trustbench.domain;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** After-sales services a provider files for. Display names live in the resource bundles. */
public enum ServiceType {
    REMOTE_DIAGNOSTICS,
    PAVER_3D_CALIBRATION,
    CRANE_MAINTENANCE,
    TELEMATICS_INSTALLATION,
    SPARE_PARTS_REPLACEMENT,
    OPERATOR_TRAINING;

    /** Distinct services in declaration order, immutable. */
    public static List<ServiceType> sorted(Collection<ServiceType> services) {
        return List.copyOf(new TreeSet<>(services));
    }
}
