@NullMarked
package org.lateral.assignment.ui;

import org.jspecify.annotations.NullMarked;
