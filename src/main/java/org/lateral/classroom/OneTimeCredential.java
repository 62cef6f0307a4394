package org.lateral.classroom;

/**
 * A username and a password to hand to a student once (printed or read out). The student must
 * choose a new password at first sign-in; Lateral keeps only the hash.
 */
public record OneTimeCredential(String displayName, String username, String password) {}
