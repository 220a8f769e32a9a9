package org.trustbench.app.cli;

import org.trustbench.app.Version;
import picocli.CommandLine;

/** {@code --version}. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"TrustBench " + Version.current()};
    }
}
