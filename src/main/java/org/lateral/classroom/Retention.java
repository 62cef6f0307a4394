package org.lateral.classroom;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long students' work is kept after their last class is archived (DD023, "Retention"):
 * {@code lateral.retention.archived-class-days}, 365 by default, at least 30 so that the notice a
 * teacher sees on an archived class always comes well before the deletion. A school's admin may
 * choose the school's own number of days (DD026), from {@value #FEWEST_DAYS} to {@value #MOST_DAYS};
 * the database holds the same bounds.
 */
@Component
class Retention {

    static final int FEWEST_DAYS = 30;
    static final int MOST_DAYS = 3650;

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

    /** The days that apply to a school: its own choice, else the instance's. */
    int days(@Nullable Integer schoolDays) {
        return schoolDays == null ? days : schoolDays;
    }

    /** When the work of a class archived at {@code archivedAt} may be deleted, under the school's days. */
    Instant deletedOn(Instant archivedAt, @Nullable Integer schoolDays) {
        return archivedAt.plus(Duration.ofDays(days(schoolDays)));
    }
}
