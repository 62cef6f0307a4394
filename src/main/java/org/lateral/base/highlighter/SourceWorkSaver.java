package org.lateral.base.highlighter;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.i18n.KeyedText;

/**
 * Saves one item of "Who says so?" work and answers after the commit (DD004, DD013); the sources
 * view supplies it, usually by calling the submission feature's service with the attempt's id. The
 * states come straight from the browser and are not trusted: the saver checks them and answers
 * {@link SaveStatus#REJECTED} with words a student understands. The highlighter never passes null.
 */
public interface SourceWorkSaver {

    SaveResult saveSource(SourceState state);

    SaveResult saveMention(MentionState state);

    SaveResult saveLink(LinkState state);

    /** Refuses every save, for a page where source work is not open. */
    static SourceWorkSaver closed(KeyedText message) {
        return new SourceWorkSaver() {
            @Override
            public SaveResult saveSource(SourceState state) {
                return SaveResult.rejected(id(state.sourceId()), state.seq(), message);
            }

            @Override
            public SaveResult saveMention(MentionState state) {
                return SaveResult.rejected(id(state.mentionId()), state.seq(), message);
            }

            @Override
            public SaveResult saveLink(LinkState state) {
                return SaveResult.rejected(id(state.linkId()), state.seq(), message);
            }
        };
    }

    private static String id(@Nullable UUID id) {
        return id == null ? "" : id.toString();
    }
}
