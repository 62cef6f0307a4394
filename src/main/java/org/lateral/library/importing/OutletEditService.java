package org.lateral.library.importing;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.UserFacingException;
import org.lateral.library.LibraryImport;
import org.lateral.library.LibraryService;
import org.lateral.library.OutletKind;
import org.lateral.library.OutletOfMySchool;
import org.lateral.library.OutletProfile;
import org.lateral.library.pack.SeedPack;
import org.lateral.security.CurrentUser;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A teacher corrects the profile of an outlet of their own (one an import of theirs created,
 * DD017): a new immutable profile version made current exactly as a pack's correction is (DD012,
 * "Editing an outlet profile"). Packs' outlets and colleagues' are read-only. Every method takes an
 * outlet id, so the declared rule keeps other schools out; ownership is checked here, with a
 * sentence. A refused save writes nothing.
 */
@Service
@Transactional(readOnly = true)
public class OutletEditService {

    private static final int MAX_COUNTRY = 100;
    private static final int MAX_SOURCED = 2000;
    private static final int MAX_DESCRIPTION = 4000;

    private final CurrentUser currentUser;
    private final JdbcClient jdbc;
    private final LibraryService library;
    private final LibraryImport libraryImport;

    OutletEditService(CurrentUser currentUser, JdbcClient jdbc, LibraryService library, LibraryImport libraryImport) {
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.library = library;
        this.libraryImport = libraryImport;
    }

    /** Whether the signed-in teacher may correct this outlet's profile: it is their own. */
    @OutletOfMySchool
    public boolean mayEdit(UUID outletId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        return jdbc.sql("SELECT owner_id FROM outlet WHERE id = :id AND school_id = :school")
                .param("id", outletId)
                .param("school", teacher.schoolId())
                .query((rs, n) -> teacher.accountId().equals(rs.getObject("owner_id", UUID.class)))
                .optional()
                .orElse(false);
    }

    /** The teacher's own outlet's current profile, for the correction form. */
    @OutletOfMySchool
    public EditableOutlet editable(UUID outletId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        return ownedOutlet(outletId, teacher, false).profile();
    }

