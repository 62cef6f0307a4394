package org.lateral.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Acknowledged saves against the rows in PostgreSQL, read directly (not through the app): marks,
 * and a sources step's sources, mentions and claim links, each by the id the browser gave it.
 * Every acknowledged save must be stored, and a stored one nobody acknowledged may only be one
 * whose answer was lost on the way back. What the students saved while opening their page (a
 * sources step's claims) is left out of the count; it must be stored too.
 *
 * @param stored rows in the database, the opening saves left out
 * @param acknowledged marks the server said it saved
 * @param missing acknowledged but not stored (must be 0)
 * @param storedUnanswered stored, sent, answer lost (allowed; the browser would resend it)
 * @param storedUnknown stored but never acknowledged nor lost (must be 0)
 */
public record MarkAudit(long stored, long acknowledged, long missing, long storedUnanswered, long storedUnknown) {

    /** Reads every saved item's id of a database the run had to itself. */
    public static MarkAudit of(Connection database, Set<String> acknowledged, Set<String> unanswered, Set<String> setup)
            throws SQLException {
        Set<String> stored = new HashSet<>();
        try (ResultSet rs = database.createStatement()
                .executeQuery("SELECT mark_id::text FROM mark UNION ALL SELECT source_id::text FROM student_source"
                        + " UNION ALL SELECT mention_id::text FROM source_mention"
                        + " UNION ALL SELECT link_id::text FROM claim_link")) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        long setupMissing = setup.stream().filter(id -> !stored.contains(id)).count();
        stored.removeAll(setup);
        long missing = setupMissing
                + acknowledged.stream().filter(id -> !stored.contains(id)).count();
        long lost = stored.stream().filter(unanswered::contains).count();
        long unknown = stored.stream()
                .filter(id -> !acknowledged.contains(id) && !unanswered.contains(id))
                .count();
        return new MarkAudit(stored.size(), acknowledged.size(), missing, lost, unknown);
    }

    /** Rows equal acknowledgements: nothing acknowledged lost, nothing stored that nobody sent. */
    public boolean consistent() {
        return missing == 0 && storedUnknown == 0 && stored == acknowledged + storedUnanswered;
    }

    @Override
    public String toString() {
        return "%d rows in the database, %d acknowledged, %d acknowledged but missing, %d stored with the answer lost, %d unexplained"
                .formatted(stored, acknowledged, missing, storedUnanswered, storedUnknown);
    }
}
