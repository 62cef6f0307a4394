package org.lateral.library.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;
import org.lateral.base.ContentHash;
import org.lateral.base.UserFacingException;
import org.lateral.base.text.PlainText;
import org.lateral.library.ArticleOfMySchool;
import org.lateral.library.LibraryImport;
import org.lateral.library.OutletKind;
import org.lateral.library.PublicationDate;
import org.lateral.library.fetch.ArticleFetcher;
import org.lateral.library.fetch.FetchedPage;
import org.lateral.library.pack.SeedPack;
import org.lateral.library.text.CanonicalText;
import org.lateral.security.CurrentUser;
import org.lateral.security.ForTeachers;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teachers import their own articles (DD017): a preview from pasted text, an uploaded file or a
 * fetched page, then saving the corrected preview as an article of the teacher's school, owned by
 * the teacher, with its first immutable version. Previews store nothing; a refused save stores
 * nothing either (one transaction, every check before the first insert).
 */
@Service
@Transactional(readOnly = true)
public class ArticleImportService {

    static final String NO_DATE_NOTE =
            "No publication date was found; this is the day the article was imported. Correct it if you know the date.";

    /** Where an address typed by the teacher comes from, as stored with it. */
    private static final String TEACHERS_ADDRESS = "Given by the teacher who imported the article.";

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([\\w.:-]+)");

    private final CurrentUser currentUser;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ArticleExtractor extractor;
    private final ArticleFetcher fetcher;

    ArticleImportService(
            CurrentUser currentUser, JdbcClient jdbc, Clock clock, MainTextExtractor mainText, ArticleFetcher fetcher) {
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.clock = clock;
        this.extractor = new ArticleExtractor(mainText);
        this.fetcher = fetcher;
    }

