package org.lateral.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.lateral.base.Schools;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.harness.VaadinClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The session cookie across signing in and out, through the real login form and the real "Sign
 * out" button (DD007): signing in gives a new session id, so an id known before (planted by
 * someone else, "session fixation") is worth nothing; after signing out, a copy of the signed-in
 * cookie opens nothing.
 */
@LateralServerTest
class SessionLifecycleIT {

    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;

    @Autowired
    ClassroomAdministration administration;

    private URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    private static String sessionId(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow();
    }

    /** A request that carries only this session id, as someone holding a copy of the cookie sends it. */
    private HttpResponse<String> getWith(String sessionId, String path) throws Exception {
        HttpClient bare = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return bare.send(
                HttpRequest.newBuilder(base().resolve(path))
                        .header("Cookie", "JSESSIONID=" + sessionId)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean sentToSignIn(HttpResponse<String> response) {
        return response.statusCode() == 302
                && URI.create(response.headers().firstValue("Location").orElse(""))
                        .getPath()
                        .equals("/login");
    }

    @Test
    void signing_in_gives_a_new_session_id_and_signing_out_ends_the_signed_in_one() throws Exception {
        String username = "session-teacher-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, username, "Session Teacher", Set.of(Role.TEACHER), PASSWORD);
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        browser.send(
                HttpRequest.newBuilder(base().resolve("login")).GET().build(), HttpResponse.BodyHandlers.discarding());
        String beforeSignIn = sessionId(cookies);

        VaadinClient client = new VaadinClient(base(), cookies);
        client.signIn(username, PASSWORD);
        String signedIn = sessionId(cookies);
        boolean idChanged = !signedIn.equals(beforeSignIn);
        assertThat(getWith(signedIn, "classes").statusCode())
                .as("the new id is signed in")
                .isEqualTo(200);
        boolean fixationRefused = sentToSignIn(getWith(beforeSignIn, "classes"));

        // The "Sign out" button of the page header, clicked as the browser reports a click.
        client.open("classes");
        int signOut = client.nodeWithAttribute("data-testid", "logout").orElseThrow();
        assertThat(getWith(signedIn, "classes").statusCode())
                .as("still signed in just before the click")
                .isEqualTo(200);
        try {
            client.event(signOut, "click", VaadinClient.click());
        } catch (IOException ended) {
            // The session is gone by the time Vaadin answers the click; the browser then loads
            // the sign-in page.
            assertThat(ended).hasMessageContaining("sessionExpired");
        }
        boolean replayRefused = sentToSignIn(getWith(signedIn, "classes"));

        System.out.printf(
                "Sessions: id changed at sign-in %s, id from before sign-in refused %s,"
                        + " signed-in id refused after sign-out %s (%d of 3)%n",
                yesNo(idChanged),
                yesNo(fixationRefused),
                yesNo(replayRefused),
                (idChanged ? 1 : 0) + (fixationRefused ? 1 : 0) + (replayRefused ? 1 : 0));
        assertThat(idChanged).as("a new session id at sign-in").isTrue();
        assertThat(fixationRefused)
                .as("the id from before sign-in is not signed in")
                .isTrue();
        assertThat(replayRefused)
                .as("a copy of the signed-in cookie opens nothing after sign-out")
                .isTrue();
    }

    private static String yesNo(boolean held) {
        return held ? "yes" : "no";
    }
}
