package org.lateral.classroom;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Telling apart people who share a name. Two students pasted as "Alex Kim" get different
 * usernames but the same display name, and a list that shows names alone shows them twice the
 * same; where a name is shared, it is shown with the username: "Alex Kim (alex.kim-2)". Names
 * count as the same regardless of case and spaces around them, as a reader would see them.
 */
public final class SameNames {

    private final Set<String> shared;

    private SameNames(Set<String> shared) {
        this.shared = shared;
    }

    /** The names more than one of these carries. */
    public static SameNames among(Collection<String> displayNames) {
        Map<String, Integer> counts = new HashMap<>();
        for (String name : displayNames) {
            counts.merge(key(name), 1, Integer::sum);
        }
        return new SameNames(counts.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** The roster's shared names. */
    public static SameNames inRoster(Collection<RosterEntry> roster) {
        return among(roster.stream().map(RosterEntry::displayName).toList());
    }

    public boolean isShared(String displayName) {
        return shared.contains(key(displayName));
    }

    /** The name, with the username after it when someone else here has the same name. */
    public String label(String displayName, String username) {
        return isShared(displayName) ? displayName + " (" + username + ")" : displayName;
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
