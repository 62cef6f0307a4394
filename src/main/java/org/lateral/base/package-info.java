/** Shared kernel: value records, time, the embedded database, the main layout, the highlighter component. Uses no feature package. */
@NullMarked
package org.lateral.base;

import org.jspecify.annotations.NullMarked;
