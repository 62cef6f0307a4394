package org.lateral.classroom;

import java.util.function.Supplier;
import org.lateral.base.UserFacingException;
import org.lateral.base.text.Names;

/**
 * A person creating their own account (a student joining a class, a teacher accepting an
 * invitation), checked the same way on both paths: the name cleaned and 1 to 100 characters, a
 * valid username, a password the policy accepts, typed twice alike. Whether the username is free is
 * left to the caller, which counts a taken one differently.
 *
 * @param displayName the cleaned name
 * @param username the normalised username
 */
record SignUpForm(String displayName, String username) {

    /**
     * @param nameProblem the refusal when the name is blank or too long, in the words of the page
     * @throws UserFacingException naming the first problem found
     */
    static SignUpForm check(
            String typedName,
            Supplier<UserFacingException> nameProblem,
            String typedUsername,
            String password,
            String passwordAgain) {
        String displayName = Names.clean(typedName);
        if (displayName.isEmpty() || displayName.length() > 100) {
            throw nameProblem.get();
        }
        Usernames.problem(typedUsername).ifPresent(p -> {
            throw p;
        });
        String username = Usernames.normalise(typedUsername);
        PasswordPolicy.problem(password, username).ifPresent(p -> {
            throw p;
        });
        if (!password.equals(passwordAgain)) {
            throw UserFacingException.of("classroom.refusal.password.notSame");
        }
        return new SignUpForm(displayName, username);
    }
}
