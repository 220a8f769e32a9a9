package org.trustbench.domain;

/** Where a piece of equipment works; decides which authority supervises it. */
public enum SiteType {
    FACTORY,
    PORT,
    WAREHOUSE,
    CONSTRUCTION_SITE,
    MUNICIPAL_WORKS,
    ROAD_PROJECT
}
