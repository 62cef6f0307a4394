package org.lateral.security;

/**
 * The welcome line after joining ("Your account is ready … Sign in as ana.k"): the join page
 * leaves the new username in the Vaadin session under {@link #JOINED_USERNAME} and opens
 * {@code /login?joined=1}. The username never travels in the URL, so a crafted link cannot make
 * the sign-in page print a sentence of someone else's choosing.
 */
public final class LoginWelcome {

    public static final String JOINED_USERNAME = "lateral.joined-username";

    /** The same for a teacher who accepted an invitation ({@code /login?invited=1}). */
    public static final String INVITED_USERNAME = "lateral.invited-username";

    private LoginWelcome() {}
}
