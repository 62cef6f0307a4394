@NullMarked
package org.lateral.library.ui;

import org.jspecify.annotations.NullMarked;
