import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getApplicationForUser, listVersions } from '@/lib/application/queries';
import { findSimilarBrandNames, findSimilarForApplications } from '@/lib/application/similar-names';
import { loadGrants } from '@/lib/application/access';
import { getOrCreateDraft, returnApplication, saveDraft, submitApplication } from '@/lib/application/service';
import { EMPTY_VALUES } from '@/lib/application/schema';
import { listApplicationFiles, setApplicationFiles } from '@/lib/application/files';
import { brandNameBigrams, diceSimilarity } from '@/lib/application/bigrams';
import { completeValues, createDeclarationScope, setDeclarationWindow } from '../support/declarations';
import { createOrg, createUser } from '../support/factories';
import { rejection } from '../support/errors';

const context = (actorId: string) => ({ actorId, ip: '10.9.5.1' });


async function draftOf(scope: Awaited<ReturnType<typeof createDeclarationScope>>) {
  return getOrCreateDraft({ campaignId: scope.campaign.id, organizationId: scope.branchA.id }, context(scope.secretaryA.id));
}

describe('drafts', () => {
  it('two parallel first visits share one application', async () => {
    const scope = await createDeclarationScope();
    const results = await Promise.all([draftOf(scope), draftOf(scope), draftOf(scope)]);
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(await db.application.count({ where: { campaignId: scope.campaign.id, organizationId: scope.branchA.id } })).toBe(1);
  });

  it('a new draft carries the organization’s secretary, contact phone and 领域; what the record lacks stays empty', async () => {
    const scope = await createDeclarationScope();
    await db.organization.update({ where: { id: scope.branchA.id }, data: { secretaryName: '王书记', secretaryPhone: '13900001111', field: 'COMMUNITY' } });
    const { id } = await draftOf(scope);
    const community = await db.campaignField.findFirstOrThrow({ where: { campaignId: scope.campaign.id, orgFields: { has: 'COMMUNITY' } }, select: { id: true } });
    expect(await db.application.findUniqueOrThrow({ where: { id }, select: { secretaryName: true, contactName: true, contactPhone: true, fieldId: true } })).toEqual({
      secretaryName: '王书记',
      contactName: '王书记',
      contactPhone: '13900001111',
      fieldId: community.id,
    });
    const bare = await getOrCreateDraft({ campaignId: scope.campaign.id, organizationId: scope.branchB.id }, context(scope.secretaryB.id));
    expect(await db.application.findUniqueOrThrow({ where: { id: bare.id }, select: { secretaryName: true, contactName: true, contactPhone: true, fieldId: true } })).toEqual({
      secretaryName: '',
      contactName: '',
      contactPhone: '',
      fieldId: null,
    });
  });

  it('refuses a stale revision and keeps the newer text', async () => {
    const scope = await createDeclarationScope();
    const { id } = await draftOf(scope);
    const first = await saveDraft({ applicationId: id, revision: 0, values: { ...EMPTY_VALUES, brandName: '第一个窗口' } }, context(scope.secretaryA.id));
    expect(first.revision).toBe(1);
    const stale = await rejection(saveDraft({ applicationId: id, revision: 0, values: { ...EMPTY_VALUES, brandName: '第二个窗口' } }, context(scope.secretaryA.id)));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('已在其他窗口或设备上修改');
    const stored = await db.application.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ brandName: '第一个窗口', revision: 1, brandNameBigrams: ['第一', '一个', '个窗', '窗口'] });
  });

  it('saves every valid field of a draft, keeps the stored value of an invalid one and names it', async () => {
    const scope = await createDeclarationScope();
    const { id } = await draftOf(scope);
    const actor = context(scope.secretaryA.id);
    await saveDraft({ applicationId: id, revision: 0, values: { ...EMPTY_VALUES, brandName: '红色管家', slogan: '旧口号' } }, actor);
    const saved = await saveDraft(
      { applicationId: id, revision: 1, values: { ...EMPTY_VALUES, brandName: '名'.repeat(16), slogan: '新口号', contactPhone: '139 0000 0011', essence: '内涵' } },
      actor,
    );
    expect(saved.fieldErrors).toEqual({ brandName: '品牌名称不能超过 15 个字' });
    const stored = await db.application.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ brandName: '红色管家', slogan: '新口号', contactPhone: '13900000011', essence: '内涵', revision: 2 });

    const landline = await saveDraft({ applicationId: id, revision: 2, values: { ...EMPTY_VALUES, brandName: '红色管家', contactPhone: '0571-8888666' } }, actor);
    expect(landline.fieldErrors).toEqual({});
    expect((await db.application.findUniqueOrThrow({ where: { id } })).contactPhone).toBe('0571-8888666');

    // Half-typed phones are kept as typed in a draft; only an over-long one is refused (and not stored).
    const half = await saveDraft({ applicationId: id, revision: 3, values: { ...EMPTY_VALUES, contactPhone: '139 00' } }, actor);
    expect(half.fieldErrors).toEqual({});
    const long = await saveDraft({ applicationId: id, revision: 4, values: { ...EMPTY_VALUES, contactPhone: '1'.repeat(30), honors: '荣誉' } }, actor);
    expect(long.fieldErrors).toEqual({ contactPhone: '联系电话不能超过 24 个字符' });
    expect(await db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({ contactPhone: '139 00', honors: '荣誉' });

    // A body that is not a form at all is refused as a whole.
    expect((await rejection(saveDraft({ applicationId: id, revision: 5, values: 'x' }, actor))).code).toBe('INVALID_INPUT');
  });
});

