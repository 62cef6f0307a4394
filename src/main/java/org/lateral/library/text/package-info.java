/** Pure text functions: the canonical article text and quote matching. No I/O, no Spring. */
@NullMarked
package org.lateral.library.text;

import org.jspecify.annotations.NullMarked;
