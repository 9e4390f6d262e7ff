import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { brandNameBigrams, diceSimilarity } from '@/lib/application/bigrams';
import { getOrCreateDraft, submitApplication } from '@/lib/application/service';
import { findSimilarBrandNames, findSimilarForApplications } from '@/lib/application/similar-names';
import { DEMO_HONORED_TITLE } from '../../prisma/seed/demo-honors';
import { seedDemoCity } from '../../prisma/seed/seed-demo';
import { completeValues, createDeclarationScope } from '../support/declarations';
import { createOrg } from '../support/factories';
import { ownerUrl } from '../support/owner-db';
import { createPrintableApplication } from '../support/print-applications';

const BACKFILL_SQL = readFileSync(path.join(import.meta.dirname, '../../prisma/migrations/0013_brand_name_bigrams_backfill/migration.sql'), 'utf8');

/** Runs the migration's SQL on the test database (as the owner, like migrations) inside a transaction, reads what it wrote, and rolls it back. */
async function runBackfill<T>(read: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ownerUrl() });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(BACKFILL_SQL);
    return await read(client);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}

const unique = () => Date.now().toString(36).replace(/\d/g, '').slice(-4);

describe('similar names against earlier campaigns', () => {
  it('warns a branch of the new campaign whose name is like a seeded 2025 entry, while typing and in the staff list', async () => {
    await seedDemoCity(db);
    const seeded = await db.application.findFirstOrThrow({
      where: { brandName: '红旗领航', campaign: { title: DEMO_HONORED_TITLE } },
      select: { id: true, brandNameBigrams: true, organization: { select: { name: true } } },
    });
    expect(seeded.brandNameBigrams).toEqual(['红旗', '旗领', '领航']);

    const scope = await createDeclarationScope();
    const context = { actorId: scope.secretaryA.id, ip: null };
    const typing = await findSimilarBrandNames('红旗领航站', { limit: 50 });
    expect(typing.find((match) => match.applicationId === seeded.id)).toEqual({
      applicationId: seeded.id,
      brandName: '红旗领航',
      similarity: (2 * 3) / 7,
      campaignTitle: DEMO_HONORED_TITLE,
      organizationName: seeded.organization.name,
    });

    const draft = await getOrCreateDraft({ campaignId: scope.campaign.id, organizationId: scope.branchA.id }, context);
    await submitApplication({ applicationId: draft.id, revision: 0, values: await completeValues(scope.campaign.id, '红旗领航站') }, context);
    const beside = await findSimilarForApplications([draft.id], 50);
    expect(beside.get(draft.id)?.find((match) => match.applicationId === seeded.id)).toMatchObject({ brandName: '红旗领航', campaignTitle: DEMO_HONORED_TITLE });
  });
});

describe('migration 0013: brand-name bigram backfill', () => {
  const TRICKY = [
    'ＡＢＣ１２３红心向党！',
    '红心·向党',
    '“红心”向党——先锋',
    '《红旗》领航（二〇二五）',
    'Red 红心 Party & Co.',
    '　红　心　驿站　',
    '党建＋红色引擎',
    '㈱党建①号ﬁ',
    'ÉCOLE红旗',
    'İstanbul红心',
    'ΣΑΣ红心',
    '红旗🚩领航',
    '哈哈哈哈',
    '红',
    '·，！',
  ];

  it('computes the same bigrams as brandNameBigrams for tricky names, and stores the pairs refreshSimilarNames would', async () => {
    const scope = await createDeclarationScope();
    const tricky = [];
    for (const [index, brandName] of TRICKY.entries()) {
      const org = await createOrg({ parent: scope.eastCommittee });
      tricky.push(await createPrintableApplication({ campaignId: scope.campaign.id, organizationId: org.id, brandName, status: index % 5 === 4 ? 'DRAFT' : 'SUBMITTED' }));
    }

    // A pair group of its own: one submitted the normal way (bigrams written), one written without them, one draft.
    const u = unique();
    const submitted = await getOrCreateDraft({ campaignId: scope.campaign.id, organizationId: scope.branchA.id }, { actorId: scope.secretaryA.id, ip: null });
    await submitApplication(
      { applicationId: submitted.id, revision: 0, values: await completeValues(scope.campaign.id, `${u}红旗领航`) },
      { actorId: scope.secretaryA.id, ip: null },
    );
    const bare = await createPrintableApplication({ campaignId: scope.campaign.id, organizationId: scope.branchB.id, brandName: `「${u.toUpperCase()}」红旗领航站` });
    const bareDraft = await createPrintableApplication({
      campaignId: scope.campaign.id,
      organizationId: (await createOrg({ parent: scope.eastCommittee })).id,
      brandName: `${u}红旗领航`,
      status: 'DRAFT',
    });
    const ids = [...tricky.map((row) => row.id), bare.id, bareDraft.id];
    expect(await db.application.count({ where: { id: { in: ids }, brandNameBigrams: { isEmpty: true } } })).toBe(ids.length);

    const { grams, pairs } = await runBackfill(async (client) => ({
      grams: (await client.query<{ id: string; brand_name: string; brand_name_bigrams: string[] }>('SELECT id, brand_name, brand_name_bigrams FROM applications WHERE id = ANY($1)', [ids])).rows,
      pairs: (
        await client.query<{ application_id: string; similar_id: string; similarity: number }>(
          'SELECT application_id, similar_id, similarity FROM similar_brand_names WHERE application_id = ANY($1) AND similar_id = ANY($1)',
          [[submitted.id, bare.id, bareDraft.id]],
        )
      ).rows,
    }));

    expect(grams).toHaveLength(ids.length);
    for (const row of grams) expect({ name: row.brand_name, grams: row.brand_name_bigrams }).toEqual({ name: row.brand_name, grams: brandNameBigrams(row.brand_name) });
    // Spot checks that the TS side really is tricky here (not both empty).
    const gramsOf = (name: string) => grams.find((row) => row.brand_name === name)!.brand_name_bigrams;
    expect(gramsOf('ＡＢＣ１２３红心向党！')).toEqual(['ab', 'bc', 'c1', '12', '23', '3红', '红心', '心向', '向党']);
    expect(gramsOf('İstanbul红心')[0]).toBe('i\u0307');
    expect(gramsOf('ΣΑΣ红心').slice(0, 2)).toEqual(['σα', 'ας']);
    expect(gramsOf('红')).toEqual(['红']);
    expect(gramsOf('·，！')).toEqual([]);

    const similarity = diceSimilarity(brandNameBigrams(`${u}红旗领航`), brandNameBigrams(`「${u.toUpperCase()}」红旗领航站`));
    expect(similarity).toBeGreaterThanOrEqual(0.5);
    expect(pairs.map((row) => `${row.application_id}→${row.similar_id}`).sort()).toEqual([`${submitted.id}→${bare.id}`, `${bare.id}→${submitted.id}`].sort());
    for (const row of pairs) expect(row.similarity).toBeCloseTo(similarity, 10);
  });
});
