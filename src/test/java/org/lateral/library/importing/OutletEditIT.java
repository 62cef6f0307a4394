package org.lateral.library.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.base.UserFacingException;
import org.lateral.library.LibraryService;
import org.lateral.library.OutletKind;
import org.lateral.library.OutletProfile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Correcting an own outlet's profile: a new immutable version, for its owner only (DD012, "Editing"). */
@LateralServerTest
class OutletEditIT {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ArticleImportService imports;

    @Autowired
    OutletEditService outlets;

    @Autowired
    LibraryService library;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    /** An article pasted with a new outlet, which the import creates with the teacher as owner. */
    private UUID ownOutlet(String teacher, String outletName) {
        try (var signedIn = SignedIn.as(users, teacher)) {
            SavedImport saved = imports.save(imports.preview(new PastedArticle(
                    // Each outlet's own text: the same text twice would be one article, one outlet.
                    "Harbour town keeps its ferry\n\nResidents voted on Thursday to keep the ferry, " + outletName
                            + " reports.",
                    null,
                    outletName,
                    null,
                    null,
                    "https://" + outletName.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example/ferry")));
            assertThat(saved).isEqualTo(new SavedImport.Created(saved.articleId(), true));
            UUID article = saved.articleId();
            return jdbc.sql("SELECT outlet_id FROM article WHERE id = :id")
                    .param("id", article)
                    .query(UUID.class)
                    .single();
        }
    }

    /** The outlet row and every version of it, to show that a refusal wrote nothing. */
    private Map<String, Object> state(UUID outletId) {
        return Map.of(
                "outlet",
                jdbc.sql("SELECT * FROM outlet WHERE id = :id")
                        .param("id", outletId)
                        .query()
                        .singleRow(),
                "versions",
                jdbc.sql(
                                "SELECT id, content_hash, name, kind, country, ownership, description, home_url, "
                                        + "facts::text AS facts, created_at FROM outlet_version WHERE outlet_id = :id ORDER BY id")
                        .param("id", outletId)
                        .query()
                        .listOfRows());
    }

    private static OutletCorrection corrected(EditableOutlet o) {
        return new OutletCorrection(
                "The Coastal Ledger Weekly",
                OutletKind.MAGAZINE,
                "Portugal",
                "Owned by a regional cooperative of its readers.",
                "The cooperative's annual report, 2023.",
                "Ledger Media Cooperative",
                "The imprint on the magazine's site.",
                "A weekly about the coast's towns.",
                "HTTPS://the-coastal-ledger.example/");
    }

    @Test
    void the_owners_correction_is_a_new_current_version_and_the_first_stays_as_it_was() {
        UUID school = fixtures.school("Outlet edit owner school");
        String teacher = fixtures.teacher(school, "outlet-owner");
        UUID id = ownOutlet(teacher, "The Coastal Ledger");
        Map<String, Object> first = state(id);
        @SuppressWarnings("unchecked")
        Map<String, Object> firstVersion = ((List<Map<String, Object>>) first.get("versions")).getFirst();
        String slug = (String) ((Map<?, ?>) first.get("outlet")).get("slug");
        try (var signedIn = SignedIn.as(users, teacher)) {
            assertThat(outlets.mayEdit(id)).isTrue();
            EditableOutlet opened = outlets.editable(id);
            assertThat(opened.name()).isEqualTo("The Coastal Ledger");
            assertThat(opened.kind()).isEqualTo(OutletKind.NEWSPAPER);
            assertThat(opened.homeUrl()).isEqualTo("https://the-coastal-ledger.example/");
            assertThat(opened.ownership()).isNull();

            UUID second = outlets.saveEdit(id, opened.version(), corrected(opened));

            Map<String, Object> row = jdbc.sql("SELECT * FROM outlet WHERE id = :id")
                    .param("id", id)
                    .query()
                    .singleRow();
            assertThat(row)
                    .containsEntry("current_version_id", second)
                    .containsEntry("version", opened.version() + 1)
                    .containsEntry("slug", slug)
                    .containsEntry("name", "The Coastal Ledger Weekly")
                    .containsEntry("kind", "magazine")
                    .containsEntry("country", "Portugal")
                    .containsEntry("ownership", "Owned by a regional cooperative of its readers.")
                    .containsEntry("ownership_source", "The cooperative's annual report, 2023.")
                    .containsEntry("publisher", "Ledger Media Cooperative")
                    .containsEntry("publisher_source", "The imprint on the magazine's site.")
                    .containsEntry("description", "A weekly about the coast's towns.")
                    .containsEntry("home_url", "https://the-coastal-ledger.example/");
            Map<String, Object> version = jdbc.sql("SELECT * FROM outlet_version WHERE id = :id")
                    .param("id", second)
                    .query()
                    .singleRow();
            assertThat(version)
                    .containsEntry("name", "The Coastal Ledger Weekly")
                    .containsEntry("publisher", "Ledger Media Cooperative")
                    .containsEntry("home_url", "https://the-coastal-ledger.example/");
            assertThat(version.get("content_hash")).isNotEqualTo(firstVersion.get("content_hash"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> versions =
                    (List<Map<String, Object>>) state(id).get("versions");
            assertThat(versions).hasSize(2).contains(firstVersion);

            OutletProfile profile = library.outlet(id).orElseThrow();
            assertThat(profile.name()).isEqualTo("The Coastal Ledger Weekly");
            assertThat(profile.earlierVersions())
                    .singleElement()
                    .satisfies(v -> assertThat(v.name()).isEqualTo("The Coastal Ledger"));

            // Putting the first profile back makes its version current again instead of a copy: the
            // edit hashes as the import did.
            EditableOutlet again = outlets.editable(id);
            UUID back = outlets.saveEdit(
                    id,
                    again.version(),
                    new OutletCorrection(
                            "The Coastal Ledger",
                            OutletKind.NEWSPAPER,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            "https://the-coastal-ledger.example/"));
            assertThat(back).isEqualTo(firstVersion.get("id"));
            assertThat((List<?>) state(id).get("versions")).hasSize(2);
        }
    }

    @Test
    void a_pack_outlet_is_refused_to_every_teacher() {
        try (var signedIn = SignedIn.as(users, "teacher")) {
            UUID id = library.articles("sputnik").getFirst().outletId();
            Map<String, Object> before = state(id);
            String fromPack = "This outlet\u2019s profile comes with an exercise pack shared by the whole school; "
                    + "you can read it, not change it.";
            assertThat(outlets.mayEdit(id)).isFalse();
            assertThatThrownBy(() -> outlets.editable(id))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage(fromPack);
            int version = (Integer) ((Map<?, ?>) before.get("outlet")).get("version");
            assertThatThrownBy(() -> outlets.saveEdit(
                            id,
                            version,
                            new OutletCorrection("Renamed", OutletKind.BLOG, null, null, null, null, null, null, null)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage(fromPack);
            assertThat(state(id)).isEqualTo(before);
        }
    }

    @Test
    void a_colleagues_outlet_is_refused_with_a_sentence_and_left_as_it_was() {
        UUID school = fixtures.school("Outlet edit colleague school");
        String owner = fixtures.teacher(school, "outlet-colleague-owner");
        String colleague = fixtures.teacher(school, "outlet-colleague");
        UUID id = ownOutlet(owner, "The Coastal Ledger");
        EditableOutlet opened;
        try (var signedIn = SignedIn.as(users, owner)) {
            opened = outlets.editable(id);
        }
        Map<String, Object> before = state(id);
        try (var signedIn = SignedIn.as(users, colleague)) {
            String belongs = "This outlet belongs to another teacher; you can read its profile but not change it.";
            assertThat(outlets.mayEdit(id)).isFalse();
            assertThat(library.outlet(id)).as("a colleague still reads it").isPresent();
            assertThatThrownBy(() -> outlets.editable(id))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage(belongs);
            assertThatThrownBy(() -> outlets.saveEdit(id, opened.version(), corrected(opened)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage(belongs);
        }
        assertThat(state(id)).isEqualTo(before);
    }

    @Test
    void saving_over_a_change_made_since_opening_is_refused_and_writes_nothing() {
        UUID school = fixtures.school("Outlet edit stale school");
        String teacher = fixtures.teacher(school, "outlet-stale");
        UUID id = ownOutlet(teacher, "The Coastal Ledger");
        try (var signedIn = SignedIn.as(users, teacher)) {
            EditableOutlet firstTab = outlets.editable(id);
            EditableOutlet secondTab = outlets.editable(id);
            outlets.saveEdit(id, firstTab.version(), corrected(firstTab));
            Map<String, Object> before = state(id);
            OutletCorrection fromSecondTab = new OutletCorrection(
                    secondTab.name(), secondTab.kind(), "Spain", null, null, null, null, null, secondTab.homeUrl());
            assertThatThrownBy(() -> outlets.saveEdit(id, secondTab.version(), fromSecondTab))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("Someone changed this outlet\u2019s profile since you opened it; reload to see it.");
            assertThat(state(id)).isEqualTo(before);
            assertThat(library.outlet(id).orElseThrow().country()).isEqualTo("Portugal");
        }
    }

    @Test
    void saving_without_a_change_says_so_and_adds_no_version() {
        UUID school = fixtures.school("Outlet edit unchanged school");
        String teacher = fixtures.teacher(school, "outlet-unchanged");
        UUID id = ownOutlet(teacher, "The Coastal Ledger");
        try (var signedIn = SignedIn.as(users, teacher)) {
            EditableOutlet opened = outlets.editable(id);
            Map<String, Object> before = state(id);
            assertThatThrownBy(() -> outlets.saveEdit(id, opened.version(), opened.asCorrection()))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("Nothing was changed, so no new version of the profile was saved.");
            OutletCorrection onlySpacing = new OutletCorrection(
                    "  " + opened.name() + " ", opened.kind(), " ", "", null, "\t", null, "", opened.homeUrl());
            assertThatThrownBy(() -> outlets.saveEdit(id, opened.version(), onlySpacing))
                    .as("the stored profile would be the same")
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("Nothing was changed, so no new version of the profile was saved.");
            assertThat(state(id)).isEqualTo(before);
        }
    }

    @Test
    void bad_input_is_refused_with_a_sentence_and_writes_nothing() {
        UUID school = fixtures.school("Outlet edit limits school");
        String teacher = fixtures.teacher(school, "outlet-limits");
        UUID id = ownOutlet(teacher, "The Coastal Ledger");
        ownOutlet(teacher, "Harbour Radio");
        try (var signedIn = SignedIn.as(users, teacher)) {
            EditableOutlet opened = outlets.editable(id);
            OutletCorrection ok = corrected(opened);
            Map<String, Object> before = state(id);
            Map<String, UnaryOperator<OutletCorrection>> bad = Map.of(
                    "Give the outlet its name.",
                    c -> withName(c, "   "),
                    "The outlet\u2019s name is too long: at most 200 characters.",
                    c -> withName(c, "L".repeat(201)),
                    "Another outlet in your school\u2019s library is already called \u201charbour radio\u201d. "
                            + "Choose a different name.",
                    c -> withName(c, "harbour radio"),
                    "Choose what kind of outlet this is.",
                    c -> new OutletCorrection(
                            c.name(),
                            null,
                            c.country(),
                            c.ownership(),
                            c.ownershipSource(),
                            c.publisher(),
                            c.publisherSource(),
                            c.description(),
                            c.homeUrl()),
                    "The country is too long: at most 100 characters.",
                    c -> new OutletCorrection(
                            c.name(),
                            c.kind(),
                            "C".repeat(101),
                            c.ownership(),
                            c.ownershipSource(),
                            c.publisher(),
                            c.publisherSource(),
                            c.description(),
                            c.homeUrl()),
                    "Say who owns or funds the outlet before giving a source for it.",
                    c -> new OutletCorrection(
                            c.name(),
                            c.kind(),
                            c.country(),
                            " ",
                            c.ownershipSource(),
                            c.publisher(),
                            c.publisherSource(),
                            c.description(),
                            c.homeUrl()),
                    "The description is too long: at most 4,000 characters.",
                    c -> new OutletCorrection(
                            c.name(),
                            c.kind(),
                            c.country(),
                            c.ownership(),
                            c.ownershipSource(),
                            c.publisher(),
                            c.publisherSource(),
                            "D".repeat(4001),
                            c.homeUrl()),
                    "The home page must be a web address starting with http:// or https://, like https://example.org/.",
                    c -> new OutletCorrection(
                            c.name(),
                            c.kind(),
                            c.country(),
                            c.ownership(),
                            c.ownershipSource(),
                            c.publisher(),
                            c.publisherSource(),
                            c.description(),
                            "ftp://the-coastal-ledger.example/"));
            bad.forEach((sentence, change) -> {
                OutletCorrection wrong = change.apply(ok);
                assertThatThrownBy(() -> outlets.saveEdit(id, opened.version(), wrong))
                        .as(sentence)
                        .isInstanceOf(UserFacingException.class)
                        .hasMessage(sentence);
            });
            assertThatThrownBy(() -> outlets.saveEdit(id, opened.version(), withPublisherSourceOnly(ok)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("Name the publisher before giving a source for it.");
            assertThat(state(id)).isEqualTo(before);
            // The same limits accept the correction itself.
            outlets.saveEdit(id, opened.version(), ok);
            assertThat(library.outlet(id).orElseThrow().name()).isEqualTo("The Coastal Ledger Weekly");
        }
    }

    private static OutletCorrection withName(OutletCorrection c, String name) {
        return new OutletCorrection(
                name,
                c.kind(),
                c.country(),
                c.ownership(),
                c.ownershipSource(),
                c.publisher(),
                c.publisherSource(),
                c.description(),
                c.homeUrl());
    }

    private static OutletCorrection withPublisherSourceOnly(OutletCorrection c) {
        return new OutletCorrection(
                c.name(),
                c.kind(),
                c.country(),
                c.ownership(),
                c.ownershipSource(),
                null,
                c.publisherSource(),
                c.description(),
                c.homeUrl());
    }
}
