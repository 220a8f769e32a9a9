package org.trustbench.sync.format;

import com.fasterxml.jackson.databind.JsonNode;

/** A check of one non-null JSON value against the format; throws a located {@link PackageException}. */
@FunctionalInterface
interface Rule {

    void check(Where where, JsonNode value, Refs refs);

    /** Receives the attachment digests a record refers to, with where each reference sits. */
    @FunctionalInterface
    interface Refs {
        Refs NONE = (where, sm3) -> { };

        void attachment(Where where, String sm3);
    }
}
