package org.lateral.classroom;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long students' work is kept after their last class is archived (DD023, "Retention"):
 * {@code lateral.retention.archived-class-days}, 365 by default, at least 30 so that the notice a
 * teacher sees on an archived class always comes well before the deletion.
 */
@Component
class Retention {

    static final int FEWEST_DAYS = 30;

    private final int days;

    Retention(@Value("${lateral.retention.archived-class-days:365}") int days) {
        if (days < FEWEST_DAYS) {
            throw new IllegalArgumentException("lateral.retention.archived-class-days must be at least " + FEWEST_DAYS
                    + " (the notice to teachers comes first); it is " + days);
        }
        this.days = days;
    }

    int days() {
        return days;
    }

    /** When the work of a class archived at {@code archivedAt} may be deleted. */
    Instant deletedOn(Instant archivedAt) {
        return archivedAt.plus(Duration.ofDays(days));
    }

    /** Classes archived before this moment are past their retention at {@code now}. */
    Instant cutoff(Instant now) {
        return now.minus(Duration.ofDays(days));
    }
}
