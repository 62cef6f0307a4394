-- The language a person chose for Lateral's pages (issue 19, DD034): a BCP 47 tag such as "es" or
-- "pt-BR", or NULL to follow the browser. Owned by the classroom feature, like the account row.
ALTER TABLE account ADD COLUMN language text
    CHECK (language IS NULL OR (length(language) <= 35 AND language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$'));
