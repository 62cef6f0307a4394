package org.lateral.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.Fixtures;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.base.Schools;
import org.lateral.base.i18n.KeyedText;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.library.pack.PackFiles;
import org.lateral.library.pack.PackZip;
import org.lateral.library.pack.SeedPack;
import org.lateral.library.pack.SeedPackReader;
import org.lateral.library.pack.SeedPackWriter;
import org.lateral.security.NotYoursException;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Packs travel (DD020): export, import into another school, all or nothing, and who may. */
@LateralServerTest
class PackTravelIT {

    private static final UUID SHIPPED_SET = UUID.fromString("31b819c6-7973-51b6-8415-d5fadb85c748");

    @Autowired
    Fixtures fixtures;

    @Autowired
    PackService packs;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    private SeedPack readZip(byte[] zip) {
        return SeedPackReader.read(PackZip.read("defectors", zip));
    }

    /** The same pack under another name: names are where a pack came from, not its content. */
    private static SeedPack named(SeedPack p) {
        return new SeedPack(
                "pack", p.manifest(), p.outlets(), p.citedOutlets(), p.articles(), p.keys(), p.comparison());
    }

    @Test
    void the_shipped_pack_exports_imports_into_a_fresh_school_and_exports_again_unchanged() {
        String teacher = fixtures.teacher(Schools.DEFAULT_SCHOOL_ID, "exporter");
        PackService.PackDownload first;
        try (var s = SignedIn.as(users, teacher)) {
            first = packs.exportPack(SHIPPED_SET);
        }
        SeedPack exported = readZip(first.zip());
        SeedPack shipped = SeedPackReader.read(
                PackFiles.classpath("seeds/defectors", getClass().getClassLoader()));
        // Everything the shipped pack says comes out, ids included; only the order of a claim's
        // sources is the database's (sorted), so the comparison sorts them too.
        assertThat(sorted(named(exported))).isEqualTo(sorted(named(shipped)));
        assertThat(new String(first.zip(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("annotations/000-the-frisky.jsonld");

        UUID fresh = fixtures.school("Importing school " + UUID.randomUUID());
        String far = fixtures.teacher(fresh, "importer");
        try (var s = SignedIn.as(users, far)) {
            PackService.ImportReport report = packs.importPack("defectors.zip", first.zip());
            assertThat(report.refused()).isEmpty();
            assertThat(english(report.added())).contains("5 articles", "5 answer keys", "1 comparison key");
            assertThat(report.alreadyThere()).isEmpty();

            // The fresh school's copy has rows of its own (the default school holds the pack's ids)…
            UUID setHere = packs.storySets().getFirst().id();
            assertThat(setHere).isNotEqualTo(SHIPPED_SET);
            // …and exports with the pack's own ids: the same pack again.
            SeedPack again = readZip(packs.exportPack(setHere).zip());
            assertThat(named(again)).isEqualTo(named(exported));

            // Importing the same zip again adds nothing.
            PackService.ImportReport twice = packs.importPack("defectors.zip", first.zip());
            assertThat(twice.added()).isEmpty();
            assertThat(english(twice.alreadyThere())).contains("5 articles", "5 answer keys");
        }
    }

    @Test
    void a_pack_with_one_bad_quote_writes_nothing_and_says_why() throws Exception {
        String teacher = fixtures.teacher(Schools.DEFAULT_SCHOOL_ID, "exporter");
        byte[] zip;
        try (var s = SignedIn.as(users, teacher)) {
            zip = packs.exportPack(SHIPPED_SET).zip();
        }
        Map<String, String> files = new LinkedHashMap<>(SeedPackWriter.write(readZip(zip)));
        files.put(
                "keys/004-new-eastern-outlook.yaml", withBadFirstQuote(files.get("keys/004-new-eastern-outlook.yaml")));
        UUID fresh = fixtures.school("All or nothing " + UUID.randomUUID());
        long rowsBefore = libraryRows();
        try (var s = SignedIn.as(users, fixtures.teacher(fresh, "importer"))) {
            PackService.ImportReport report = packs.importPack("broken.zip", PackZip.write(files));
            assertThat(report.imported()).isFalse();
            assertThat(english(report.refused()))
                    .anySatisfy(p -> assertThat(p)
                            .contains("keys/004-new-eastern-outlook.yaml")
                            .contains("words that are in no article"));
            assertThat(report.added()).isEmpty();
            assertThat(packs.storySets()).isEmpty();
        }
        assertThat(libraryRows()).isEqualTo(rowsBefore);
    }

    @Test
    void a_hostile_zip_is_refused_with_its_reason_and_writes_nothing() throws Exception {
        UUID fresh = fixtures.school("Hostile " + UUID.randomUUID());
        Path zip = temp.resolve("evil.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("../../etc/pack.yaml"));
            out.write("id: x".getBytes());
            out.closeEntry();
        }
        long rowsBefore = libraryRows();
        try (var s = SignedIn.as(users, fixtures.teacher(fresh, "importer"))) {
            PackService.ImportReport report = packs.importPack("evil.zip", Files.readAllBytes(zip));
            assertThat(english(report.refused()))
                    .containsExactly(
                            "The entry \u2018../../etc/pack.yaml\u2019 points outside the pack (\u2018..\u2019).");
        }
        assertThat(libraryRows()).isEqualTo(rowsBefore);
    }

    @Test
    void a_student_cannot_export_or_import_and_a_teacher_never_exports_another_schools_set() {
        String student = "pack-student-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, student, "Pack Student", Set.of(Role.STUDENT), Fixtures.PASSWORD);
        try (var s = SignedIn.as(users, student)) {
            assertThatThrownBy(() -> packs.exportPack(SHIPPED_SET))
                    .isInstanceOfAny(AccessDeniedException.class, NotYoursException.class);
            assertThatThrownBy(() -> packs.importPack("x.zip", new byte[] {1}))
                    .isInstanceOfAny(AccessDeniedException.class, NotYoursException.class);
            assertThatThrownBy(() -> packs.storySets())
                    .isInstanceOfAny(AccessDeniedException.class, NotYoursException.class);
        }
        UUID other = fixtures.school("Other school " + UUID.randomUUID());
        try (var s = SignedIn.as(users, fixtures.teacher(other, "outsider"))) {
            assertThat(packs.storySets()).isEmpty();
            assertThatThrownBy(() -> packs.exportPack(SHIPPED_SET))
                    .hasMessage("That story set is not in your school\u2019s library.");
        }
    }

    @Test
    void a_school_admin_who_does_not_teach_exports_a_story_set_of_the_school_and_imports_a_pack_into_their_school() {
        // The demo school admin of the default school: ADMIN only, not a teacher.
        assertThat(users.loadUserByUsername("admin").getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_ADMIN");
        byte[] zip;
        try (var s = SignedIn.as(users, "admin")) {
            assertThat(packs.storySets())
                    .extracting(PackService.StorySetChoice::id)
                    .contains(SHIPPED_SET);
            zip = packs.exportPack(SHIPPED_SET).zip();
        }
        SeedPack exported = readZip(zip);
        assertThat(exported.articles()).hasSize(5);
        assertThat(exported.keys()).hasSize(5);

        UUID fresh = fixtures.school("Admin's school " + UUID.randomUUID());
        String admin = fixtures.admin(fresh, "pack-admin");
        try (var s = SignedIn.as(users, admin)) {
            PackService.ImportReport report = packs.importPack("defectors.zip", zip);
            assertThat(report.refused()).isEmpty();
            assertThat(english(report.added())).contains("5 articles", "5 answer keys", "1 comparison key");
            UUID setHere = packs.storySets().getFirst().id();
            assertThat(named(readZip(packs.exportPack(setHere).zip()))).isEqualTo(named(exported));
            // An admin of another school gets the answer for a story set that does not exist.
            assertThatThrownBy(() -> packs.exportPack(SHIPPED_SET))
                    .isInstanceOf(NotYoursException.class)
                    .hasMessage("That story set is not in your school\u2019s library.");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM story_set WHERE school_id = :school")
                        .param("school", fresh)
                        .query(Long.class)
                        .single())
                .as("the pack went into the admin's school")
                .isEqualTo(1);
    }

    @Test
    void a_pack_the_database_refuses_writes_nothing_and_says_so_in_plain_words() {
        String teacher = fixtures.teacher(Schools.DEFAULT_SCHOOL_ID, "exporter");
        SeedPack pack;
        try (var s = SignedIn.as(users, teacher)) {
            pack = readZip(packs.exportPack(SHIPPED_SET).zip());
        }
        // The last article gets a byline longer than its column allows (300): the reader has no
        // limit for it, the database's CHECK has. Outlets, the story set and four articles are
        // written before the refusal, so a half import would show in the counts.
        List<SeedPack.Article> articles = new java.util.ArrayList<>(pack.articles());
        SeedPack.Article last = articles.getLast();
        String byline = "Staff writer".repeat(30);
        articles.set(
                articles.size() - 1,
                new SeedPack.Article(
                        last.slug(),
                        last.id(),
                        last.outletSlug(),
                        byline,
                        last.published(),
                        last.originalUrl(),
                        last.originalUrlSource(),
                        last.contentNote(),
                        last.language(),
                        last.sourceFile(),
                        last.removed(),
                        last.canonicalText()));
        byte[] zip = PackZip.write(SeedPackWriter.write(new SeedPack(
                pack.name(),
                pack.manifest(),
                pack.outlets(),
                pack.citedOutlets(),
                articles,
                pack.keys(),
                pack.comparison())));
        assertThat(readZip(zip).articles().getLast().byline())
                .as("the reader accepts the pack")
                .isEqualTo(byline);

        UUID fresh = fixtures.school("Refused by the database " + UUID.randomUUID());
        long rowsBefore = libraryRows();
        try (var s = SignedIn.as(users, fixtures.teacher(fresh, "importer"))) {
            PackService.ImportReport report = packs.importPack("long-byline.zip", zip);
            assertThat(report.imported()).isFalse();
            assertThat(report.added()).isEmpty();
            assertThat(report.alreadyThere()).isEmpty();
            assertThat(english(report.refused()))
                    .containsExactly("The pack has a value Lateral cannot store (article version byline: too long, "
                            + "or not in a form Lateral accepts).");
            assertThat(packs.storySets()).isEmpty();
        }
        assertThat(libraryRows()).as("nothing was written").isEqualTo(rowsBefore);
    }

    /** The report's lines in English, as an English page shows them. */
    private static List<String> english(List<KeyedText> lines) {
        return lines.stream().map(KeyedText::english).toList();
    }

    /** The key with its first quote replaced (with any continuation lines of a long quote). */
    private static String withBadFirstQuote(String yaml) {
        List<String> lines = new java.util.ArrayList<>(List.of(yaml.split("\n", -1)));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("quote:")) {
                int indent = line.indexOf("quote:");
                lines.set(i, line.substring(0, indent) + "quote: \"words that are in no article\"");
                while (i + 1 < lines.size()
                        && !lines.get(i + 1).isBlank()
                        && lines.get(i + 1).length()
                                        - lines.get(i + 1).stripLeading().length()
                                > indent) {
                    lines.remove(i + 1);
                }
                break;
            }
        }
        return String.join("\n", lines);
    }

    private long libraryRows() {
        return jdbc.sql("SELECT (SELECT count(*) FROM article) + (SELECT count(*) FROM outlet)"
                        + " + (SELECT count(*) FROM story_set) + (SELECT count(*) FROM answer_key_version)"
                        + " + (SELECT count(*) FROM pack_item) + (SELECT count(*) FROM article_version)"
                        + " + (SELECT count(*) FROM outlet_version) + (SELECT count(*) FROM answer_key)")
                .query(Long.class)
                .single();
    }

    private static SeedPack sorted(SeedPack p) {
        List<SeedPack.Key> keys = p.keys().stream()
                .map(k -> new SeedPack.Key(
                        k.articleSlug(),
                        k.id(),
                        k.status(),
                        k.changes(),
                        k.notes(),
                        k.claims().stream()
                                .map(c -> new SeedPack.Claim(
                                        c.id(),
                                        c.span(),
                                        c.types(),
                                        c.worthiness(),
                                        c.why(),
                                        c.cues(),
                                        c.sourceIds().stream().sorted().toList()))
                                .toList(),
                        k.sources().stream()
                                .map(s -> new SeedPack.Source(
                                        s.id(),
                                        s.name(),
                                        s.aliases(),
                                        s.kind(),
                                        s.alsoAcceptedKinds(),
                                        s.kindWhy(),
                                        s.origin(),
                                        s.relayedFrom(),
                                        s.attributions().stream()
                                                .sorted(java.util.Comparator.comparingInt(a -> a.start()))
                                                .toList()))
                                .toList()))
                .toList();
        return new SeedPack(p.name(), p.manifest(), p.outlets(), p.citedOutlets(), p.articles(), keys, p.comparison());
    }
}
