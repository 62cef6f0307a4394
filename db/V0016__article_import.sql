-- Teachers import their own articles (issue 16, DD017). An imported article is owned by the
-- teacher (article.owner_id) and versioned like a seed article; its version records how it came
-- in. Text removed as the page's furniture goes in removed_chrome, the page's address in
-- original_url with where it was found in original_url_source, as for seed articles.
ALTER TABLE article_version ADD COLUMN import_origin text
    CHECK (import_origin IS NULL OR import_origin IN ('paste', 'upload', 'address'));

-- Saving the same text twice is caught before a second copy is made: looked up by the text's md5
-- (an index on the whole text would be too wide), then compared in full.
CREATE INDEX article_version_text_md5 ON article_version (md5(canonical_text));
