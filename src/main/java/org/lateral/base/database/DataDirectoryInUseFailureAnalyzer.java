package org.lateral.base.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a second start on the same data directory into a two-line message instead of a stack trace. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                "Lateral could not start: " + cause.getMessage()
                        + " Only one Lateral may use a data directory at a time.",
                "Stop the Lateral that is already running, or start this one with another data directory"
                        + " (LATERAL_DATA_DIR=/some/other/dir).",
                cause);
    }
}
