package org.lateral.library.importing;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One of the school's outlets, as the import preview offers them. */
public record OutletOption(UUID id, String name, @Nullable String homeUrl) {}
