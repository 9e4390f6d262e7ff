-- Hand-written, no schema change: applications written without their brand-name bigrams (the 2025 demo campaign was
-- seeded straight into the table) never matched the similar-name search. Fill in the bigrams the way
-- lib/application/bigrams.ts computes them, then store the similar-name pairs of those rows the way
-- refreshSimilarNames (lib/application/similar-names.ts) does on submission. Rows that already have bigrams and
-- their pairs are left as they are. tests/integration/similar-names-backfill.test.ts runs this file and compares.

-- Submissions take turns with this backfill (the same lock as refreshSimilarNames).
SELECT pg_advisory_xact_lock(hashtext('similar_brand_names'));

-- toLowerCase() is full Unicode case mapping (İ → i̇, final σ → ς); PostgreSQL 18's pg_unicode_fast does the same,
-- an older server falls back to the database's lower().
DO $$
BEGIN
  EXECUTE format(
    'CREATE FUNCTION pg_temp.brand_name_lower(t text) RETURNS text LANGUAGE sql IMMUTABLE AS %L',
    CASE WHEN EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'pg_unicode_fast')
      THEN 'SELECT lower(t COLLATE pg_unicode_fast)' ELSE 'SELECT lower(t)' END);
END
$$;

-- normalizeBrandName: NFKC (which also turns full-width ASCII and the ideographic space half-width), lower case, then
-- drop every character of the JavaScript class [\s\p{P}\p{S}] — written out as code-point ranges, because PostgreSQL
-- regular expressions have no Unicode property classes. Generated with Node 20 (Unicode 17):
--   for c in 0..0x10FFFF, collect the runs where /[\s\p{P}\p{S}]/u.test(String.fromCodePoint(c)).
CREATE FUNCTION pg_temp.normalize_brand_name(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT regexp_replace(
    pg_temp.brand_name_lower(normalize(coalesce(name, ''), NFKC)),
    '[\u0009-\u000d\u0020-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007e\u00a0-\u00a9\u00ab-\u00ac\u00ae-\u00b1'
    || '\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u02c2-\u02c5\u02d2-\u02df\u02e5-\u02eb\u02ed\u02ef-\u02ff\u0375'
    || '\u037e\u0384-\u0385\u0387\u03f6\u0482\u055a-\u055f\u0589-\u058a\u058d-\u058f\u05be\u05c0\u05c3\u05c6'
    || '\u05f3-\u05f4\u0606-\u060f\u061b\u061d-\u061f\u066a-\u066d\u06d4\u06de\u06e9\u06fd-\u06fe\u0700-\u070d'
    || '\u07f6-\u07f9\u07fe-\u07ff\u0830-\u083e\u085e\u0888\u0964-\u0965\u0970\u09f2-\u09f3\u09fa-\u09fb\u09fd\u0a76'
    || '\u0af0-\u0af1\u0b70\u0bf3-\u0bfa\u0c77\u0c7f\u0c84\u0d4f\u0d79\u0df4\u0e3f\u0e4f\u0e5a-\u0e5b\u0f01-\u0f17'
    || '\u0f1a-\u0f1f\u0f34\u0f36\u0f38\u0f3a-\u0f3d\u0f85\u0fbe-\u0fc5\u0fc7-\u0fcc\u0fce-\u0fda\u104a-\u104f'
    || '\u109e-\u109f\u10fb\u1360-\u1368\u1390-\u1399\u1400\u166d-\u166e\u1680\u169b-\u169c\u16eb-\u16ed'
    || '\u1735-\u1736\u17d4-\u17d6\u17d8-\u17db\u1800-\u180a\u1940\u1944-\u1945\u19de-\u19ff\u1a1e-\u1a1f'
    || '\u1aa0-\u1aa6\u1aa8-\u1aad\u1b4e-\u1b4f\u1b5a-\u1b6a\u1b74-\u1b7f\u1bfc-\u1bff\u1c3b-\u1c3f\u1c7e-\u1c7f'
    || '\u1cc0-\u1cc7\u1cd3\u1fbd\u1fbf-\u1fc1\u1fcd-\u1fcf\u1fdd-\u1fdf\u1fed-\u1fef\u1ffd-\u1ffe\u2000-\u200a'
    || '\u2010-\u2029\u202f-\u205f\u207a-\u207e\u208a-\u208e\u20a0-\u20c1\u2100-\u2101\u2103-\u2106\u2108-\u2109'
    || '\u2114\u2116-\u2118\u211e-\u2123\u2125\u2127\u2129\u212e\u213a-\u213b\u2140-\u2144\u214a-\u214d\u214f'
    || '\u218a-\u218b\u2190-\u2429\u2440-\u244a\u249c-\u24e9\u2500-\u2775\u2794-\u2b73\u2b76-\u2bff\u2ce5-\u2cea'
    || '\u2cf9-\u2cfc\u2cfe-\u2cff\u2d70\u2e00-\u2e2e\u2e30-\u2e5d\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5'
    || '\u2ff0-\u3004\u3008-\u3020\u3030\u3036-\u3037\u303d-\u303f\u309b-\u309c\u30a0\u30fb\u3190-\u3191'
    || '\u3196-\u319f\u31c0-\u31e5\u31ef\u3200-\u321e\u322a-\u3247\u3250\u3260-\u327f\u328a-\u32b0\u32c0-\u33ff'
    || '\u4dc0-\u4dff\ua490-\ua4c6\ua4fe-\ua4ff\ua60d-\ua60f\ua673\ua67e\ua6f2-\ua6f7\ua700-\ua716\ua720-\ua721'
    || '\ua789-\ua78a\ua828-\ua82b\ua836-\ua839\ua874-\ua877\ua8ce-\ua8cf\ua8f8-\ua8fa\ua8fc\ua92e-\ua92f\ua95f'
    || '\ua9c1-\ua9cd\ua9de-\ua9df\uaa5c-\uaa5f\uaa77-\uaa79\uaade-\uaadf\uaaf0-\uaaf1\uab5b\uab6a-\uab6b\uabeb'
    || '\ufb29\ufbb2-\ufbd2\ufd3e-\ufd4f\ufd90-\ufd91\ufdc8-\ufdcf\ufdfc-\ufdff\ufe10-\ufe19\ufe30-\ufe52'
    || '\ufe54-\ufe66\ufe68-\ufe6b\ufeff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\uffe0-\uffe6'
    || '\uffe8-\uffee\ufffc-\ufffd\U00010100-\U00010102\U00010137-\U0001013f\U00010179-\U00010189'
    || '\U0001018c-\U0001018e\U00010190-\U0001019c\U000101a0\U000101d0-\U000101fc\U0001039f\U000103d0\U0001056f'
    || '\U00010857\U00010877-\U00010878\U0001091f\U0001093f\U00010a50-\U00010a58\U00010a7f\U00010ac8'
    || '\U00010af0-\U00010af6\U00010b39-\U00010b3f\U00010b99-\U00010b9c\U00010d6e\U00010d8e-\U00010d8f\U00010ead'
    || '\U00010ed0-\U00010ed8\U00010f55-\U00010f59\U00010f86-\U00010f89\U00011047-\U0001104d\U000110bb-\U000110bc'
    || '\U000110be-\U000110c1\U00011140-\U00011143\U00011174-\U00011175\U000111c5-\U000111c8\U000111cd\U000111db'
    || '\U000111dd-\U000111df\U00011238-\U0001123d\U000112a9\U000113d4-\U000113d5\U000113d7-\U000113d8'
    || '\U0001144b-\U0001144f\U0001145a-\U0001145b\U0001145d\U000114c6\U000115c1-\U000115d7\U00011641-\U00011643'
    || '\U00011660-\U0001166c\U000116b9\U0001173c-\U0001173f\U0001183b\U00011944-\U00011946\U000119e2'
    || '\U00011a3f-\U00011a46\U00011a9a-\U00011a9c\U00011a9e-\U00011aa2\U00011b00-\U00011b09\U00011be1'
    || '\U00011c41-\U00011c45\U00011c70-\U00011c71\U00011ef7-\U00011ef8\U00011f43-\U00011f4f\U00011fd5-\U00011ff1'
    || '\U00011fff\U00012470-\U00012474\U00012ff1-\U00012ff2\U00016a6e-\U00016a6f\U00016af5\U00016b37-\U00016b3f'
    || '\U00016b44-\U00016b45\U00016d6d-\U00016d6f\U00016e97-\U00016e9a\U00016fe2\U0001bc9c\U0001bc9f'
    || '\U0001cc00-\U0001ccef\U0001ccfa-\U0001ccfc\U0001cd00-\U0001ceb3\U0001ceba-\U0001ced0\U0001cee0-\U0001cef0'
    || '\U0001cf50-\U0001cfc3\U0001d000-\U0001d0f5\U0001d100-\U0001d126\U0001d129-\U0001d164\U0001d16a-\U0001d16c'
    || '\U0001d183-\U0001d184\U0001d18c-\U0001d1a9\U0001d1ae-\U0001d1ea\U0001d200-\U0001d241\U0001d245'
    || '\U0001d300-\U0001d356\U0001d6c1\U0001d6db\U0001d6fb\U0001d715\U0001d735\U0001d74f\U0001d76f\U0001d789'
    || '\U0001d7a9\U0001d7c3\U0001d800-\U0001d9ff\U0001da37-\U0001da3a\U0001da6d-\U0001da74\U0001da76-\U0001da83'
    || '\U0001da85-\U0001da8b\U0001e14f\U0001e2ff\U0001e5ff\U0001e95e-\U0001e95f\U0001ecac\U0001ecb0\U0001ed2e'
    || '\U0001eef0-\U0001eef1\U0001f000-\U0001f02b\U0001f030-\U0001f093\U0001f0a0-\U0001f0ae\U0001f0b1-\U0001f0bf'
    || '\U0001f0c1-\U0001f0cf\U0001f0d1-\U0001f0f5\U0001f10d-\U0001f1ad\U0001f1e6-\U0001f202\U0001f210-\U0001f23b'
    || '\U0001f240-\U0001f248\U0001f250-\U0001f251\U0001f260-\U0001f265\U0001f300-\U0001f6d8\U0001f6dc-\U0001f6ec'
    || '\U0001f6f0-\U0001f6fc\U0001f700-\U0001f7d9\U0001f7e0-\U0001f7eb\U0001f7f0\U0001f800-\U0001f80b'
    || '\U0001f810-\U0001f847\U0001f850-\U0001f859\U0001f860-\U0001f887\U0001f890-\U0001f8ad\U0001f8b0-\U0001f8bb'
    || '\U0001f8c0-\U0001f8c1\U0001f8d0-\U0001f8d8\U0001f900-\U0001fa57\U0001fa60-\U0001fa6d\U0001fa70-\U0001fa7c'
    || '\U0001fa80-\U0001fa8a\U0001fa8e-\U0001fac6\U0001fac8\U0001facd-\U0001fadc\U0001fadf-\U0001faea'
    || '\U0001faef-\U0001faf8\U0001fb00-\U0001fb92\U0001fb94-\U0001fbef\U0001fbfa]',
    '', 'g')
$fn$;

-- brandNameBigrams: the distinct two-character substrings in order of first appearance; a one-character name is its
-- own bigram; an empty name has none.
CREATE FUNCTION pg_temp.brand_name_bigrams(name text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $fn$
  SELECT CASE
    WHEN char_length(s) = 0 THEN ARRAY[]::text[]
    WHEN char_length(s) = 1 THEN ARRAY[s]
    ELSE ARRAY(
      SELECT gram FROM (
        SELECT substr(s, i, 2) AS gram, min(i) AS first
        FROM generate_series(1, char_length(s) - 1) AS i
        GROUP BY 1
      ) grams
      ORDER BY first)
  END
  FROM (SELECT pg_temp.normalize_brand_name(name) AS s) normalized
$fn$;

CREATE TEMP TABLE backfilled_brand_names ON COMMIT DROP AS
WITH updated AS (
  UPDATE "applications"
  SET "brand_name_bigrams" = pg_temp.brand_name_bigrams("brand_name")
  WHERE cardinality(coalesce("brand_name_bigrams", ARRAY[]::text[])) = 0
    AND cardinality(pg_temp.brand_name_bigrams("brand_name")) > 0
  RETURNING "id", "status"
)
SELECT "id" FROM updated WHERE "status" <> 'DRAFT';

-- refreshSimilarNames for each backfilled submitted row: its 50 most similar submitted names with Dice ≥ 0.5
-- (best first, then by name), stored in both directions. The backfilled rows had no bigrams, so no pairs yet.
WITH grams AS (
  SELECT a."id", a."brand_name", g.gram, cardinality(a."brand_name_bigrams") AS n
  FROM "applications" a, unnest(a."brand_name_bigrams") AS g(gram)
  WHERE a."status" <> 'DRAFT'
),
pairs AS (
  SELECT x."id" AS source_id, y."id" AS similar_id, (2.0 * count(*) / (x.n + y.n))::float8 AS similarity,
         row_number() OVER (PARTITION BY x."id" ORDER BY 2.0 * count(*) / (x.n + y.n) DESC, y."brand_name") AS rank
  FROM grams x
  JOIN grams y ON y.gram = x.gram AND y."id" <> x."id"
  WHERE x."id" IN (SELECT "id" FROM backfilled_brand_names)
  GROUP BY x."id", y."id", y."brand_name", x.n, y.n
  HAVING 2.0 * count(*) / (x.n + y.n) >= 0.5
)
INSERT INTO "similar_brand_names" ("application_id", "similar_id", "similarity")
SELECT source_id, similar_id, similarity FROM pairs WHERE rank <= 50
UNION
SELECT similar_id, source_id, similarity FROM pairs WHERE rank <= 50
ON CONFLICT ("application_id", "similar_id") DO NOTHING;

DROP FUNCTION pg_temp.brand_name_bigrams(text);
DROP FUNCTION pg_temp.normalize_brand_name(text);
DROP FUNCTION pg_temp.brand_name_lower(text);
