/** Schools, accounts and credentials, classes, enrollment, first-run setup. */
@NullMarked
package org.lateral.classroom;

import org.jspecify.annotations.NullMarked;
