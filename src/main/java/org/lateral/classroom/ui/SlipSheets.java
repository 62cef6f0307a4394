package org.lateral.classroom.ui;

import com.vaadin.flow.server.VaadinSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.classroom.OneTimeCredential;

/**
 * Sign-in slips waiting to be printed. One-time passwords exist only in the memory of the page
 * that created them (Lateral stores their hashes), so the printable page finds them here, in the
 * signed-in teacher's own session, under a random key: nobody else's session holds them, and they
 * go when the session ends (sign-out, idle or absolute timeout). Only the last few sheets are
 * kept, so a teacher adding class after class does not pile passwords up in memory.
 */
final class SlipSheets {

    static final int KEPT = 5;

    private static final String ATTRIBUTE = SlipSheets.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One student's slip. */
    record Slip(String displayName, String username, String password) implements Serializable {}

    /**
     * A sheet of slips for one class ({@code classId} leads back to it), or for no class when a
     * school admin reset a password ({@code classId} is null).
     */
    record Sheet(String heading, @Nullable UUID classId, List<Slip> slips) implements Serializable {}

    private SlipSheets() {}

    /** Keeps the sheet in this session and returns the key that finds it again. */
    static String keep(
            VaadinSession session, String heading, @Nullable UUID classId, List<OneTimeCredential> credentials) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String key = HexFormat.of().formatHex(bytes);
        List<Slip> slips = credentials.stream()
                .map(c -> new Slip(c.displayName(), c.username(), c.password()))
                .toList();
        Map<String, Sheet> sheets = sheets(session);
        sheets.put(key, new Sheet(heading, classId, slips));
        while (sheets.size() > KEPT) {
            sheets.remove(sheets.keySet().iterator().next());
        }
        return key;
    }

    static Optional<Sheet> find(VaadinSession session, String key) {
        return Optional.ofNullable(sheets(session).get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Sheet> sheets(VaadinSession session) {
        Object held = session.getAttribute(ATTRIBUTE);
        if (held instanceof LinkedHashMap<?, ?> map) {
            return (Map<String, Sheet>) map;
        }
        LinkedHashMap<String, Sheet> created = new LinkedHashMap<>();
        session.setAttribute(ATTRIBUTE, created);
        return created;
    }
}
