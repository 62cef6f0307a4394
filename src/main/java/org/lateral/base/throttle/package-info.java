/** Token-bucket throttles kept in PostgreSQL, so every app node counts the same attempts. */
@NullMarked
package org.lateral.base.throttle;

import org.jspecify.annotations.NullMarked;