describe('another branch’s application (IDOR)', () => {
  it('cannot be read, saved, submitted or created by a secretary of another branch', async () => {
    const scope = await createDeclarationScope();
    const { id } = await draftOf(scope);
    const other = context(scope.secretaryB.id);
    const grantsB = await loadGrants(db, scope.secretaryB.id);
    expect((await rejection(getApplicationForUser(id, grantsB))).code).toBe('NOT_FOUND');
    expect((await rejection(saveDraft({ applicationId: id, revision: 0, values: EMPTY_VALUES }, other))).code).toBe('NOT_FOUND');
    expect((await rejection(submitApplication({ applicationId: id, revision: 0, values: await completeValues(scope.campaign.id) }, other))).code).toBe('NOT_FOUND');
    expect((await rejection(getOrCreateDraft({ campaignId: scope.campaign.id, organizationId: scope.branchA.id }, other))).code).toBe('FORBIDDEN');
    expect(await db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'DRAFT', revision: 0, brandName: '' });
  });

  it('hides a draft from the committee until it is submitted', async () => {
    const scope = await createDeclarationScope();
    const { id } = await draftOf(scope);
    const committee = await loadGrants(db, scope.committeeAdmin.id);
    expect((await rejection(getApplicationForUser(id, committee))).code).toBe('NOT_FOUND');
    await submitApplication({ applicationId: id, revision: 0, values: await completeValues(scope.campaign.id) }, context(scope.secretaryA.id));
    expect((await getApplicationForUser(id, committee)).canReturn).toBe(true);
    expect((await rejection(getApplicationForUser(id, await loadGrants(db, scope.westCommitteeAdmin.id)))).code).toBe('NOT_FOUND');
  });
});