    /**
     * Saves the teacher's correction of their own outlet's profile as its next version and makes it
     * current; the earlier versions stay as they were and the outlet page lists them. Refused,
     * writing nothing, when the profile changed since it was opened at {@code openedVersion}, when
     * nothing changed, when a field breaks a limit, or when another outlet of the school already
     * has the name. The outlet keeps its slug whatever its new name.
     *
     * @return the profile version now current
     */
    @OutletOfMySchool
    @Transactional
    public UUID saveEdit(UUID outletId, int openedVersion, OutletCorrection correction) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        // Imports create outlets under this lock; holding it makes the name check below hold too.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('lateral-article-import'), hashtext(:school))")
                .param("school", teacher.schoolId().toString())
                .query(Object.class)
                .single();
        Owned outlet = ownedOutlet(outletId, teacher, true);
        if (outlet.profile().version() != openedVersion) {
            throw UserFacingException.of("library.outletEdit.refusal.stale");
        }
        OutletCorrection c = checked(correction);
        if (!c.name().equalsIgnoreCase(outlet.profile().name().strip())) {
            boolean taken = jdbc.sql("""
                    SELECT EXISTS (SELECT 1 FROM outlet
                                    WHERE school_id = :school AND id <> :id AND lower(btrim(name)) = lower(:name))
                    """)
                    .param("school", teacher.schoolId())
                    .param("id", outletId)
                    .param("name", c.name())
                    .query(Boolean.class)
                    .single();
            if (taken) {
                throw UserFacingException.of("library.outletEdit.refusal.nameTaken", c.name());
            }
        }
        // The facts are not edited here: the new version keeps the current one's.
        List<SeedPack.OutletFact> facts = library.outlet(outletId).map(OutletProfile::facts).orElseThrow().stream()
                .map(f -> new SeedPack.OutletFact(f.fact(), f.source(), f.response(), f.responseSource()))
                .toList();
        SeedPack.Outlet profile = new SeedPack.Outlet(
                outletId,
                outlet.slug(),
                c.name(),
                c.kind(),
                c.country(),
                c.ownership(),
                c.ownershipSource(),
                c.publisher(),
                c.publisherSource(),
                c.description(),
                c.homeUrl(),
                facts);
        return libraryImport
                .reviseOwnOutlet(profile, teacher.schoolId())
                .orElseThrow(() -> UserFacingException.of("library.outletEdit.refusal.unchanged"));
    }

    private record Owned(EditableOutlet profile, String slug) {}

    /** The outlet row, refused unless it is the teacher's own; locked for the save when asked. */
    private Owned ownedOutlet(UUID outletId, LateralUser teacher, boolean lock) {
        record Row(@Nullable UUID owner, String slug, EditableOutlet profile) {}
        Row row = jdbc.sql("""
                        SELECT owner_id, slug, version, name, kind, country, ownership, ownership_source, publisher,
                               publisher_source, description, home_url
                          FROM outlet WHERE id = :id AND school_id = :school
                        """ + (lock ? " FOR UPDATE" : ""))
                .param("id", outletId)
                .param("school", teacher.schoolId())
                .query((rs, n) -> new Row(
                        rs.getObject("owner_id", UUID.class),
                        rs.getString("slug"),
                        new EditableOutlet(
                                outletId,
                                rs.getInt("version"),
                                rs.getString("name"),
                                OutletKind.fromCode(rs.getString("kind")).orElseThrow(),
                                rs.getString("country"),
                                rs.getString("ownership"),
                                rs.getString("ownership_source"),
                                rs.getString("publisher"),
                                rs.getString("publisher_source"),
                                rs.getString("description"),
                                rs.getString("home_url"))))
                .optional()
                .orElseThrow(() -> UserFacingException.of("library.outletEdit.refusal.notYours"));
        if (row.owner() == null) {
            throw UserFacingException.of("library.outletEdit.refusal.fromPack");
        }
        if (!row.owner().equals(teacher.accountId())) {
            throw UserFacingException.of("library.outletEdit.refusal.colleagues");
        }
        return new Owned(row.profile(), row.slug());
    }

    /**
     * The correction as it will be stored, or a sentence saying what to fix: the limits of the
     * {@code outlet} and {@code outlet_version} tables' checks (V0003, V0008), so the database
     * never has to refuse it.
     */
    static OutletCorrection checked(OutletCorrection c) {
        String name = text(c.name());
        if (name == null) {
            throw UserFacingException.of("library.outletEdit.refusal.noName");
        }
        if (name.length() > ImportLimits.MAX_OUTLET_NAME) {
            throw UserFacingException.of("library.import.refusal.outletNameTooLong");
        }
        if (c.kind() == null) {
            throw UserFacingException.of("library.outletEdit.refusal.noKind");
        }
        String country =
                limited(c.country(), MAX_COUNTRY, UserFacingException.of("library.outletEdit.refusal.countryTooLong"));
        String ownership = limited(
                c.ownership(), MAX_SOURCED, UserFacingException.of("library.outletEdit.refusal.ownershipTooLong"));
        String ownershipSource = limited(
                c.ownershipSource(),
                MAX_SOURCED,
                UserFacingException.of("library.outletEdit.refusal.ownershipSourceTooLong"));
        if (ownership == null && ownershipSource != null) {
            throw UserFacingException.of("library.outletEdit.refusal.ownershipSourceAlone");
        }
        String publisher = limited(
                c.publisher(), MAX_SOURCED, UserFacingException.of("library.outletEdit.refusal.publisherTooLong"));
        String publisherSource = limited(
                c.publisherSource(),
                MAX_SOURCED,
                UserFacingException.of("library.outletEdit.refusal.publisherSourceTooLong"));
        if (publisher == null && publisherSource != null) {
            throw UserFacingException.of("library.outletEdit.refusal.publisherSourceAlone");
        }
        String description = limited(
                c.description(),
                MAX_DESCRIPTION,
                UserFacingException.of("library.outletEdit.refusal.descriptionTooLong"));
        String home = text(c.homeUrl());
        if (home != null) {
            // The table accepts only a lower-case scheme; a typed "HTTPS://" means the same address.
            if (home.regionMatches(true, 0, "http", 0, 4)) {
                int colon = home.indexOf(':');
                home = home.substring(0, Math.max(colon, 0)).toLowerCase(Locale.ROOT)
                        + home.substring(Math.max(colon, 0));
            }
            if (home.length() > ImportLimits.MAX_ADDRESS
                    || !home.matches("https?://\\S+")
                    || ArticleImportService.host(home) == null) {
                throw UserFacingException.of("library.outletEdit.refusal.badHome");
            }
        }
        return new OutletCorrection(
                name, c.kind(), country, ownership, ownershipSource, publisher, publisherSource, description, home);
    }

    private static @Nullable String limited(@Nullable String value, int max, UserFacingException tooLong) {
        String text = text(value);
        if (text != null && text.length() > max) {
            throw tooLong;
        }
        return text;
    }

    /** A form field as stored: without surrounding spaces, blank as not known (null). */
    private static @Nullable String text(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String text = value.replace("\u0000", "").strip();
        return text.isEmpty() ? null : text;
    }
}
