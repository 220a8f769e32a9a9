package org.trustbench.db;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The plain Jackson mapper the repositories share for the JSON columns they read and write. Made on first use, not when
 * the services are wired at start: the first {@code ObjectMapper} loads hundreds of classes. Thread-safe once made.
 */
public final class StoreJson {

    private StoreJson() {
    }

    /** The shared mapper (default configuration). */
    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
