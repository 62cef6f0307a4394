package org.lateral.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lateral.base.AnchoredSpan;
import org.lateral.base.UserFacingException;
import org.lateral.base.i18n.KeyedText;
import org.lateral.library.pack.PackFiles;
import org.lateral.library.pack.PackFormatException;
import org.lateral.library.pack.PackZip;
import org.lateral.library.pack.SeedPack;
import org.lateral.library.pack.SeedPackReader;
import org.lateral.library.pack.SeedPackWriter;
import org.lateral.security.AuditAction;
import org.lateral.security.AuditOutcome;
import org.lateral.security.AuditTrail;
import org.lateral.security.CurrentUser;
import org.lateral.security.ForTeachersOrAdmins;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Packs travel (DD020): a school's story set leaves as one zip in the seeds/ format, and a zip
 * comes in all or nothing, into the signed-in person's school only. Teachers and school admins
 * both may: packs are school-wide library content, owned by no one teacher.
 */
@Service
@Transactional(readOnly = true)
public class PackService {

    private static final Logger log = LoggerFactory.getLogger(PackService.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CurrentUser currentUser;
    private final LibraryExport export;
    private final LibraryImport libraryImport;
    private final JdbcClient jdbc;

    private final AuditTrail audit;

    PackService(
            CurrentUser currentUser,
            LibraryExport export,
            LibraryImport libraryImport,
            JdbcClient jdbc,
            AuditTrail audit) {
        this.audit = audit;
        this.currentUser = currentUser;
        this.export = export;
        this.libraryImport = libraryImport;
        this.jdbc = jdbc;
    }

    /** A story set of the school, to choose what to export. */
    public record StorySetChoice(UUID id, String title) {}

    public record PackDownload(String fileName, byte[] zip) {}

    /**
     * What an import did, as texts the page words in its language (DD034). {@code refused} holds
     * one sentence per reason when nothing was written; otherwise {@code added} and
     * {@code alreadyThere} describe the library's change.
     */
    public record ImportReport(
            String pack, List<KeyedText> added, List<KeyedText> alreadyThere, List<KeyedText> refused) {
        public ImportReport {
            added = List.copyOf(added);
            alreadyThere = List.copyOf(alreadyThere);
            refused = List.copyOf(refused);
        }

        public boolean imported() {
            return refused.isEmpty();
        }
    }

    @ForTeachersOrAdmins
    public List<StorySetChoice> storySets() {
        return jdbc.sql("SELECT id, title FROM story_set WHERE school_id = :school ORDER BY title")
                .param("school", teacherOrAdmin().schoolId())
                .query((rs, n) -> new StorySetChoice(rs.getObject("id", UUID.class), rs.getString("title")))
                .list();
    }

    /**
     * The story set with its articles (current versions), outlet profiles, keys and comparison
     * key, as a zip that {@link SeedPackReader} reads; each key also as a W3C Web Annotation
     * collection under {@code annotations/}.
     */
    @StorySetOfMySchool
    public PackDownload exportPack(UUID storySetId) {
        SeedPack pack = export.storySet(storySetId, teacherOrAdmin().schoolId())
                .orElseThrow(() -> UserFacingException.of("library.packs.notYours"));
        Map<String, String> files = new LinkedHashMap<>(SeedPackWriter.write(pack));
        for (SeedPack.Key key : pack.keys()) {
            SeedPack.Article article = pack.articles().stream()
                    .filter(a -> a.slug().equals(key.articleSlug()))
                    .findFirst()
                    .orElseThrow();
            files.put("annotations/" + key.articleSlug() + ".jsonld", keyAnnotations(key, article));
        }
        String fileName = pack.name().replaceAll("[^A-Za-z0-9._-]", "-") + ".zip";
        audit.success(AuditAction.PACK_EXPORTED, "story set", storySetId);
        return new PackDownload(fileName, PackZip.write(files));
    }

    /**
     * Reads an uploaded zip and loads it into the caller's school: everything or nothing. A zip
     * or pack refused, by the reader or by the database, comes back as a report of sentences, and
     * the library is unchanged.
     *
     * <p>No transaction here: {@link LibraryImport#importPack} runs its own, so a database refusal
     * (a CHECK, a foreign key, a text too long for its column) has rolled everything back by the
     * time it reaches this method, which turns it into a report. Caught inside that transaction it
     * would leave the transaction marked for rollback, and the commit would then fail.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    @ForTeachersOrAdmins
    public ImportReport importPack(String fileName, byte[] zip) {
        ImportReport report = load(teacherOrAdmin(), fileName, zip);
        audit.record(
                AuditAction.PACK_IMPORTED,
                report.imported() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                "pack",
                List.of(),
                "pack '" + report.pack() + "': "
                        + (report.imported()
                                ? report.added().size() + " kind(s) of item added"
                                : report.refused().size() + " problem(s), nothing imported"));
        return report;
    }

    private ImportReport load(LateralUser importer, String fileName, byte[] zip) {
        String name = fileName.replaceAll("(?i)\\.zip$", "").replaceAll("[^A-Za-z0-9._-]", "-");
        SeedPack pack;
        try {
            PackFiles files = PackZip.read(name.isBlank() ? "pack" : name, zip);
            pack = SeedPackReader.read(files);
        } catch (PackZip.RefusedException e) {
            return new ImportReport(name, List.of(), List.of(), e.problems());
        } catch (PackFormatException e) {
            return new ImportReport(name, List.of(), List.of(), e.problems());
        }
        LibraryImport.Report r;
        try {
            r = libraryImport.importPack(pack, importer.schoolId());
        } catch (DataIntegrityViolationException e) {
            // Only integrity refusals are the pack's fault; a database that is down stays an error.
            log.warn("Pack '{}' refused by the database for school {}", name, importer.schoolId(), e);
            return new ImportReport(name, List.of(), List.of(), List.of(StorageRefusal.sentence(e)));
        }
        List<KeyedText> added = new ArrayList<>();
        List<KeyedText> there = new ArrayList<>();
        split(added, there, r.outletsAdded(), pack.outlets().size(), "library.packs.count.outlets");
        if (r.outletsUpdated() > 0) {
            added.add(KeyedText.of("library.packs.count.correctedOutlets", r.outletsUpdated()));
        }
        split(added, there, r.articlesAdded(), pack.articles().size(), "library.packs.count.articles");
        if (r.articleVersionsAdded() > r.articlesAdded()) {
            added.add(
                    KeyedText.of("library.packs.count.articleVersions", r.articleVersionsAdded() - r.articlesAdded()));
        }
        split(added, there, r.keyVersionsAdded(), pack.keys().size(), "library.packs.count.answerKeys");
        if (pack.comparison() != null) {
            split(added, there, r.comparisonVersionsAdded(), 1, "library.packs.count.comparisonKeys");
        }
        return new ImportReport(name, added, there, List.of());
    }

    /** The signed-in teacher or school admin (the rules above already let only them in). */
    private LateralUser teacherOrAdmin() {
        LateralUser user = currentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!user.has(Role.TEACHER) && !user.has(Role.ADMIN)) {
            throw new AccessDeniedException("This needs the TEACHER or ADMIN role");
        }
        return user;
    }

