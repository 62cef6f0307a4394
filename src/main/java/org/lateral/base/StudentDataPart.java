package org.lateral.base;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One feature's share of a student's record (DD023): the tables of {@link StudentDataInventory}
 * marked {@code EXPORT_AND_DELETE} that the feature owns (DD011), with the student's rows read for an
 * export and deleted on request. Features implement it; the classroom's student-data service
 * collects every part and is the only caller, after its access rule: a part checks nobody.
 */
public interface StudentDataPart {

    /** The inventory tables this part exports and deletes; every such table belongs to one part. */
    List<String> tables();

    /**
     * The student's rows of each of {@link #tables()}, keyed by table, every table present even
     * when the student has no row in it. Secrets (the password hash) are left out.
     */
    Map<String, StudentRows> export(UUID studentId);

    /**
     * Deletes the student's rows of each of {@link #tables()} and says how many per table. Runs in
     * the caller's transaction, so a failure in any part leaves every table as it was.
     */
    Map<String, Integer> delete(UUID studentId);

    /**
     * When this part deletes: lower first. Rows that refer to others go before what they refer to
     * (the work before the submissions, the submissions before the account).
     */
    int deletionOrder();
}
