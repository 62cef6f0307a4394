package org.lateral.base.database;

import java.nio.file.Path;

/** Another running Lateral owns the data directory; starting a second one would corrupt it. */
public class DataDirectoryInUseException extends RuntimeException {

    private final Path dataDirectory;

    public DataDirectoryInUseException(Path dataDirectory) {
        super("The data directory " + dataDirectory + " is in use by another running Lateral.");
        this.dataDirectory = dataDirectory;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }
}
