@NullMarked
package org.lateral.base.ui;

import org.jspecify.annotations.NullMarked;
