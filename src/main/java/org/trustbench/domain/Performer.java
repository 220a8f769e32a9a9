package org.trustbench.domain;

/** The entity that actually performs the service. */
public record Performer(String uscc, String name) {
}
