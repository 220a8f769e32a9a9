package org.trustbench.db;

import static org.trustbench.db.jooq.Tables.STORE_INFO;

import java.nio.file.Path;

/**
 * Child process for the durability test: commits rows one transaction at a time, reports each
 * commit on stdout, then waits to be killed.
 */
public final class CommitThenWait {

    private CommitThenWait() {
    }

    public static void main(String[] args) throws Exception {
        Store store = Store.open(new DataFolder(Path.of(args[0])), Workspace.REAL);
        int count = Integer.parseInt(args[1]);
        String prefix = args[2];
        for (int i = 0; i < count; i++) {
            String key = prefix + i;
            store.dsl().transaction(tx -> tx.dsl().insertInto(STORE_INFO)
                    .set(STORE_INFO.INFO_KEY, key).set(STORE_INFO.INFO_VALUE, "committed").execute());
            System.out.println("COMMITTED " + key);
            System.out.flush();
        }
        Thread.sleep(60_000);
    }
}
