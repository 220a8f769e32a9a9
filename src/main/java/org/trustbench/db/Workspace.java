package org.trustbench.db;

/** The kind of store a data folder holds. Demo and real data never share a store. */
public enum Workspace {
    /** Real filings; starts empty, filled by sync packages. */
    REAL("store"),
    /** Demo data loaded from {@code sample-data/}; marked as demo wherever it shows. */
    DEMO("demo");

    private final String folderName;

    Workspace(String folderName) {
        this.folderName = folderName;
    }

    /** Sub-folder of the data folder that holds this workspace's store. */
    public String folderName() {
        return folderName;
    }
}
