@NullMarked
package org.lateral.submission.ui;

import org.jspecify.annotations.NullMarked;
