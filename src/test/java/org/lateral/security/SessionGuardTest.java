package org.lateral.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.ManualClock;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * The session guard on requests of an anonymous session (accounts are not looked up for those;
 * signed-in sessions ending after a password change or disabling are covered in
 * SessionsJourneyIT against the database).
 */
class SessionGuardTest {

    private final ManualClock clock = new ManualClock();
    private final SessionGuard guard = new SessionGuard(
            new LoginAccounts() {
                @Override
                public Optional<LoginAccount> findForLogin(String username) {
                    throw new AssertionError("not used for anonymous sessions");
                }

                @Override
                public boolean noAccountsYet() {
                    throw new AssertionError("not used");
                }

                @Override
                public boolean sessionStillValid(UUID accountId, int sessionEpoch) {
                    throw new AssertionError("not used for anonymous sessions");
                }
            },
            clock,
            Duration.ofMinutes(30),
            Duration.ofHours(12),
            new AuditTrail() {
                @Override
                public void record(Entry entry) {
                    throw new AssertionError("an anonymous session's end is not an audit event");
                }

                @Override
                public void record(
                        AuditAction action,
                        AuditOutcome outcome,
                        String objectType,
                        List<UUID> objectIds,
                        String detail) {
                    throw new AssertionError("an anonymous session's end is not an audit event");
                }
            });

    private final MockHttpSession session = new MockHttpSession();
    private MockHttpSession fresh;

    private MockHttpServletResponse request(String query) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.setQueryString(query);
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.doFilter(request, response, new MockFilterChain());
        if (request.getSession(false) != null && request.getSession(false) != session) {
            fresh = (MockHttpSession) request.getSession(false);
        }
        return response;
    }

    @Test
    void a_session_without_activity_for_thirty_minutes_ends_at_its_next_request() throws Exception {
        request("v-r=uidl");
        clock.advance(Duration.ofMinutes(29));
        request("v-r=uidl");
        assertThat(session.isInvalid()).isFalse();
        clock.advance(Duration.ofMinutes(31));
        request("v-r=uidl");
        assertThat(session.isInvalid()).isTrue();
        assertThat(fresh)
                .as("an anonymous session leaves no message for the sign-in page")
                .isNull();
    }

    @Test
    void heartbeats_of_an_open_tab_are_not_activity() throws Exception {
        request("v-r=uidl");
        for (int minute = 0; minute < 30; minute += 5) {
            clock.advance(Duration.ofMinutes(5));
            request("v-r=heartbeat");
        }
        clock.advance(Duration.ofMinutes(1));
        request("v-r=heartbeat");
        assertThat(session.isInvalid()).as("31 minutes of heartbeats only").isTrue();
    }

    @Test
    void a_session_ends_twelve_hours_after_it_began_however_active() throws Exception {
        for (int i = 0; i < 12 * 4; i++) {
            request("v-r=uidl");
            clock.advance(Duration.ofMinutes(15));
        }
        request("v-r=uidl");
        assertThat(session.isInvalid()).as("exactly twelve hours").isFalse();
        clock.advance(Duration.ofMinutes(1));
        request("v-r=uidl");
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void a_session_sending_requests_faster_than_a_person_is_answered_429() throws Exception {
        int refused = 0;
        for (int i = 0; i < SessionGuard.REQUEST_BURST + 40; i++) {
            if (request("v-r=uidl").getStatus() == 429) {
                refused++;
            }
        }
        assertThat(refused).as("requests beyond the burst").isGreaterThan(0);
        assertThat(session.isInvalid()).as("the session itself goes on").isFalse();
    }

    /**
     * A session that another request of the same browser ends while this request reads it, after
     * {@code reads} reads of {@code attribute} (a page load beside its heartbeat, both past the
     * session's end).
     */
    private static final class EndedMeanwhile extends MockHttpSession {
        private final String attribute;
        private int reads;

        EndedMeanwhile(String attribute, int reads) {
            this.attribute = attribute;
            this.reads = reads;
        }

        @Override
        public Object getAttribute(String name) {
            Object value = super.getAttribute(name);
            if (name.equals(attribute) && --reads == 0) {
                super.invalidate();
            }
            return value;
        }
    }

    private MockFilterChain requestWith(MockHttpSession on) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.setQueryString("v-r=uidl");
        request.setSession(on);
        MockFilterChain chain = new MockFilterChain();
        guard.doFilter(request, new MockHttpServletResponse(), chain);
        return chain;
    }

    /**
     * Two requests of one session, the second {@code later} after the first, while another request
     * ends the session at the second read of {@code attribute}: the second request must go on (to
     * the sign-in page, for a page) rather than fail.
     */
    private void endedMeanwhile(String attribute, Duration later) throws Exception {
        EndedMeanwhile ending = new EndedMeanwhile(attribute, 2);
        requestWith(ending);
        clock.advance(later);
        MockFilterChain chain = requestWith(ending);
        assertThat(ending.isInvalid()).isTrue();
        assertThat(chain.getRequest()).as("the request went on").isNotNull();
    }

    @Test
    void a_session_ended_by_a_concurrent_request_just_before_this_one_ends_it_is_no_error() throws Exception {
        // Past the idle limit: this request reads the session, decides to end it, and finds it ended.
        endedMeanwhile(SessionGuard.LAST_ACTIVITY, Duration.ofMinutes(31));
    }

    @Test
    void a_session_ended_by_a_concurrent_request_while_this_one_reads_it_is_no_error() throws Exception {
        // Within the limits: the session ends between this request's reads of it.
        endedMeanwhile(SessionGuard.STARTED, Duration.ofMinutes(5));
    }
}
