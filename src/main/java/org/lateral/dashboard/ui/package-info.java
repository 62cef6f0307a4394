@NullMarked
package org.lateral.dashboard.ui;

import org.jspecify.annotations.NullMarked;
