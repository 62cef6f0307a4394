/** The school admin's audit trail screen (DD022). */
@NullMarked
package org.lateral.audit.ui;

import org.jspecify.annotations.NullMarked;
