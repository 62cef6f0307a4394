@NullMarked
package org.lateral.base.highlighter;

import org.jspecify.annotations.NullMarked;
