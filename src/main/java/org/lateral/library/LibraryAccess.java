package org.lateral.library;

import java.util.Arrays;
import java.util.UUID;
import org.lateral.security.CurrentUser;
import org.lateral.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The library's access rules ({@link ArticleOfMySchool}, {@link OutletOfMySchool}, {@link StorySetOfMySchool}); see DD009. */
@Component("libraryAccess")
public class LibraryAccess {

    private final CurrentUser currentUser;
    private final JdbcClient jdbc;

    LibraryAccess(CurrentUser currentUser, JdbcClient jdbc) {
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    /** The article is in the signed-in teacher's school's library. */
    public boolean articleOfMySchool(UUID articleId) {
        return inMySchool("SELECT EXISTS (SELECT 1 FROM article WHERE id = :id AND school_id = :school)", articleId);
    }

    /** The outlet profile is in the signed-in teacher's school's library. */
    public boolean outletOfMySchool(UUID outletId) {
        return inMySchool("SELECT EXISTS (SELECT 1 FROM outlet WHERE id = :id AND school_id = :school)", outletId);
    }

    /**
     * The story set is in the signed-in teacher's or admin's school's library (admins export
     * packs, DD020).
     */
    public boolean storySetOfMySchool(UUID storySetId) {
        return inMySchool(
                "SELECT EXISTS (SELECT 1 FROM story_set WHERE id = :id AND school_id = :school)",
                storySetId,
                Role.TEACHER,
                Role.ADMIN);
    }

    private boolean inMySchool(String sql, UUID id) {
        return inMySchool(sql, id, Role.TEACHER);
    }

    private boolean inMySchool(String sql, UUID id, Role... roles) {
        return currentUser
                .get()
                .filter(u -> Arrays.stream(roles).anyMatch(u::has))
                .map(u -> jdbc.sql(sql)
                        .param("id", id)
                        .param("school", u.schoolId())
                        .query(Boolean.class)
                        .single())
                .orElse(false);
    }
}
