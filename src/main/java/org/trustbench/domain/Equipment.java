package org.trustbench.domain;

/**
 * A piece of equipment the filing covers.
 *
 * @param categoryCode special-equipment catalogue code (e.g. 4300 tower crane) or ROAD_MACHINERY
 */
public record Equipment(String categoryCode, String make, String model, String serial,
                        boolean specialEquipment, SiteType siteType) {
}