    /**
     * A preview of the page at a web address, fetched with every address check of
     * {@link ArticleFetcher} (DD018): only a teacher may make Lateral fetch, and the page's text is
     * extracted as a saved page's is. A plain-text answer is read as a pasted text would be.
     */
    @ForTeachers
    public ArticleDraft previewAddress(String address) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        FetchedPage page = fetcher.fetch(address);
        String finalAddress = page.finalAddress().toString();
        if (page.contentType().equals("text/plain")) {
            ImportLimits.checkUpload("The page", page.body().length);
            checkAddress(finalAddress);
            Charset charset = page.charset().orElse(StandardCharsets.UTF_8);
            Extraction text = extractor.fromPlainText(new String(page.body(), charset), finalAddress);
            return draft(
                    new Extraction(
                            text.title(),
                            text.paragraphs(),
                            text.outletName(),
                            text.byline(),
                            text.date(),
                            finalAddress,
                            text.addressSource(),
                            text.language(),
                            text.removed(),
                            ArticleDraft.Origin.ADDRESS,
                            null),
                    teacher);
        }
        String contentType = page.contentType()
                + page.charset().map(c -> "; charset=" + c.name()).orElse("");
        return previewPage(page.body(), contentType, finalAddress);
    }

    /** The school's outlets, by name, for the preview's outlet choice. */
    @ForTeachers
    public List<OutletOption> outlets() {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        return outletsOf(teacher.schoolId());
    }

    /** A preview of pasted text and the details typed beside it. */
    @ForTeachers
    public ArticleDraft preview(PastedArticle pasted) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        ImportLimits.checkText(pasted.text());
        if (pasted.text().isBlank()) {
            throw UserFacingException.of("library.import.refusal.noText");
        }
        if (pasted.address() != null && !pasted.address().isBlank()) {
            checkAddress(pasted.address().strip());
        }
        return draft(extractor.fromPaste(pasted), teacher);
    }

    /** A preview of an uploaded .txt, .md, .html (a page saved from the browser) or .docx file. */
    @ForTeachers
    public ArticleDraft previewFile(String fileName, byte[] content) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        String name = fileName.isBlank() ? "The file" : fileName.strip();
        ImportLimits.checkUpload(name, content.length);
        String extension = extension(name);
        if (extension.equals("doc")) {
            throw WordDocument.oldWord(name);
        }
        if (extension.equals("docx")) {
            return draft(extractor.fromWord(WordDocument.read(name, content), name), teacher);
        }
        if (!List.of("txt", "md", "markdown", "html", "htm").contains(extension) || looksBinary(content)) {
            throw ImportLimits.wrongType(name);
        }
        Extraction extraction = switch (extension) {
            case "html", "htm" ->
                extractor.fromHtml(parse(content, null, ""), "", ArticleDraft.Origin.UPLOAD, name, null);
            case "md", "markdown" -> extractor.fromMarkdown(utf8(content, name), name);
            default -> extractor.fromPlainText(utf8(content, name), name);
        };
        return draft(extraction, teacher);
    }

    /**
     * A preview of a page fetched by address: its bytes, the {@code Content-Type} it was served
     * with (for the character set) and the address it was finally fetched from (after redirects).
     * Fetching itself, with its address checks, is done by the caller.
     */
    @ForTeachers
    public ArticleDraft previewPage(byte[] content, @Nullable String contentType, String finalAddress) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        ImportLimits.checkUpload("The page", content.length);
        checkAddress(finalAddress);
        String charset = null;
        if (contentType != null) {
            Matcher m = CHARSET.matcher(contentType);
            charset = m.find() && supported(m.group(1)) ? m.group(1) : null;
        }
        Document page = parse(content, charset, finalAddress);
        return draft(extractor.fromHtml(page, finalAddress, ArticleDraft.Origin.ADDRESS, null, finalAddress), teacher);
    }

    /**
     * Saves the (corrected) preview as a new article of the teacher's school, owned by the teacher,
     * with its first version; creates the outlet too when the draft names a new one. When the
     * school's library already has an article with exactly this text, nothing is saved and that
     * article is returned instead.
     */
    @ForTeachers
    @Transactional
    public SavedImport save(ArticleDraft draft) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        UUID school = teacher.schoolId();
        Checked d = check(draft);
        // One save at a time per school, so a double click cannot store the same text twice.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('lateral-article-import'), hashtext(:school))")
                .param("school", school.toString())
                .query(Object.class)
                .single();
        Optional<SavedImport.AlreadyInLibrary> existing = jdbc.sql("""
                SELECT a.id, cv.title
                  FROM article a
                  JOIN article_version v ON v.article_id = a.id
                  JOIN article_version cv ON cv.id = a.current_version_id
                 WHERE a.school_id = :school AND md5(v.canonical_text) = md5(:text) AND v.canonical_text = :text
                 ORDER BY a.created_at
                 LIMIT 1
                """)
                .param("school", school)
                .param("text", d.canonical())
                .query((rs, n) ->
                        new SavedImport.AlreadyInLibrary(rs.getObject("id", UUID.class), rs.getString("title")))
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID outletId;
        boolean outletCreated = false;
        if (draft.outletId() != null) {
            outletId = draft.outletId();
            boolean mine = jdbc.sql("SELECT EXISTS (SELECT 1 FROM outlet WHERE id = :id AND school_id = :school)")
                    .param("id", outletId)
                    .param("school", school)
                    .query(Boolean.class)
                    .single();
            if (!mine) {
                throw UserFacingException.of("library.import.refusal.outletNotYours");
            }
        } else {
            // A new outlet named like one the school has is that outlet, not a second copy.
            Optional<UUID> sameName = outletsOf(school).stream()
                    .filter(o -> o.name().equalsIgnoreCase(d.outletName()))
                    .map(OutletOption::id)
                    .findFirst();
            if (sameName.isPresent()) {
                outletId = sameName.get();
            } else {
                outletId = insertOutlet(d.outletName(), draft.newOutletKind(), d.outletHome(), teacher, now);
                outletCreated = true;
            }
        }
        UUID articleId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO article (id, school_id, outlet_id, owner_id, created_at, updated_at)
                VALUES (:id, :school, :outlet, :owner, :now, :now)
                """)
                .param("id", articleId)
                .param("school", school)
                .param("outlet", outletId)
                .param("owner", teacher.accountId())
                .param("now", Timestamp.from(now))
                .update();
        UUID versionId = insertVersion(articleId, d, draft, articleHash(d, draft), now);
        jdbc.sql("UPDATE article SET current_version_id = :version, version = version + 1 WHERE id = :id")
                .param("version", versionId)
                .param("id", articleId)
                .update();
        return new SavedImport.Created(articleId, outletCreated);
    }

    /** A new immutable version of the article, as the checked draft has it. */
    private UUID insertVersion(UUID articleId, Checked d, ArticleDraft draft, String hash, Instant now) {
        UUID versionId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO article_version (id, article_id, content_hash, title, byline, published_on, published_precision,
                                             published_note, original_url, original_url_source, language, canonical_text,
                                             removed_chrome, source_file, import_origin, created_at)
                VALUES (:id, :article, :hash, :title, :byline, :published, :precision, :note, :url, :urlSource,
                        :language, :text, :removed, :sourceFile, :origin, :now)
                """)
                .param("id", versionId)
                .param("article", articleId)
                .param("hash", hash)
                .param("title", CanonicalText.headline(d.canonical()))
                .param("byline", d.byline())
                .param("published", draft.published().date())
                .param("precision", draft.published().precision().code())
                .param("note", draft.published().note())
                .param("url", d.address())
                .param("urlSource", d.addressSource())
                .param("language", d.language())
                .param("text", d.canonical())
                .param("removed", draft.removed().toArray(String[]::new))
                .param("sourceFile", draft.sourceFile())
                .param("origin", draft.origin().code())
                .param("now", Timestamp.from(now))
                .update();
        return versionId;
    }

    /**
     * Whether the signed-in teacher may correct this article: it is their own (an import of
     * theirs), not a pack's and not a colleague's.
     */
    @ArticleOfMySchool
    public boolean mayEdit(UUID articleId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        return jdbc.sql("SELECT owner_id FROM article WHERE id = :id AND school_id = :school")
                .param("id", articleId)
                .param("school", teacher.schoolId())
                .query((rs, n) -> teacher.accountId().equals(rs.getObject("owner_id", UUID.class)))
                .optional()
                .orElse(false);
    }

    /** One of the teacher's own articles, as its current version has it, for correcting it. */
    @ArticleOfMySchool
    public EditableArticle editable(UUID articleId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        Owned article = ownedArticle(articleId, teacher, false);
        StoredVersion current = storedVersion(article.currentVersionId());
        List<CanonicalText.Paragraph> paragraphs = CanonicalText.paragraphs(current.canonicalText());
        String body = paragraphs.size() < 2
                ? ""
                : current.canonicalText().substring(paragraphs.get(1).start());
        return new EditableArticle(
                articleId,
                article.version(),
                CanonicalText.headline(current.canonicalText()),
                current.byline(),
                current.published(),
                current.address(),
                body);
    }

    /**
     * Saves the teacher's correction of their own article as its next immutable version and makes
     * it current. Earlier versions stay as they are, so assignments pinned to one keep it. Refused,
     * changing nothing, when the article changed since it was opened at {@code openedVersion},
     * when nothing was changed, or on any check an import's save makes. A correction that
     * restores an earlier version's exact content makes that version current again.
     *
     * @return the version now current
     */
    @ArticleOfMySchool
    @Transactional
    public UUID saveEdit(UUID articleId, int openedVersion, ArticleCorrection correction) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        Owned article = ownedArticle(articleId, teacher, true);
        if (article.version() != openedVersion) {
            throw UserFacingException.of("library.articleEdit.refusal.stale");
        }
        StoredVersion current = storedVersion(article.currentVersionId());
        // The way the article came in stays the first version's: a correction is not a new import.
        String origin = jdbc.sql("""
                SELECT import_origin FROM article_version
                 WHERE article_id = :id ORDER BY created_at, id LIMIT 1
                """)
                .param("id", articleId)
                .query(String.class)
                .optional()
                .orElse(current.origin());
        String address = correction.address() == null || correction.address().isBlank()
                ? null
                : correction.address().strip();
        String addressSource = address == null
                ? null
                : address.equals(current.address())
                        ? current.addressSource()
                        : TEACHERS_ADDRESS; // the owner is the teacher who imported it
        ArticleDraft draft = new ArticleDraft(
                correction.title(),
                correction.body(),
                article.outletId(),
                "",
                null,
                OutletKind.NEWSPAPER,
                correction.byline(),
                correction.published(),
                address,
                addressSource,
                current.language(),
                current.removed(),
                ArticleDraft.Origin.of(Objects.requireNonNull(origin, "an owned article is an import")),
                current.sourceFile());
        Checked d = check(draft);
        String hash = articleHash(d, draft);
        if (hash.equals(current.hash())) {
            throw UserFacingException.of("library.articleEdit.refusal.unchanged");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID versionId = jdbc.sql("SELECT id FROM article_version WHERE article_id = :id AND content_hash = :hash")
                .param("id", articleId)
                .param("hash", hash)
                .query(UUID.class)
                .optional()
                .orElseGet(() -> insertVersion(articleId, d, draft, hash, now));
        int updated = jdbc.sql("""
                UPDATE article SET current_version_id = :version, version = version + 1, updated_at = :now
                 WHERE id = :id AND version = :opened
                """)
                .param("version", versionId)
                .param("now", Timestamp.from(now))
                .param("id", articleId)
                .param("opened", openedVersion)
                .update();
        if (updated != 1) {
            // Not expected under the row lock; if it happens, the new version is rolled back too.
            throw UserFacingException.of("library.articleEdit.refusal.stale");
        }
        return versionId;
    }

    private record Owned(int version, UUID outletId, UUID currentVersionId) {}

    /** The article row, refused unless it is the teacher's own; locked for the save when asked. */
    private Owned ownedArticle(UUID articleId, LateralUser teacher, boolean lock) {
        record Row(
                @Nullable UUID owner,
                int version,
                UUID outletId,
                @Nullable UUID currentVersionId) {}
        Row row = jdbc.sql("SELECT owner_id, version, outlet_id, current_version_id FROM article "
                        + "WHERE id = :id AND school_id = :school" + (lock ? " FOR UPDATE" : ""))
                .param("id", articleId)
                .param("school", teacher.schoolId())
                .query((rs, n) -> new Row(
                        rs.getObject("owner_id", UUID.class),
                        rs.getInt("version"),
                        rs.getObject("outlet_id", UUID.class),
                        rs.getObject("current_version_id", UUID.class)))
                .optional()
                .orElseThrow(() -> UserFacingException.of("library.articleEdit.refusal.notYours"));
        if (row.owner() == null) {
            throw UserFacingException.of("library.articleEdit.refusal.fromPack");
        }
        if (!row.owner().equals(teacher.accountId())) {
            throw UserFacingException.of("library.articleEdit.refusal.colleagues");
        }
        if (row.currentVersionId() == null) {
            throw UserFacingException.of("library.articleEdit.refusal.noText");
        }
        return new Owned(row.version(), row.outletId(), row.currentVersionId());
    }

    /** A stored article version's fields, as an edit starts from them. */
    private record StoredVersion(
            String hash,
            @Nullable String byline,
            PublicationDate published,
            @Nullable String address,
            @Nullable String addressSource,
            String language,
            String canonicalText,
            List<String> removed,
            @Nullable String sourceFile,
            @Nullable String origin) {}

    private StoredVersion storedVersion(UUID versionId) {
        return jdbc.sql("""
                SELECT content_hash, byline, published_on, published_precision, published_note, original_url,
                       original_url_source, language, canonical_text, removed_chrome, source_file, import_origin
                  FROM article_version WHERE id = :id
                """)
                .param("id", versionId)
                .query((rs, n) -> new StoredVersion(
                        rs.getString("content_hash"),
                        rs.getString("byline"),
                        new PublicationDate(
                                rs.getObject("published_on", LocalDate.class),
                                PublicationDate.Precision.valueOf(
                                        rs.getString("published_precision").toUpperCase(Locale.ROOT)),
                                rs.getString("published_note")),
                        rs.getString("original_url"),
                        rs.getString("original_url_source"),
                        rs.getString("language"),
                        rs.getString("canonical_text"),
                        List.of((String[]) rs.getArray("removed_chrome").getArray()),
                        rs.getString("source_file"),
                        rs.getString("import_origin")))
                .single();
    }

    /** A draft's fields after the checks, as they will be stored. */
    private record Checked(
            String canonical,
            @Nullable String byline,
            String outletName,
            @Nullable String outletHome,
            @Nullable String address,
            @Nullable String addressSource,
            String language) {}

    private Checked check(ArticleDraft draft) {
        // Refused rather than dropped: the words of an article must stay exactly as published.
        if (PlainText.hasNul(
                draft.title(),
                draft.body(),
                draft.byline(),
                draft.outletName(),
                draft.address(),
                draft.published().note())) {
            throw UserFacingException.of("library.import.refusal.controlCharacter");
        }
        String title = draft.title().strip();
        if (title.isEmpty()) {
            throw UserFacingException.of("library.import.refusal.noHeadline");
        }
        if (title.length() > ImportLimits.MAX_TITLE) {
            throw UserFacingException.of("library.import.refusal.headlineTooLong");
        }
        if (draft.body().isBlank()) {
            throw UserFacingException.of("library.import.refusal.noBody");
        }
        String canonical = draft.canonicalText();
        ImportLimits.checkText(canonical);
        String byline = draft.byline() == null || draft.byline().isBlank()
                ? null
                : draft.byline().strip();
        if (byline != null && byline.length() > ImportLimits.MAX_BYLINE) {
            throw UserFacingException.of("library.import.refusal.bylineTooLong");
        }
        String outletName = draft.outletName().strip();
        if (draft.outletId() == null && outletName.isEmpty()) {
            throw UserFacingException.of("library.import.refusal.noOutlet");
        }
        if (outletName.length() > ImportLimits.MAX_OUTLET_NAME) {
            throw UserFacingException.of("library.import.refusal.outletNameTooLong");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (draft.published().date().isAfter(today.plusDays(1))) {
            throw UserFacingException.of("library.import.refusal.dateInFuture");
        }
        if (draft.published().date().getYear() < 1800) {
            throw UserFacingException.of("library.import.refusal.dateTooOld");
        }
        String address = draft.address() == null || draft.address().isBlank()
                ? null
                : draft.address().strip();
        if (address != null) {
            checkAddress(address);
        }
        String addressSource = address == null
                ? null
                : Optional.ofNullable(draft.addressSource()).orElse(TEACHERS_ADDRESS);
        String home = draft.outletHome() != null && draft.outletHome().matches("https?://\\S{1,300}")
                ? draft.outletHome()
                : null;
        String language = LANGUAGE.matcher(draft.language()).matches() ? draft.language() : "en";
        return new Checked(canonical, byline, outletName, home, address, addressSource, language);
    }

    /**
     * The same formula as the seed pack's article versions (LibraryImport.articleHash), so the
     * two kinds of version are identified alike; the import's own field goes last, by name.
     */
    private static String articleHash(Checked d, ArticleDraft draft) {
        return ContentHash.start("article-version/1")
                .text(CanonicalText.headline(d.canonical()))
                .text(d.byline())
                .text(draft.published().date().toString())
                .text(draft.published().precision().code())
                .text(draft.published().note())
                .text(d.address())
                .text(d.language())
                .text(d.canonical())
                .texts(draft.removed())
                .text(draft.sourceFile())
                .text("original_url_source")
                .text(d.addressSource())
                .text("import_origin")
                .text(draft.origin().code())
                .hex();
    }

    private UUID insertOutlet(String name, OutletKind kind, @Nullable String home, LateralUser teacher, Instant now) {
        UUID id = UUID.randomUUID();
        String slug = freeSlug(teacher.schoolId(), name);
        jdbc.sql("""
                INSERT INTO outlet (id, school_id, slug, name, kind, home_url, owner_id, created_at, updated_at)
                VALUES (:id, :school, :slug, :name, :kind, :home, :owner, :now, :now)
                """)
                .param("id", id)
                .param("school", teacher.schoolId())
                .param("slug", slug)
                .param("name", name)
                .param("kind", kind.code())
                .param("home", home)
                .param("owner", teacher.accountId())
                .param("now", Timestamp.from(now))
                .update();
        // Its first profile version (DD012), hashed as a pack's profile with only a name, a kind
        // and a home page would be, so a later correction back to it finds this version.
        String hash = LibraryImport.outletContentHash(
                new SeedPack.Outlet(id, slug, name, kind, null, null, null, null, null, null, home, List.of()));
        UUID versionId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO outlet_version (id, outlet_id, content_hash, name, kind, home_url, created_at)
                VALUES (:id, :outlet, :hash, :name, :kind, :home, :now)
                """)
                .param("id", versionId)
                .param("outlet", id)
                .param("hash", hash)
                .param("name", name)
                .param("kind", kind.code())
                .param("home", home)
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("UPDATE outlet SET current_version_id = :version WHERE id = :id")
                .param("version", versionId)
                .param("id", id)
                .update();
        return id;
    }

    private String freeSlug(UUID school, String name) {
        String base =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "outlet";
        }
        base = base.substring(0, Math.min(base.length(), 56)).replaceAll("-+$", "");
        List<String> taken = jdbc.sql("SELECT slug FROM outlet WHERE school_id = :school AND slug LIKE :prefix")
                .param("school", school)
                .param("prefix", base + "%")
                .query(String.class)
                .list();
        String slug = base;
        for (int n = 2; taken.contains(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private List<OutletOption> outletsOf(UUID school) {
        return jdbc.sql("SELECT id, name, home_url FROM outlet WHERE school_id = :school ORDER BY lower(name), id")
                .param("school", school)
                .query((rs, n) -> new OutletOption(
                        rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("home_url")))
                .list();
    }

    /** The preview: the extraction matched to the school's outlets, with a date in any case. */
    private ArticleDraft draft(Extraction e, LateralUser teacher) {
        String body = String.join(CanonicalText.PARAGRAPH_SEPARATOR, e.paragraphs());
        if (body.isBlank() && e.title() == null) {
            throw e.origin() == ArticleDraft.Origin.PASTE
                    ? UserFacingException.of("library.import.refusal.nothingFoundPasted")
                    : UserFacingException.of("library.import.refusal.nothingFoundFile");
        }
        ImportLimits.checkText(body);
        String host = host(e.address());
        List<OutletOption> outlets = outletsOf(teacher.schoolId());
        Optional<OutletOption> match = outlets.stream()
                .filter(o -> e.outletName() != null
                        && o.name().equalsIgnoreCase(e.outletName().strip()))
                .findFirst()
                .or(() -> outlets.stream()
                        .filter(o -> host != null && host.equals(host(o.homeUrl())))
                        .findFirst());
        String outletName = match.map(OutletOption::name)
                .orElse(e.outletName() != null ? e.outletName() : host != null ? host : "");
        String home = match.isPresent() || host == null ? null : scheme(e.address()) + "://" + host + "/";
        PublicationDate published = e.date() != null
                ? new PublicationDate(e.date(), PublicationDate.Precision.DAY, null)
                : new PublicationDate(
                        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                        PublicationDate.Precision.APPROXIMATE,
                        NO_DATE_NOTE);
        String language = e.language() != null && LANGUAGE.matcher(e.language()).matches() ? e.language() : "en";
        return new ArticleDraft(
                e.title() == null ? "" : e.title(),
                body,
                match.map(OutletOption::id).orElse(null),
                outletName,
                home,
                OutletKind.NEWSPAPER,
                e.byline(),
                published,
                e.address(),
                e.addressSource(),
                language,
                e.removed(),
                e.origin(),
                e.sourceFile());
    }

    private static void checkAddress(String address) {
        if (address.length() > ImportLimits.MAX_ADDRESS || host(address) == null) {
            throw UserFacingException.of("library.import.refusal.badAddress");
        }
    }

    /** The host of an http(s) address without "www.", or null. */
    static @Nullable String host(@Nullable String address) {
        if (address == null || !address.matches("(?i)https?://\\S+")) {
            return null;
        }
        try {
            String host = new URI(address).getHost();
            if (host == null || host.isBlank()) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String scheme(@Nullable String address) {
        return address != null && address.toLowerCase(Locale.ROOT).startsWith("http://") ? "http" : "https";
    }

    /** A character set the server does not know is ignored: the page's own declaration is used. */
    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** A NUL byte near the start means a binary file renamed to .txt or .html. */
    private static boolean looksBinary(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 8000); i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static String utf8(byte[] content, String fileName) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw UserFacingException.of("library.import.refusal.notUtf8", fileName);
        }
    }

    /** Parsed only: jsoup builds a tree and runs nothing; the character set comes from the page if not given. */
    private static Document parse(byte[] content, @Nullable String charset, String baseAddress) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(content), charset, baseAddress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
