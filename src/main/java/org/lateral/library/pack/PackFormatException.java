package org.lateral.library.pack;

import java.util.List;
import org.lateral.base.i18n.KeyedText;

/**
 * A pack that cannot be loaded, with every problem found, each naming its file and item. The
 * problems are texts the page words in its language (DD034); the message is the English one, for
 * the log.
 */
public class PackFormatException extends RuntimeException {

    private final List<KeyedText> problems;

    public PackFormatException(String pack, List<KeyedText> problems) {
        super("The exercise pack '" + pack + "' has " + problems.size() + " problem(s):\n  - "
                + String.join(
                        "\n  - ", problems.stream().map(KeyedText::english).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<KeyedText> problems() {
        return problems;
    }
}
