package org.lateral.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.base.Schools;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The library service is the security boundary of the library: teachers only, own school only. */
@LateralServerTest
class LibraryServiceIT {

    @Autowired
    org.lateral.Fixtures fixtures;

    @Autowired
    LibraryService library;

    @Autowired
    UserDetailsService users;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_teacher_sees_the_seed_pack_in_story_order_with_complete_keys() {
        try (var signedIn = SignedIn.as(users, "teacher")) {
            List<LibraryEntry> entries = library.articles("");
            assertThat(entries)
                    .filteredOn(e -> "Defectors: one story, five outlets".equals(e.storySetTitle()))
                    .extracting(LibraryEntry::outletName)
                    .containsExactly(
                            "The Frisky", "Sputnik International", "Isegoria", "War in Context", "New Eastern Outlook");
            assertThat(entries).allSatisfy(e -> {
                assertThat(e.keyStatus()).isEqualTo(LibraryEntry.KeyStatus.COMPLETE);
                assertThat(e.maturityNote()).contains("Violent extremism");
            });
        }
    }

    @Test
    void search_matches_headline_or_outlet_without_regard_to_case() {
        try (var signedIn = SignedIn.as(users, "teacher")) {
            assertThat(library.articles("SPUTNIK"))
                    .extracting(LibraryEntry::title)
                    .containsExactly("'Daesh Defectors May be Undercover Operatives' Trying to Attack Europe");
            assertThat(library.articles("confessions")).hasSize(2);
            assertThat(library.articles("100%_")).isEmpty();
        }
    }

    @Test
    void the_reader_gets_the_text_the_outlet_and_the_key_with_its_claim_source_links() {
        try (var signedIn = SignedIn.as(users, "teacher")) {
            UUID sputnik = library.articles("sputnik").getFirst().articleId();
            ArticleReading reading = library.reading(sputnik).orElseThrow();
            assertThat(reading.canonicalText()).startsWith(reading.title() + "\n\n");
            assertThat(reading.outlet().kind()).isEqualTo(OutletKind.STATE_MEDIA);
            assertThat(reading.outlet().ownership()).contains("Rossiya Segodnya");
            assertThat(reading.published().precision()).isEqualTo(PublicationDate.Precision.APPROXIMATE);
            KeyOverlay key = reading.keyOverlay().orElseThrow();
            assertThat(key.claims())
                    .hasSizeGreaterThanOrEqualTo(12)
                    .allSatisfy(c -> assertThat(reading.canonicalText().substring(c.start(), c.end()))
                            .isEqualTo(c.exact()));
            assertThat(key.sources()).anySatisfy(s -> assertThat(s.name()).contains("Tamimi"));
            assertThat(key.claims()).anySatisfy(c -> assertThat(c.sourceIds()).isNotEmpty());
            assertThat(key.claims()).anySatisfy(c -> assertThat(c.sourceIds()).isEmpty());
        }
    }

    @Test
    void students_cannot_use_the_library() {
        try (var signedIn = SignedIn.as(users, "student1")) {
            assertThatThrownBy(() -> library.articles("")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> library.reading(UUID.randomUUID())).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void a_teacher_of_another_school_sees_none_of_this_schools_library() {
        UUID otherSchool = UUID.fromString("00000000-0000-0000-0000-00000000000b");
        administration.ensureSchool(otherSchool, "Other school");
        administration.ensureAccount(
                otherSchool, "other-school-teacher", "Other Teacher", Set.of(Role.TEACHER), "a long enough password");
        UUID sputnik;
        UUID outlet;
        try (var signedIn = SignedIn.as(users, "teacher")) {
            LibraryEntry entry = library.articles("sputnik").getFirst();
            sputnik = entry.articleId();
            outlet = entry.outletId();
        }
        try (var signedIn = SignedIn.as(users, "other-school-teacher")) {
            assertThat(library.articles("")).isEmpty();
            assertThat(library.reading(sputnik))
                    .as("a foreign id behaves like a missing one")
                    .isEmpty();
            assertThat(library.outlet(outlet)).isEmpty();
        }
        assertThat(Schools.DEFAULT_SCHOOL_ID).isNotEqualTo(otherSchool);
    }
}
