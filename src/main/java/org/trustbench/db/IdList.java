package org.trustbench.db;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A list of row ids bound as one array parameter and read as a table ({@code UNNEST(CAST(? AS BIGINT ARRAY))}, standard
 * SQL that H2 and PostgreSQL both take), for joining a batch of ids to a table by its index. H2 re-evaluates an
 * {@code IN (?, ?, …)} list of n parameters against every row it finds, n comparisons each; joining the ids looks
 * each one up in the index and compares once (a 500-case batch of evidence loads in about half the time). Ids are
 * de-duplicated, so the join yields each row once. For a condition (a DELETE, say) see {@link #contains}.
 */
public final class IdList {

    /** At most this many ids in one array (H2 holds 65,536 elements in an array value). */
    public static final int MAX = 10_000;

    private final Long[] ids;
    private final Table<?> table;
    private final Field<Long> id;

    private IdList(Long[] ids) {
        this.ids = ids;
        // jOOQ binds the typed array with its cast: cast(? as bigint array) for H2, cast(? as bigint[]) for PostgreSQL.
        this.table = DSL.table("unnest({0})", DSL.val(ids, SQLDataType.BIGINT.array())).as("wanted", "id");
        this.id = DSL.field(DSL.name("wanted", "id"), Long.class);
    }

    public static IdList of(Collection<Long> ids) {
        if (ids.size() > MAX) {
            throw new IllegalArgumentException(ids.size() + " ids; at most " + MAX + " at once");
        }
        return new IdList(new LinkedHashSet<>(ids).toArray(Long[]::new));
    }

    /** The ids as a one-column table, {@code wanted(id)}, to join to. */
    public Table<?> table() {
        return table;
    }

    /**
     * {@code column} is one of the ids, as {@code IN} with the ids written as literals: H2 answers a list of constants
     * from the index with a hash-set test per row (an {@code IN} of parameters compares each row with every element, an
     * {@code IN (SELECT …)} rebuilds the subquery's distinct set per row). The ids are numbers, so nothing can be
     * injected.
     */
    public Condition contains(Field<Long> column) {
        return column.in(Arrays.stream(ids).map(DSL::inline).toList());
    }

    /** The column of {@link #table()}. */
    public Field<Long> id() {
        return id;
    }
}
