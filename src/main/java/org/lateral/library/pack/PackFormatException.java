package org.lateral.library.pack;

import java.util.List;

/** A pack that cannot be loaded, with every problem found, each naming its file and item. */
public class PackFormatException extends RuntimeException {

    private final List<String> problems;

    public PackFormatException(String pack, List<String> problems) {
        super("The exercise pack '" + pack + "' has " + problems.size() + " problem(s):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
