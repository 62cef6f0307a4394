package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.base.AnchoredSpan;
import org.lateral.base.highlighter.LinkState;
import org.lateral.base.highlighter.MentionState;
import org.lateral.base.highlighter.SourceState;
import org.lateral.submission.SourceWorkModel.Checked;
import org.lateral.submission.SourceWorkModel.CheckedSource;

class SourceWorkModelTest {

    private static final String TEXT = "A source told the Daily Mail. Later a source told Reuters the same.";
    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    private static Checked<CheckedSource> source(String name, String kind, String origin, String relayedFrom) {
        return SourceWorkModel.check(new SourceState(ID, 1, name, kind, origin, relayedFrom, false));
    }

    private static Checked<AnchoredSpan> mention(int start, int end, String exact, String prefix) {
        return SourceWorkModel.check(TEXT, new MentionState(ID, 1, ID, start, end, exact, prefix, "", false));
    }

    private static String refusal(Checked<?> checked) {
        assertThat(checked).isInstanceOf(Checked.Refused.class);
        return ((Checked.Refused<?>) checked).message().english();
    }

    @Test
    void a_source_is_stored_trimmed_with_its_kind_and_origin_or_none_yet() {
        assertThat(source("  Abu Khaled ", "Named-Person", "relayed", " The Daily Mail "))
                .isEqualTo(
                        new Checked.Ok<>(new CheckedSource("Abu Khaled", "named-person", "relayed", "The Daily Mail")));
        assertThat(source("A source", null, " ", "The Daily Mail"))
                .as("not chosen yet; an outlet only for a relayed source")
                .isEqualTo(new Checked.Ok<>(new CheckedSource("A source", null, null, null)));
    }

    @Test
    void a_source_needs_a_name_of_at_most_300_characters_and_known_kind_and_origin() {
        assertThat(refusal(source("   ", null, null, null))).isEqualTo(SourceWorkModel.NO_NAME.english());
        assertThat(refusal(source("x".repeat(301), null, null, null))).isEqualTo(SourceWorkModel.LONG_NAME.english());
        assertThat(source("x".repeat(300), null, null, null)).isInstanceOf(Checked.Ok.class);
        assertThat(refusal(source("Abu Khaled", "gossip", null, null))).isEqualTo(SourceWorkModel.BAD_KIND.english());
        assertThat(refusal(source("Abu Khaled", null, "second-hand", null)))
                .isEqualTo(SourceWorkModel.BAD_ORIGIN.english());
        assertThat(refusal(source("Abu Khaled", null, "relayed", "y".repeat(301))))
                .isEqualTo(SourceWorkModel.LONG_OUTLET.english());
    }

    @Test
    void a_mention_is_checked_and_reanchored_as_a_mark_is() {
        int second = TEXT.lastIndexOf("a source");
        assertThat(mention(second, second + 8, "a source", "")).isInstanceOfSatisfying(Checked.Ok.class, ok -> {
            assertThat(((AnchoredSpan) ok.value()).start()).isEqualTo(second);
        });
        // Offsets of a stale page: the quote wins and is found again by its context.
        assertThat(mention(0, 8, "a source", "Later ")).isInstanceOfSatisfying(Checked.Ok.class, ok -> {
            assertThat(((AnchoredSpan) ok.value()).start()).isEqualTo(second);
        });
        assertThat(refusal(mention(0, 5, "Hello", ""))).isEqualTo(SourceWorkModel.MOVED.english());
        assertThat(refusal(mention(60, 900, "x", ""))).isEqualTo(SourceWorkModel.OUTSIDE.english());
        assertThat(refusal(mention(0, 2001, "x".repeat(2001), ""))).isEqualTo(SourceWorkModel.LONG_SPAN.english());
        assertThat(refusal(mention(0, 0, "", ""))).isEqualTo(SourceWorkModel.NO_WORDS.english());
    }

    @Test
    void a_link_names_its_claim_by_a_mark_id_or_a_key_claim_id() {
        assertThat(SourceWorkModel.unreadable(new LinkState(ID, 1, "c05", null, false)))
                .isNull();
        assertThat(SourceWorkModel.unreadable(new LinkState(ID, 1, ID.toString(), ID, false)))
                .isNull();
        assertThat(SourceWorkModel.unreadable(new LinkState(ID, 1, "x".repeat(65), null, false)))
                .isEqualTo(SourceWorkModel.UNREADABLE_LINK);
        assertThat(SourceWorkModel.unreadable(new LinkState(ID, 1, "", null, false)))
                .isEqualTo(SourceWorkModel.UNREADABLE_LINK);
        assertThat(SourceWorkModel.unreadable(new LinkState(ID, 0, "c05", null, false)))
                .isEqualTo(SourceWorkModel.UNREADABLE_LINK);
        assertThat(SourceWorkModel.unreadable(new MentionState(ID, 1, null, 0, 1, "A", "", "", false)))
                .isEqualTo(SourceWorkModel.UNREADABLE_MENTION);
    }
}
