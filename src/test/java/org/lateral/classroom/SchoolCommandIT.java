package org.lateral.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.Fixtures;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.base.database.DataDirectoryInUseException;
import org.lateral.base.database.EmbeddedPostgresServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The operator's {@code school add} and {@code school list} (DD025), through the command's own
 * entry, on the test database: the {@link SchoolCommand.Starter} hands over this context's
 * {@link SchoolSetup} instead of starting another Lateral (the jar's own start is
 * {@code SchoolCommandProcessIT}'s).
 */
@LateralServerTest
class SchoolCommandIT {

    private static final Pattern PASSWORD_LINE = Pattern.compile("one-time password: (\\S+)");

    @Autowired
    SchoolSetup setup;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AuthenticationManager authentication;

    @Autowired
    ClassroomService classroom;

    @Autowired
    AccountService accountService;

    /** One run of the command: its status, what it printed, and the settings Lateral was started with. */
    record Run(int status, String out, String err, List<Map<String, String>> starts) {}

    private Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Map<String, String>> starts = new ArrayList<>();
        int status = SchoolCommand.run(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                settings -> {
                    starts.add(Map.copyOf(settings));
                    return new SchoolCommand.Started(setup, () -> {});
                });
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), starts);
    }

    /** The environment of an operator on the built-in database this test context runs on. */
    private Map<String, String> builtIn() {
        return Map.of("LATERAL_DATA_DIR", server.root().toString());
    }

    private void signIn(String username, String password) {
        authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    @Test
    void add_creates_the_school_and_its_admin_who_signs_in_once_with_the_printed_password_and_sees_only_their_school() {
        // Another school with a class, so that seeing nothing of it means something.
        UUID otherSchool = fixtures.school("School command neighbours");
        String otherTeacher = fixtures.teacher(otherSchool, "neighbour");
        UUID otherClass;
        try (var s = SignedIn.as(users, otherTeacher)) {
            otherClass = classroom
                    .createClass(new NewClass("Neighbours 7C", "", "", "UTC"))
                    .id();
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String schoolName = "Hillside Secondary " + suffix;
        String username = "hillside-admin-" + suffix;

        Run added = run(builtIn(), "school", "add", "  " + schoolName + " ", "--admin", username, "Head of Media");

        assertThat(added.status()).as(added.err()).isZero();
        assertThat(added.err()).isEmpty();
        assertThat(added.starts())
                .as("Lateral is started once, on the data directory of the environment")
                .containsExactly(Map.of("lateral.data-dir", server.root().toString()));
        Matcher password = PASSWORD_LINE.matcher(added.out());
        assertThat(password.find()).as(added.out()).isTrue();
        String oneTime = password.group(1);
        assertThat(added.out())
                .contains("Added the school \"" + schoolName + "\"")
                .contains("username:          " + username)
                .contains("must be changed at the first sign-in");

        UUID schoolId = jdbc.sql("SELECT id FROM school WHERE name = :n")
                .param("n", schoolName)
                .query(UUID.class)
                .single();
        assertThat(added.out()).contains(schoolId.toString());
        UUID adminId = jdbc.sql("SELECT id FROM account WHERE username = :u")
                .param("u", username)
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("SELECT school_id FROM account WHERE id = :id")
                        .param("id", adminId)
                        .query(UUID.class)
                        .single())
                .isEqualTo(schoolId);
        assertThat(jdbc.sql("SELECT display_name FROM account WHERE id = :id")
                        .param("id", adminId)
                        .query(String.class)
                        .single())
                .isEqualTo("Head of Media");
        assertThat(jdbc.sql("SELECT role FROM account_role WHERE account_id = :id ORDER BY role")
                        .param("id", adminId)
                        .query(String.class)
                        .list())
                .containsExactly("ADMIN", "TEACHER");
        assertThat(jdbc.sql("SELECT must_change_password FROM credential WHERE account_id = :id")
                        .param("id", adminId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("SELECT password_hash FROM credential WHERE account_id = :id")
                        .param("id", adminId)
                        .query(String.class)
                        .single())
                .as("only the hash is kept")
                .doesNotContain(oneTime);

        // The audit trail: the new school's event, of nobody signed in, with no password in it.
        record Event(
                UUID school, UUID actor, String username, String outcome, String type, List<UUID> ids, String detail) {}
        Event event = jdbc.sql("""
                        SELECT * FROM audit_event WHERE action = 'SCHOOL_CREATED' AND school_id = :s
                        """)
                .param("s", schoolId)
                .query((rs, n) -> new Event(
                        rs.getObject("school_id", UUID.class),
                        rs.getObject("actor_id", UUID.class),
                        rs.getString("actor_username"),
                        rs.getString("outcome"),
                        rs.getString("object_type"),
                        Arrays.stream((Object[]) rs.getArray("object_ids").getArray())
                                .map(UUID.class::cast)
                                .toList(),
                        rs.getString("detail")))
                .single();
        assertThat(event.actor()).isNull();
        assertThat(event.username()).isEmpty();
        assertThat(event.outcome()).isEqualTo("SUCCESS");
        assertThat(event.type()).isEqualTo("school, account");
        assertThat(event.ids()).containsExactly(schoolId, adminId);
        assertThat(event.detail()).doesNotContain(oneTime).doesNotContain(username);

        // Only the printed password signs in, and it must be changed at once.
        assertThatThrownBy(() -> signIn(username, "not-the-printed-one")).isInstanceOf(BadCredentialsException.class);
        signIn(username, oneTime);
        String chosen = "a password the admin chose " + suffix;
        try (var s = SignedIn.as(users, username)) {
            assertThat(accountService.mustChangePassword()).isTrue();

            // Their own school only: none of the other school's classes, none of the default's.
            SchoolRoster roster = classroom.mySchool();
            assertThat(roster.schoolId()).isEqualTo(schoolId);
            assertThat(roster.schoolName()).isEqualTo(schoolName);
            assertThat(roster.classes()).isEmpty();
            assertThat(classroom.myClassesAsTeacher()).isEmpty();
            assertThat(classroom.classDetail(otherClass)).isEmpty();

            accountService.changeOwnPassword(oneTime, chosen, chosen);
            assertThat(accountService.mustChangePassword()).isFalse();
        }
        assertThatThrownBy(() -> signIn(username, oneTime))
                .as("the one-time password works no more")
                .isInstanceOf(BadCredentialsException.class);
        signIn(username, chosen);
        try (var s = SignedIn.as(users, otherTeacher)) {
            assertThat(classroom.classDetail(otherClass))
                    .as("the neighbours' class is still there")
                    .isPresent();
        }

        // The list: counts, no people.
        Run list = run(builtIn(), "school", "list");
        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).startsWith("ID ").doesNotContain(username).doesNotContain("Head of Media");
        assertThat(list.out().lines().filter(l -> l.startsWith(schoolId.toString())))
                .singleElement()
                .satisfies(l -> assertThat(l).matches(schoolId + "  \\d{4}-\\d\\d-\\d\\d  +1  +0  " + schoolName));
        assertThat(list.out().lines().filter(l -> l.startsWith(otherSchool.toString())))
                .singleElement()
                .satisfies(l -> assertThat(l).matches(otherSchool + "  \\S+  +1  +1  School command neighbours"));
        long schools = jdbc.sql("SELECT count(*) FROM school").query(Long.class).single();
        assertThat(list.out()).contains(schools + " schools.");
    }

    @Test
    void bad_input_gets_a_sentence_and_an_exit_status_and_writes_nothing(@TempDir Path empty) {
        String existingName = "School command taken name " + UUID.randomUUID();
        UUID existing = fixtures.school(existingName);
        String takenUsername = fixtures.teacher(existing, "taken");
        String fresh = "fresh-" + UUID.randomUUID().toString().substring(0, 8);
        record Case(int status, String says, boolean starts, Map<String, String> env, String... args) {}
        Map<String, String> external = new HashMap<>();
        external.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://db.example/lateral");
        List<Case> cases = List.of(
                new Case(
                        2,
                        "Give the school a name of 1 to 200",
                        false,
                        builtIn(),
                        "school",
                        "add",
                        "   ",
                        "--admin",
                        fresh),
                new Case(
                        2,
                        "Give the school a name of 1 to 200",
                        false,
                        builtIn(),
                        "school",
                        "add",
                        "x".repeat(201),
                        "--admin",
                        fresh),
                new Case(
                        2,
                        "cannot be used. Use only letters",
                        false,
                        builtIn(),
                        "school",
                        "add",
                        "Valid Name",
                        "--admin",
                        "Not Valid!"),
                new Case(2, "at least 3 characters", false, builtIn(), "school", "add", "Valid Name", "--admin", "ab"),
                new Case(
                        2,
                        "Give the admin a name",
                        false,
                        builtIn(),
                        "school",
                        "add",
                        "Valid Name",
                        "--admin",
                        fresh,
                        "y".repeat(101)),
                new Case(
                        2,
                        "Name the school\u2019s first admin with --admin",
                        false,
                        builtIn(),
                        "school",
                        "add",
                        "Valid Name"),
                new Case(
                        2,
                        "Give the school\u2019s name once",
                        false,
                        builtIn(),
                        "school",
                        "add",
                        "One",
                        "Two",
                        "--admin",
                        fresh),
                new Case(
                        2,
                        "Unknown option --force",
                        false,
                        builtIn(),
                        "school",
                        "add",
                        "Valid Name",
                        "--admin",
                        fresh,
                        "--force"),
                new Case(2, "Say what to do", false, builtIn(), "school", "remove", "Valid Name"),
                new Case(
                        2,
                        "--data-dir has no meaning here",
                        false,
                        external,
                        "school",
                        "list",
                        "--data-dir",
                        empty.toString()),
                new Case(
                        1,
                        "There is no built-in database in " + empty.toAbsolutePath(),
                        false,
                        builtIn(),
                        "school",
                        "list",
                        "--data-dir",
                        empty.toString()),
                new Case(
                        1,
                        "The username \"" + takenUsername + "\" is taken",
                        true,
                        builtIn(),
                        "school",
                        "add",
                        "Another Valid Name " + UUID.randomUUID(),
                        "--admin",
                        takenUsername.toUpperCase()),
                new Case(
                        1,
                        "There is already a school called \"" + existingName.toUpperCase() + "\"",
                        true,
                        builtIn(),
                        "school",
                        "add",
                        existingName.toUpperCase(),
                        "--admin",
                        fresh));

        String counts = counts();
        for (Case c : cases) {
            Run run = run(c.env(), c.args());
            String shown = String.join(" ", c.args());
            assertThat(run.status()).as(shown + "\n" + run.err()).isEqualTo(c.status());
            assertThat(run.err()).as(shown).contains(c.says());
            assertThat(run.out()).as(shown).isEmpty();
            assertThat(run.starts())
                    .as(shown + ": input wrong on its face is refused before Lateral starts")
                    .hasSize(c.starts() ? 1 : 0);
            assertThat(counts()).as(shown + ": nothing written").isEqualTo(counts);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE username = :u")
                        .param("u", fresh)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void with_an_external_database_lateral_starts_without_a_data_directory() {
        Run list = run(Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://db.example/lateral"), "school", "list");
        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.starts()).containsExactly(Map.of());
    }

    @Test
    void a_lateral_that_cannot_start_gets_a_sentence_and_status_1() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {"school", "list"};
        int inUse = SchoolCommand.run(
                args, builtIn(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8), settings -> {
                    // What the built-in database's bean throws, wrapped as Spring wraps it.
                    throw new IllegalStateException("context failed", new DataDirectoryInUseException(server.root()));
                });
        assertThat(inUse).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Lateral is running on the built-in database in " + server.root()
                        + ". Stop it, run this command, then start it again. Nothing was changed.");

        err.reset();
        int failed = SchoolCommand.run(
                args, builtIn(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8), settings -> {
                    throw new IllegalStateException("context failed", new RuntimeException("connection refused"));
                });
        assertThat(failed).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("The school command failed: connection refused. Nothing was changed.");
    }

    /** Rows of the tables the command writes, and the audit trail's. */
    private String counts() {
        return jdbc.sql("""
                        SELECT concat_ws(' ', (SELECT count(*) FROM school), (SELECT count(*) FROM account),
                                         (SELECT count(*) FROM account_role), (SELECT count(*) FROM credential),
                                         (SELECT count(*) FROM audit_event WHERE action = 'SCHOOL_CREATED'))
                        """).query(String.class).single();
    }
}