    /** How many of a kind of item were added and how many were there already; the key takes the count. */
    private static void split(List<KeyedText> added, List<KeyedText> there, int changed, int total, String key) {
        if (changed > 0) {
            added.add(KeyedText.of(key, changed));
        }
        int same = Math.max(0, total - changed);
        if (same > 0) {
            there.add(KeyedText.of(key, same));
        }
    }

    /**
     * A key as W3C Web Annotations, in the shape of the marks export: one collection, one
     * classifying annotation per claim (its accepted types) and one identifying annotation per
     * source attribution, each found by quote and by position in the article's text.
     */
    static String keyAnnotations(SeedPack.Key key, SeedPack.Article article) {
        ObjectNode root = JSON.createObjectNode();
        root.put("@context", "http://www.w3.org/ns/anno.jsonld");
        root.put("id", "urn:uuid:" + key.id());
        root.put("type", "AnnotationCollection");
        root.put("label", "Answer key of " + article.slug());
        ObjectNode page = root.putObject("first");
        page.put("type", "AnnotationPage");
        page.put("startIndex", 0);
        ArrayNode items = page.putArray("items");
        String source = "urn:uuid:" + article.id();
        for (SeedPack.Claim c : key.claims()) {
            ObjectNode a = annotation(items, "urn:lateral:key:" + key.id() + ":claim:" + c.id(), "classifying");
            ArrayNode bodies = a.putArray("body");
            c.types().stream()
                    .map(ClaimType::code)
                    .sorted()
                    .forEach(type -> bodies.addObject()
                            .put("type", "TextualBody")
                            .put("value", type)
                            .put("purpose", "classifying"));
            bodies.addObject().put("type", "TextualBody").put("value", c.why()).put("purpose", "commenting");
            target(a, source, c.span());
        }
        for (SeedPack.Source s : key.sources()) {
            int n = 0;
            for (AnchoredSpan span : s.attributions()) {
                ObjectNode a = annotation(
                        items, "urn:lateral:key:" + key.id() + ":source:" + s.id() + ":" + n++, "identifying");
                a.putObject("body")
                        .put("type", "TextualBody")
                        .put("value", s.name() + " (" + s.kind().code() + ")")
                        .put("purpose", "identifying");
                target(a, source, span);
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static ObjectNode annotation(ArrayNode items, String id, String motivation) {
        ObjectNode a = items.addObject();
        a.put("id", id);
        a.put("type", "Annotation");
        a.put("motivation", motivation);
        return a;
    }

    private static void target(ObjectNode a, String source, AnchoredSpan span) {
        ObjectNode target = a.putObject("target");
        target.put("source", source);
        ArrayNode selectors = target.putArray("selector");
        selectors
                .addObject()
                .put("type", "TextQuoteSelector")
                .put("exact", span.exact())
                .put("prefix", span.prefix())
                .put("suffix", span.suffix());
        selectors
                .addObject()
                .put("type", "TextPositionSelector")
                .put("start", span.start())
                .put("end", span.end());
    }
}