describe('submitting', () => {
  it('is refused before and after the declaration window, by database time', async () => {
    const scope = await createDeclarationScope();
    const { id } = await draftOf(scope);
    const values = await completeValues(scope.campaign.id);
    await setDeclarationWindow(scope.campaign.id, 'upcoming');
    const early = await rejection(submitApplication({ applicationId: id, revision: 0, values }, context(scope.secretaryA.id)));
    expect(early).toMatchObject({ code: 'STAGE_LOCKED', message: '申报尚未开始，暂不能填写或提交' });
    await setDeclarationWindow(scope.campaign.id, 'closed');
    const late = await rejection(submitApplication({ applicationId: id, revision: 0, values }, context(scope.secretaryA.id)));
    expect(late).toMatchObject({ code: 'STAGE_LOCKED', message: '申报阶段已结束，不能再填写或提交' });
    expect(await db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'DRAFT', submittedAt: null });
    expect(await db.applicationVersion.count({ where: { applicationId: id } })).toBe(0);
  });

  it('validates strictly on the server with field errors', async () => {
    const scope = await createDeclarationScope();
    const { id } = await draftOf(scope);
    const error = await rejection(submitApplication({ applicationId: id, revision: 0, values: { ...(await completeValues(scope.campaign.id)), contactPhone: '12345', essence: '' } }, context(scope.secretaryA.id)));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fieldErrors).toEqual({ contactPhone: '请填写正确的联系电话（手机号或带区号的座机号）', essence: '请填写品牌内涵' });
  });

  it('return then resubmit keeps both versions, with the reason on version 1', async () => {
    const scope = await createDeclarationScope();
    const { id } = await draftOf(scope);
    const values = await completeValues(scope.campaign.id, '初心驿站');
    const first = await submitApplication({ applicationId: id, revision: 0, values }, context(scope.secretaryA.id));
    expect(first.versionNumber).toBe(1);
    expect((await rejection(saveDraft({ applicationId: id, revision: first.revision, values }, context(scope.secretaryA.id)))).code).toBe('CONFLICT');
    expect((await rejection(returnApplication({ applicationId: id, reason: '太短' }, context(scope.committeeAdmin.id)).catch((reason) => {
      throw reason?.name === 'ZodError' ? new AppError('INVALID_INPUT', reason.issues[0].message) : reason;
    }))).message).toBe('退回理由至少 5 个字');
    expect((await rejection(returnApplication({ applicationId: id, reason: '请补充主要做法' }, context(scope.secretaryB.id)))).code).toBe('NOT_FOUND');
    await returnApplication({ applicationId: id, reason: '请补充主要做法与成效的数据' }, context(scope.committeeAdmin.id));
    const returned = await db.application.findUniqueOrThrow({ where: { id } });
    expect(returned).toMatchObject({ status: 'RETURNED', returnReason: '请补充主要做法与成效的数据' });
    expect((await rejection(returnApplication({ applicationId: id, reason: '再退一次试试' }, context(scope.committeeAdmin.id)))).code).toBe('CONFLICT');

    const saved = await saveDraft({ applicationId: id, revision: returned.revision, values: { ...values, practices: '补充了服务 300 人次的数据' } }, context(scope.secretaryA.id));
    const second = await submitApplication({ applicationId: id, revision: saved.revision, values: { ...values, practices: '补充了服务 300 人次的数据' } }, context(scope.secretaryA.id));
    expect(second.versionNumber).toBe(2);

    const { versions } = await listVersions(id, await loadGrants(db, scope.secretaryA.id));
    expect(versions.map((version) => version.number)).toEqual([1, 2]);
    expect(versions[0]).toMatchObject({ returnReason: '请补充主要做法与成效的数据', returnedBy: { displayName: scope.committeeAdmin.displayName } });
    expect(versions[0].snapshot).toMatchObject({ practices: values.practices, brandName: '初心驿站' });
    expect(versions[1]).toMatchObject({ returnReason: null, snapshot: { practices: '补充了服务 300 人次的数据' } });
    expect(await db.auditLog.count({ where: { entityId: id, action: { in: ['submit-application', 'return-application'] } } })).toBe(3);
  });
});

