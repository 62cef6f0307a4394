/** Assignments: class x exercise x pinned article and key versions, policies, due dates. */
@NullMarked
package org.lateral.assignment;

import org.jspecify.annotations.NullMarked;
