@NullMarked
package org.lateral.security.ui;

import org.jspecify.annotations.NullMarked;
