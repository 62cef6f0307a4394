package org.lateral.submission.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.server.VaadinSession;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lateral.base.AnchoredSpan;
import org.lateral.base.highlighter.CallBudget;
import org.lateral.base.highlighter.SaveResult;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.submission.CompareItems;
import org.lateral.submission.CompareWork;
import org.lateral.submission.CompareWorkModel;
import org.lateral.submission.CompareWorkService;
import org.mockito.Mockito;

/**
 * The Java side of {@code <lateral-compare-work>}: what a browser sends is refused before the
 * service hears of it when it cannot be read or the session is over its call budget; anything
 * else goes to the service for the attempt the area was started with. The service is a stand-in:
 * its own rules are tested against the database in CompareWorkServiceIT.
 */
class CompareWorkAreaTest {

    private static final UUID ATTEMPT = UUID.fromString("00000000-0000-4000-8000-00000000a77e");
    private static final UUID ARTICLE = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final UUID OUTLET = UUID.fromString("00000000-0000-4000-8000-0000000000b1");
    private static final UUID SPAN = UUID.fromString("00000000-0000-4000-8000-0000000000c1");

    private final CompareWorkService service = Mockito.mock(CompareWorkService.class);
    private final CompareWorkArea area = new CompareWorkArea();
    private final List<SaveResult> heard = new ArrayList<>();

    private void start() {
        area.start(ATTEMPT, CompareWork.empty(), "lateral-outbox:student7:s:1:step2", service);
        area.addSaveListener(heard::add);
    }

    @AfterEach
    void noSession() {
        VaadinSession.setCurrent(null);
    }

    @Test
    void a_state_the_browser_could_not_send_is_refused_with_a_sentence_and_reaches_no_service() {
        start();
        List<SaveResult> answers = List.of(
                area.saveGrid(null),
                area.saveSpan(null),
                area.saveCell(null),
                area.saveNote(null),
                area.saveJudgement(null));
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(SaveStatus.REJECTED);
            assertThat(a.message()).endsWith(".").hasSizeGreaterThan(20);
        });
        Mockito.verifyNoInteractions(service);
        assertThat(heard).isEmpty();
    }

    @Test
    void a_session_over_its_call_budget_is_told_busy_and_nothing_is_saved_or_read() {
        start();
        spentBudget();
        CompareItems.NoteState note = new CompareItems.NoteState(OUTLET.toString(), 3, null, "Owned by a party.");

        SaveResult answer = area.saveNote(note);

        assertThat(answer.status()).isEqualTo(SaveStatus.BUSY);
        assertThat(answer.markId()).isEqualTo("note:" + OUTLET);
        assertThat(answer.seq()).isEqualTo(3);
        assertThat(area.saveJudgement(null).status())
                .as("the budget comes before reading the state")
                .isEqualTo(SaveStatus.BUSY);
        assertThat(area.refreshCompareWork()).isNull();
        Mockito.verifyNoInteractions(service);
    }

    @Test
    void a_readable_state_goes_to_the_service_for_the_started_attempt_and_the_view_hears_the_answer() {
        start();
        CompareItems.JudgementState judgement = new CompareItems.JudgementState(2, "The second relays the first.");
        Mockito.when(service.saveJudgement(ATTEMPT, judgement)).thenReturn(SaveResult.saved("judgement", 2));

        SaveResult answer = area.saveJudgement(judgement);

        assertThat(answer).isEqualTo(SaveResult.saved("judgement", 2));
        assertThat(heard).containsExactly(answer);
    }

    @Test
    void before_saving_is_started_every_save_is_refused() {
        SaveResult answer = area.saveJudgement(new CompareItems.JudgementState(1, "x"));
        assertThat(answer.status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(answer.message()).isEqualTo("Saving is not open on this page.");
        assertThat(area.refreshCompareWork()).isNull();
        Mockito.verifyNoInteractions(service);
    }

    @Test
    void the_stored_work_reaches_the_browser_with_each_item_in_the_shape_its_save_takes() {
        CompareWork work = new CompareWork(
                Map.of(
                        ARTICLE,
                        new CompareWork.Grid(
                                ARTICLE,
                                4,
                                new CompareWorkModel.Grid("hedged", 2, null, "relay", List.of("Wire"), null, null))),
                List.of(new CompareWork.PickedSpan(
                        SPAN, 1, ARTICLE, "hedge", new AnchoredSpan(5, 15, "reportedly", "Rebels ", " said"))),
                List.of(new CompareWork.Cell("c01", ARTICLE, 2, "fact", null)),
                Map.of(OUTLET, new CompareWork.Note(OUTLET, 3, "https://example.org", null)),
                new CompareWork.Judgement(5, "Both relay one wire."));

        area.setWork(work);

        assertThat(area.getElement().getPropertyRaw("work"))
                .isEqualTo(JacksonUtils.getMapper().readTree("""
                {"grids":[{"articleId":"%1$s","seq":4,"framing":"hedged","namedSources":2,"anonymousSources":null,
                           "reporting":"relay","relayedFrom":["Wire"],"includes":null,"outletKind":null}],
                 "spans":[{"spanId":"%3$s","seq":1,"articleId":"%1$s","kind":"hedge","start":5,"end":15,
                           "exact":"reportedly","prefix":"Rebels ","suffix":" said","deleted":false}],
                 "cells":[{"claimId":"c01","articleId":"%1$s","seq":2,"carried":"fact","start":null,"end":null,
                           "exact":null,"prefix":null,"suffix":null}],
                 "notes":[{"outletId":"%2$s","seq":3,"address":"https://example.org","note":null}],
                 "judgement":{"seq":5,"judgement":"Both relay one wire."}}""".formatted(ARTICLE, OUTLET, SPAN)));
    }

    /** A session whose budget is spent and refills only after a day, so no slow machine refills it. */
    private static void spentBudget() {
        VaadinSession session = Mockito.mock(VaadinSession.class);
        Bucket spent = Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(1)
                        .refillGreedy(1, Duration.ofDays(1))
                        .build())
                .build();
        spent.tryConsume(1);
        Mockito.when(session.getAttribute(CallBudget.class.getName())).thenReturn(spent);
        VaadinSession.setCurrent(session);
    }
}
