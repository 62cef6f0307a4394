package org.lateral.library;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lateral.base.Schools;
import org.lateral.library.pack.PackFiles;
import org.lateral.library.pack.PackFormatException;
import org.lateral.library.pack.SeedPack;
import org.lateral.library.pack.SeedPackReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the exercise packs shipped in the jar ({@code classpath:seeds/<pack>/pack.yaml}) into the
 * school's library at every start, through {@link LibraryImport}: idempotent, so a restart
 * changes nothing and an updated pack adds versions. A pack that fails its checks is skipped with
 * every problem in the log; the rest of Lateral starts normally.
 */
@Component
@Order(50)
class SeedPackLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedPackLoader.class);

    private final LibraryImport libraryImport;
    private final boolean enabled;

    SeedPackLoader(LibraryImport libraryImport, @Value("${lateral.seeds.enabled:true}") boolean enabled) {
        this.libraryImport = libraryImport;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled) {
            return;
        }
        for (PackFiles files : shippedPacks()) {
            try {
                SeedPack pack = SeedPackReader.read(files);
                libraryImport.importPack(pack, Schools.DEFAULT_SCHOOL_ID);
            } catch (PackFormatException e) {
                log.error("Skipped an exercise pack. {}", e.getMessage());
            }
        }
    }

    static List<PackFiles> shippedPacks() throws IOException {
        ClassLoader loader = SeedPackLoader.class.getClassLoader();
        Resource[] manifests =
                new PathMatchingResourcePatternResolver(loader).getResources("classpath*:seeds/*/pack.yaml");
        List<PackFiles> packs = new ArrayList<>();
        for (Resource manifest : manifests) {
            String url = manifest.getURL().toString();
            String folder = url.substring(0, url.lastIndexOf('/'));
            packs.add(PackFiles.classpath("seeds/" + folder.substring(folder.lastIndexOf('/') + 1), loader));
        }
        return packs;
    }
}
