-- CreateTable
CREATE TABLE "similar_brand_names" (
    "application_id" TEXT NOT NULL,
    "similar_id" TEXT NOT NULL,
    "similarity" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "similar_brand_names_pkey" PRIMARY KEY ("application_id","similar_id")
);

-- CreateIndex
CREATE INDEX "similar_brand_names_similar_id_idx" ON "similar_brand_names"("similar_id");

-- AddForeignKey
ALTER TABLE "similar_brand_names" ADD CONSTRAINT "similar_brand_names_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "similar_brand_names" ADD CONSTRAINT "similar_brand_names_similar_id_fkey" FOREIGN KEY ("similar_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: a pair never points at itself, and the similarity is a Dice coefficient.
ALTER TABLE "similar_brand_names" ADD CONSTRAINT "similar_brand_names_not_self" CHECK ("application_id" <> "similar_id");
ALTER TABLE "similar_brand_names" ADD CONSTRAINT "similar_brand_names_similarity_range" CHECK ("similarity" > 0 AND "similarity" <= 1);

-- Backfill the pairs of applications submitted before this migration (same Dice measure as
-- lib/application/similar-names.ts): one row per (application, bigram), joined on the bigram and counted per pair.
WITH grams AS (
  SELECT a.id, g.gram, cardinality(a.brand_name_bigrams) AS n
  FROM "applications" a, unnest(a.brand_name_bigrams) AS g(gram)
  WHERE a.status <> 'DRAFT'
)
INSERT INTO "similar_brand_names" ("application_id", "similar_id", "similarity")
SELECT x.id, y.id, (2.0 * count(*) / (x.n + y.n))::float8
FROM grams x
JOIN grams y ON y.gram = x.gram AND y.id <> x.id
GROUP BY x.id, y.id, x.n, y.n
HAVING 2.0 * count(*) / (x.n + y.n) >= 0.5;
