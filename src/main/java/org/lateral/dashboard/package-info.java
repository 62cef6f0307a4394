/** Read-only queries and teacher dashboards. */
@NullMarked
package org.lateral.dashboard;

import org.jspecify.annotations.NullMarked;
