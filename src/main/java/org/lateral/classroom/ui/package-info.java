@NullMarked
package org.lateral.classroom.ui;

import org.jspecify.annotations.NullMarked;
