package org.trustbench.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.function.Function;
import org.trustbench.caseq.QueueIndex;

/**
 * What the benchmark measures, wired by the application (only app constructs stores and services): the real
 * generator, import, checks, queue, review and export, each on a store of its own in a temporary folder.
 */
public interface BenchSubject {

    /** Writes {@code cases} synthetic cases of {@code seed} as a demo inbound package. */
    void generate(int cases, long seed, Path out);

    /** Opens (creating) an empty demo store in {@code folder} that trusts the demo central key. */
    Store open(Path folder);

    /** The classpath, main class and arguments prefix that start this application in a child JVM. */
    List<String> childCommand();

    /** One open store. */
    interface Store extends AutoCloseable {

        /** Runs {@code work} on a plain JDBC connection to this store (for the baselines). */
        <T> T withConnection(Function<Connection, T> work);

        /** The real import of an inbound package (verify, parse, validate, insert, run the rules). */
        void importPackage(Path pkg);

        /** Re-runs every rule on every case, storing the findings; returns how many cases were checked. */
        long checkAll();

        /** Re-runs every rule on the given cases, storing the findings (no audit entry); returns how many. */
        long checkCases(List<Long> ids);

        /** Loads every case as the checks do, without checking it; returns how many. */
        long loadAll();

        List<Long> caseIds();

        /** Loads what the review screen renders: the case, its findings and signature results. */
        Object openCase(long caseId);

        /** The queue's search index over every case. */
        QueueIndex queueIndex();

        /** Puts {@code n} decision records into the outbox (the export's input). */
        void fillOutbox(int n);

        /** The real export of the outbox as a signed package into {@code dir}; returns the records exported. */
        long export(Path dir);

        @Override
        void close();
    }
}
