package org.lateral.audit.ui;

import org.lateral.base.ui.Destination;

/** The way to the audit trail screen, for the admin's pages (the school view links to it). */
public final class AuditNavigation {

    private AuditNavigation() {}

    /** The school's audit trail, newest first. */
    public static Destination audit() {
        return Destination.of(AuditView.class);
    }
}
