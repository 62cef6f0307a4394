package org.lateral.library.importing;

import java.util.List;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/** {@link MainTextExtractor} by Readability4J (a port of Firefox's reader view), over jsoup. */
@Component
class ReadabilityMainText implements MainTextExtractor {

    @Override
    public List<String> paragraphs(Document page, String baseAddress) {
        // Readability rewrites the document it is given, so it gets a copy.
        Article article = new Readability4J(baseAddress, page.clone()).parse();
        Element content = article.getArticleContent();
        if (content == null) {
            return List.of();
        }
        return PageText.blocks(content);
    }
}
