package org.lateral.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lateral.LateralServerTest;
import org.lateral.ManualClock;
import org.lateral.MovableClockConfiguration;
import org.lateral.SignedIn;
import org.lateral.base.Schools;
import org.lateral.base.throttle.Throttles;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.SchoolAdminService;
import org.lateral.classroom.SchoolMember;
import org.lateral.harness.VaadinClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Password guessing through the real login form (DD007), in a context of its own with a clock
 * moved by hand, so that its failed sign-ins from 127.0.0.1 never slow down other tests.
 */
@LateralServerTest
@Import(MovableClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleIT {

    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    DataSource dataSource;

    @Autowired
    Throttles throttles;

    @Autowired
    SchoolAdminService schoolAdmin;

    @Autowired
    UserDetailsService users;

    /** What the browser sees of one sign-in: the status and where it is sent. */
    record Answer(int status, String location) {}

    private String newTeacher() {
        String username = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, username, "Guessed Teacher", Set.of(Role.TEACHER), PASSWORD);
        return username;
    }

    private Answer signIn(String username, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String page = http.send(
                        HttpRequest.newBuilder(url("login")).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = VaadinClient.CSRF_META.matcher(page);
        assertThat(token.find()).as("the login page carries a CSRF token").isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        HttpResponse<Void> response = http.send(
                HttpRequest.newBuilder(url("login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String location = response.headers().firstValue("Location").orElse("");
        return new Answer(
                response.statusCode(),
                URI.create(location).getPath() + "?" + URI.create(location).getQuery());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + "/" + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void after_ten_wrong_passwords_even_the_right_one_waits_and_one_more_try_comes_back_after_ninety_seconds()
            throws Exception {
        String username = newTeacher();
        Answer wrong = signIn(username, "not the password");
        assertThat(wrong.status()).isEqualTo(302);
        assertThat(wrong.location()).isEqualTo("/login?error");
        for (int i = 2; i <= SignInThrottle.PER_ACCOUNT; i++) {
            assertThat(signIn(username, "not the password " + i)).isEqualTo(wrong);
        }
        assertThat(signIn(username, PASSWORD))
                .as("throttled: the right password is refused too")
                .isEqualTo(wrong);
        assertThat(signIn("no-such-user-" + UUID.randomUUID().toString().substring(0, 6), "whatever it is"))
                .as("an unknown username gets the same answer")
                .isEqualTo(wrong);

        MovableClockConfiguration.CLOCK.advance(SignInThrottle.ACCOUNT.perToken());
        Answer right = signIn(username, PASSWORD);
        assertThat(right.status()).isEqualTo(302);
        assertThat(right.location()).as("signed in: no lockout that lasts").doesNotContain("error");
    }

    @Test
    void a_school_admin_sees_an_account_held_back_and_unlocks_it_so_the_right_password_works_at_once()
            throws Exception {
        String username = newTeacher();
        for (int i = 1; i <= SignInThrottle.PER_ACCOUNT; i++) {
            signIn(username, "not the password " + i);
        }
        assertThat(signIn(username, PASSWORD).location()).as("held back").isEqualTo("/login?error");
        String adminName = "unlocking-admin-" + UUID.randomUUID().toString().substring(0, 6);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, adminName, "Unlocking Admin", Set.of(Role.ADMIN), PASSWORD);
        try (var s = SignedIn.as(users, adminName)) {
            SchoolMember held = schoolAdmin.staff().stream()
                    .filter(m -> m.username().equals(username))
                    .findFirst()
                    .orElseThrow();
            assertThat(held.signInHeldBack()).isTrue();
            assertThat(schoolAdmin.unlockSignIn(held.id()).signInHeldBack()).isFalse();
            assertThat(JdbcClient.create(dataSource)
                            .sql("SELECT count(*) FROM audit_event WHERE action = 'SIGN_IN_UNLOCKED'"
                                    + " AND actor_username = :a AND :id = ANY (object_ids)")
                            .param("a", adminName)
                            .param("id", held.id())
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
        assertThat(signIn(username, PASSWORD).location())
                .as("signed in right after the unlock, with no wait")
                .doesNotContain("error");
    }

    @Test
    void a_school_admin_unlocks_an_address_held_back_after_a_hundred_tries() {
        String address = "198.51.100.77";
        for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
            throttles.take(SignInThrottle.ADDRESS, address);
        }
        String adminName = "address-admin-" + UUID.randomUUID().toString().substring(0, 6);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, adminName, "Address Admin", Set.of(Role.ADMIN), PASSWORD);
        try (var s = SignedIn.as(users, adminName)) {
            assertThat(schoolAdmin.addressHolds(" 198.51.100.77 ").signIn()).isTrue();
            assertThat(schoolAdmin.unlockAddress(address).signIn()).isFalse();
            assertThat(schoolAdmin.addressHolds("198.51.100.78").signIn()).isFalse();
        }
        assertThat(throttles.available(SignInThrottle.ADDRESS, address)).isTrue();
    }

    @Test
    void a_switched_off_account_gets_the_same_answer_as_a_wrong_password() throws Exception {
        String username = newTeacher();
        Answer wrong = signIn(username, "not the password");
        JdbcClient.create(dataSource)
                .sql("UPDATE account SET enabled = false, disabled_at = now() WHERE username = :u")
                .param("u", username)
                .update();
        assertThat(signIn(username, PASSWORD)).isEqualTo(wrong);
    }

    @Test
    void forty_parallel_guesses_are_all_counted_so_the_right_password_waits(CapturedOutput output) throws Exception {
        String username = newTeacher();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            List<Callable<Answer>> guesses = IntStream.range(0, 40)
                    .<Callable<Answer>>mapToObj(i -> () -> signIn(username, "guess number " + i))
                    .toList();
            for (Future<Answer> answer : pool.invokeAll(guesses)) {
                assertThat(answer.get().location()).isEqualTo("/login?error");
            }
        }
        assertThat(signIn(username, PASSWORD).location()).isEqualTo("/login?error");
        assertThat(output.getOut())
                .contains("Sign-in failed for account '" + username + "' from 127.0.0.1: wrong username or password")
                .contains("Sign-in failed for account '" + username
                        + "' from 127.0.0.1: throttled: too many tries for this username");
    }

    @Test
    void failures_are_logged_without_passwords_or_unknown_usernames(CapturedOutput output) throws Exception {
        String username = newTeacher();
        signIn(username, "my-secret-typo-1");
        String unknown = "typed-a-password-" + UUID.randomUUID().toString().substring(0, 6);
        signIn(unknown, "my-secret-typo-2");
        assertThat(output.getOut())
                .contains("Sign-in failed for account '" + username + "'")
                .contains("Sign-in failed for an unknown username from 127.0.0.1")
                .doesNotContain("my-secret-typo")
                .doesNotContain(unknown);
    }

    @Test
    void one_school_address_gets_a_hundred_wrong_tries_then_waits_while_other_addresses_do_not() {
        ManualClock clock = new ManualClock();
        SignInThrottle throttle = new SignInThrottle(new Throttles(dataSource, clock));
        String school = "198.51.100." + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
            assertThat(throttle.take("pupil-" + i, school)).isEqualTo(SignInThrottle.Refusal.NONE);
        }
        assertThat(throttle.take("pupil-x", school)).isEqualTo(SignInThrottle.Refusal.ADDRESS);
        assertThat(throttle.take("pupil-x", school + "-elsewhere")).isEqualTo(SignInThrottle.Refusal.NONE);
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.take("pupil-x", school)).isEqualTo(SignInThrottle.Refusal.NONE);
    }

    @Test
    void signing_in_correctly_does_not_count_against_the_school_address() {
        ManualClock clock = new ManualClock();
        SignInThrottle throttle = new SignInThrottle(new Throttles(dataSource, clock));
        String school = "203.0.113." + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3 * SignInThrottle.PER_ADDRESS; i++) {
            assertThat(throttle.take("pupil-" + i, school)).isEqualTo(SignInThrottle.Refusal.NONE);
            throttle.succeeded("pupil-" + i, school);
        }
    }
}