describe('similar brand names', () => {
  it('finds a submitted near-duplicate from another branch, but not drafts or itself', async () => {
    const scope = await createDeclarationScope();
    const unique = `先锋${Date.now().toString(36).replace(/\d/g, '')}`;
    const { id } = await draftOf(scope);
    await submitApplication({ applicationId: id, revision: 0, values: await completeValues(scope.campaign.id, `${unique}红心站`) }, context(scope.secretaryA.id));
    const draftB = await getOrCreateDraft({ campaignId: scope.campaign.id, organizationId: scope.branchB.id }, context(scope.secretaryB.id));
    await saveDraft({ applicationId: draftB.id, revision: 0, values: { ...EMPTY_VALUES, brandName: `${unique}红心站点` } }, context(scope.secretaryB.id));

    const similar = await findSimilarBrandNames(`${unique} 红心站！`, { excludeApplicationId: draftB.id });
    expect(similar.map((row) => row.applicationId)).toContain(id);
    expect(similar.find((row) => row.applicationId === id)).toMatchObject({ similarity: 1, campaignTitle: scope.campaign.title, organizationName: scope.branchA.name });
    expect(similar.some((row) => row.applicationId === draftB.id)).toBe(false);
    expect(await findSimilarBrandNames(`${unique}红心站`, { excludeApplicationId: id })).not.toContainEqual(expect.objectContaining({ applicationId: id }));
  });

  it('ranks in SQL with the same Dice measure as the unit-tested one, and lists matches beside each entry for staff', async () => {
    const scope = await createDeclarationScope();
    const unique = `领航${Date.now().toString(36).replace(/\d/g, '').slice(-3)}`;
    const branchC = await createOrg({ parent: scope.eastCommittee });
    const secretaryC = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: branchC.id }] });
    const names = [`${unique}红心向党`, `${unique}红心向党服务站`, '绿水青山两山驿站'];
    const ids: string[] = [];
    for (const [index, [org, secretary]] of ([[scope.branchA, scope.secretaryA], [scope.branchB, scope.secretaryB], [branchC, secretaryC]] as const).entries()) {
      const draft = await getOrCreateDraft({ campaignId: scope.campaign.id, organizationId: org.id }, context(secretary.id));
      await submitApplication({ applicationId: draft.id, revision: 0, values: await completeValues(scope.campaign.id, names[index]) }, context(secretary.id));
      ids.push(draft.id);
    }

    const [exact, longer] = await findSimilarBrandNames(`${unique}红心向党`);
    expect(exact).toMatchObject({ applicationId: ids[0], similarity: 1 });
    expect(longer.applicationId).toBe(ids[1]);
    expect(longer.similarity).toBeCloseTo(diceSimilarity(brandNameBigrams(names[0]), brandNameBigrams(names[1])), 10);

    // Other tests' names may look alike too; only this test's three are judged.
    const beside = await findSimilarForApplications(ids, 50);
    const among = (id: string) => (beside.get(id) ?? []).filter((match) => ids.includes(match.applicationId));
    expect(among(ids[0]).map((match) => match.applicationId)).toEqual([ids[1]]);
    expect(among(ids[1]).map((match) => match.applicationId)).toEqual([ids[0]]);
    expect(among(ids[1])[0]).toMatchObject({ brandName: names[0], organizationName: scope.branchA.name, campaignTitle: scope.campaign.title });
    expect(among(ids[2])).toEqual([]);
  });

  it('stores the pair when two near-duplicates are submitted at the same moment, and drops it when a resubmission renames', async () => {
    const scope = await createDeclarationScope();
    const unique = `同心${Date.now().toString(36).replace(/\d/g, '').slice(-3)}`;
    const branchC = await createOrg({ parent: scope.eastCommittee });
    const secretaryC = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: branchC.id }] });
    const entrants = [[scope.branchA, scope.secretaryA], [scope.branchB, scope.secretaryB], [branchC, secretaryC]] as const;
    const drafts = await Promise.all(entrants.map(([org, secretary]) => getOrCreateDraft({ campaignId: scope.campaign.id, organizationId: org.id }, context(secretary.id))));
    const values = await completeValues(scope.campaign.id);
    await Promise.all(
      entrants.map(([, secretary], index) =>
        submitApplication({ applicationId: drafts[index].id, revision: 0, values: { ...values, brandName: `${unique}连心桥${'一二三'[index]}` } }, context(secretary.id)),
      ),
    );
    const ids = drafts.map((draft) => draft.id);
    const pairs = await db.similarBrandName.findMany({ where: { applicationId: { in: ids }, similarId: { in: ids } }, select: { applicationId: true, similarId: true } });
    // Every ordered pair of the three, none missed by the race: 3 × 2.
    expect(pairs).toHaveLength(6);

    await returnApplication({ applicationId: ids[0], reason: '品牌名称与他人重复，请修改' }, context(scope.committeeAdmin.id));
    const renamed = { ...values, brandName: '绿水青山两山驿站' };
    const { revision } = await db.application.findUniqueOrThrow({ where: { id: ids[0] }, select: { revision: true } });
    const saved = await saveDraft({ applicationId: ids[0], revision, values: renamed }, context(scope.secretaryA.id));
    await submitApplication({ applicationId: ids[0], revision: saved.revision, values: renamed }, context(scope.secretaryA.id));
    const after = await findSimilarForApplications(ids, 50);
    const among = (id: string) => (after.get(id) ?? []).filter((match) => ids.includes(match.applicationId)).map((match) => match.applicationId);
    expect(among(ids[0])).toEqual([]);
    expect(among(ids[1])).toEqual([ids[2]]);
  });
});

