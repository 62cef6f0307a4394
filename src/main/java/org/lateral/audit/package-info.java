/**
 * The audit trail (R19, DD022): an append-only table of sign-ins, refusals, overrides, key and pack
 * changes, roster actions and views of students' work, written through
 * {@link org.lateral.security.AuditTrail}, read by the school's admin, purged after its own
 * retention.
 */
@NullMarked
package org.lateral.audit;

import org.jspecify.annotations.NullMarked;
