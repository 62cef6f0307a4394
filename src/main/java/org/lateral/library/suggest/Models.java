package org.lateral.library.suggest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The OpenNLP English models (Apache-2.0, from the {@code opennlp-models-*-en} 1.3.0 jars on the
 * classpath): loaded once, on first use, never downloaded. Models are thread-safe; the
 * {@code *ME} classes built on them are not, so the suggester makes its own per call.
 */
final class Models {

    private Models() {}

    private static final class Holder {
        static final SentenceModel SENTENCES = load("/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin", SentenceModel::new);
        static final TokenizerModel TOKENS = load("/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin", TokenizerModel::new);
        static final POSModel POS = load("/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin", POSModel::new);
    }

    static SentenceModel sentences() {
        return Holder.SENTENCES;
    }

    static TokenizerModel tokens() {
        return Holder.TOKENS;
    }

    static POSModel pos() {
        return Holder.POS;
    }

    private interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private static <T> T load(String resource, Reader<T> reader) {
        try (InputStream in = Models.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The OpenNLP model " + resource + " is missing from the classpath");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the OpenNLP model " + resource, e);
        }
    }
}