async function storedFile(uploadedById: string, kind: 'IMAGE' | 'DOCUMENT' = 'IMAGE') {
  const key = `test/${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return db.storedFile.create({ data: { kind, storageKey: key, mimeType: kind === 'IMAGE' ? 'image/png' : 'application/pdf', size: 10, sha256: 'x', originalName: `${key}.${kind === 'IMAGE' ? 'png' : 'pdf'}`, uploadedById } });
}

describe('logo and attachments', () => {
  it('attaches the secretary’s own uploads and refuses another user’s file by id', async () => {
    const scope = await createDeclarationScope();
    const { id } = await draftOf(scope);
    const logo = await storedFile(scope.secretaryA.id);
    const photo = await storedFile(scope.secretaryA.id);
    const document = await storedFile(scope.secretaryA.id, 'DOCUMENT');
    await setApplicationFiles({ applicationId: id, logoFileId: logo.id, photoIds: [photo.id], documentIds: [document.id] }, context(scope.secretaryA.id));
    const files = await listApplicationFiles(id);
    expect([files.logo.map((file) => file.id), files.photos.map((file) => file.id), files.documents.map((file) => file.id)]).toEqual([[logo.id], [photo.id], [document.id]]);

    const foreign = await storedFile(scope.secretaryB.id);
    const stolen = await rejection(setApplicationFiles({ applicationId: id, logoFileId: logo.id, photoIds: [photo.id, foreign.id], documentIds: [] }, context(scope.secretaryA.id)));
    expect(stolen.code).toBe('NOT_FOUND');
    const asLogo = await rejection(setApplicationFiles({ applicationId: id, logoFileId: document.id, photoIds: [], documentIds: [] }, context(scope.secretaryA.id)));
    expect(asLogo).toMatchObject({ code: 'INVALID_INPUT', message: '品牌标识和照片只能是图片' });
    const otherBranch = await rejection(setApplicationFiles({ applicationId: id, logoFileId: null, photoIds: [], documentIds: [] }, context(scope.secretaryB.id)));
    expect(otherBranch.code).toBe('NOT_FOUND');
    expect((await listApplicationFiles(id)).photos.map((file) => file.id)).toEqual([photo.id]);

    await submitApplication({ applicationId: id, revision: 0, values: await completeValues(scope.campaign.id) }, context(scope.secretaryA.id));
    const version = await db.applicationVersion.findFirstOrThrow({ where: { applicationId: id } });
    expect(version.snapshot).toMatchObject({ logoFileId: logo.id, attachments: [{ fileId: photo.id, slot: 'PHOTO' }, { fileId: document.id, slot: 'DOCUMENT' }] });
  });
});
