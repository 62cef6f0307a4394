/** Articles and their versions, outlets, story sets, answer keys, seed packs. */
@NullMarked
package org.lateral.library;

import org.jspecify.annotations.NullMarked;
