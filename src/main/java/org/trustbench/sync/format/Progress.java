package org.trustbench.sync.format;

/**
 * Progress of writing or verifying a package, in uncompressed bytes. Called from the working thread; throw
 * {@link java.util.concurrent.CancellationException} from it to cancel (the writer then deletes its temporary files;
 * the verifier stops; the exception propagates unchanged).
 */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total) -> { };

    void update(long done, long total);
}
