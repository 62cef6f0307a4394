/**
 * Exercise packs as files (seeds/README.md): reading and checking them, with no database. The
 * library's import service turns a checked pack into versions.
 */
@NullMarked
package org.lateral.library.pack;

import org.jspecify.annotations.NullMarked;
