import { readdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { getOrCreateDraft, returnApplication, submitApplication } from '@/lib/application/service';
import { finaliseCampaign } from '@/lib/publicity/service';
import { completeValues, createDeclarationScope } from '../support/declarations';
import { createAwardedScope, endPublicity, insertObjection, openPublicity, shanghaiDay } from '../support/publicity';
import { createRecommendationScope } from '../support/recommendations';
import { createReviewScope } from '../support/reviews';
import { createVotingScope, insertVotes } from '../support/voting';
import { createDemoWorld } from '../support/demo-public';
import { signInTestUser } from './support/session';

// axe (WCAG 2.0/2.1 A and AA rules) on every public page at phone width and on the main signed-in pages: no
// moderate, serious or critical violation, and no failed hydration. Every page.tsx under app/(public) needs a line
// in PAGES (a test checks).

type TIds = {
  voteCampaignId: string;
  voteEntryId: string;
  receiptCode: string;
  publicityCampaignId: string;
  objectionCode: string;
  honoredCampaignId: string;
  brandId: string;
  certificateNo: string;
  demoBeltId: string;
  demoSiteId: string;
};

/** `route` is the page's folder under app/(public), as Next names it. */
const PAGES: { route: string; name: string; path: (ids: TIds) => string }[] = [
  { route: '', name: '首页', path: () => '/' },
  { route: 'login', name: '登录', path: () => '/login' },
  { route: 'campaigns/[id]', name: '评选活动', path: (ids) => `/campaigns/${ids.voteCampaignId}` },
  { route: 'campaigns/[id]/vote', name: '网络投票', path: (ids) => `/campaigns/${ids.voteCampaignId}/vote` },
  { route: 'campaigns/[id]/vote/[applicationId]', name: '投票品牌详情', path: (ids) => `/campaigns/${ids.voteCampaignId}/vote/${ids.voteEntryId}` },
  { route: 'campaigns/[id]/vote/verify', name: '投票手机号验证', path: (ids) => `/campaigns/${ids.voteCampaignId}/vote/verify` },
  { route: 'votes/receipt', name: '投票回执查询结果', path: (ids) => `/votes/receipt?code=${ids.receiptCode}` },
  { route: 'campaigns/[id]/brands', name: '品牌清单', path: (ids) => `/campaigns/${ids.voteCampaignId}/brands` },
  { route: 'gallery/page/[page]', name: '品牌风采', path: () => '/gallery' },
  { route: 'gallery', name: '品牌风采筛选', path: () => '/gallery?q=%E5%85%9A%E5%BB%BA' },
  { route: 'gallery/[applicationId]', name: '品牌风采详情', path: (ids) => `/gallery/${ids.brandId}` },
  { route: 'certificates', name: '证书验证', path: () => '/certificates' },
  { route: 'certificates/[no]', name: '证书验证结果', path: (ids) => `/certificates/${ids.certificateNo}` },
  { route: 'campaigns/[id]/announcement', name: '表彰决定', path: (ids) => `/campaigns/${ids.honoredCampaignId}/announcement` },
  { route: 'campaigns/[id]/publicity', name: '公示', path: (ids) => `/campaigns/${ids.publicityCampaignId}/publicity` },
  { route: 'campaigns/[id]/publicity/objection', name: '异议反映', path: (ids) => `/campaigns/${ids.publicityCampaignId}/publicity/objection` },
  { route: 'objections', name: '异议查询', path: () => '/objections' },
  { route: 'objections/[code]', name: '异议办理进度', path: (ids) => `/objections/${ids.objectionCode}` },
  { route: 'demo/[view]', name: '示范点示范带', path: () => '/demo' },
  { route: 'demo/belts/[id]', name: '示范带', path: (ids) => `/demo/belts/${ids.demoBeltId}` },
  { route: 'demo/belts/[id]/comment', name: '示范带提出意见', path: (ids) => `/demo/belts/${ids.demoBeltId}/comment` },
  { route: 'demo/sites/[id]', name: '示范点', path: (ids) => `/demo/sites/${ids.demoSiteId}` },
  { route: 'demo/sites/[id]/comment', name: '示范点提出意见', path: (ids) => `/demo/sites/${ids.demoSiteId}/comment` },
];

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Every violation of impact moderate or worse, one readable line each. */
async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((violation) => violation.impact === 'moderate' || violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
}

/**
 * React's hydration failures (#418 text/HTML mismatch, #423, #425) the page reports from now on: after one, React
 * renders the page again on the client and whatever was typed before is gone.
 */
function hydrationErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => {
    if (/Minified React error #(418|423|425)|Hydration failed|hydrat/i.test(error.message)) errors.push(`${page.url()}: ${error.message.slice(0, 160)}`);
  });
  return errors;
}

function publicRoutes(directory = path.join(process.cwd(), 'app', '(public)'), prefix = ''): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === 'page.tsx' ? [prefix] : [];
    if (!entry.isDirectory()) return [];
    const segment = /^\(.*\)$/.test(entry.name) ? '' : entry.name;
    return publicRoutes(path.join(directory, entry.name), [prefix, segment].filter(Boolean).join('/'));
  });
}

test('every public page is listed for the axe check', () => {
  expect(PAGES.map((page) => page.route).sort()).toEqual(publicRoutes().sort());
});

test.describe('public pages', () => {
  let ids: TIds;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const voting = await createVotingScope({ entries: 2, members: 0 });
    await db.campaign.update({ where: { id: voting.campaign.id }, data: { publicVotingEnabled: true } });
    const [receiptCode] = await insertVotes(voting.campaign.id, voting.entries[0].id, 1);
    const publicity = await createAwardedScope({ entries: 2, awarded: 1 });
    await openPublicity(publicity.campaign.id, publicity.cityAdmin.id);
    const objection = await insertObjection(publicity.campaign.id, publicity.entries[0].id, { status: 'ANSWERED' });
    const honored = await createAwardedScope({ entries: 2, awarded: 2 });
    await openPublicity(honored.campaign.id, honored.cityAdmin.id);
    await endPublicity(honored.campaign.id);
    await finaliseCampaign(
      { campaignId: honored.campaign.id, title: '关于表扬优秀党建品牌的决定', documentNo: '示范组通〔2026〕40号', preamble: '决定对以下党建品牌予以通报表扬。', issuedOn: shanghaiDay() },
      { actorId: honored.cityAdmin.id },
    );
    const demo = await createDemoWorld({ sites: 2 });
    const honor = await db.honor.findFirstOrThrow({ where: { campaignId: honored.campaign.id }, orderBy: { sortOrder: 'asc' }, select: { certificateNo: true } });
    ids = {
      voteCampaignId: voting.campaign.id,
      voteEntryId: voting.entries[0].id,
      receiptCode,
      publicityCampaignId: publicity.campaign.id,
      objectionCode: objection.trackingCode,
      honoredCampaignId: honored.campaign.id,
      // The gallery page of a demo brand: the new honors reach the cached gallery only through an action that purges it.
      brandId: (await db.honor.findFirstOrThrow({ where: { revokedAt: null, campaignId: { not: honored.campaign.id } }, select: { applicationId: true } })).applicationId,
      certificateNo: honor.certificateNo,
      demoBeltId: demo.belt.id,
      // The demo's first 东城 site, with its approved comment and reply.
      demoSiteId: (await db.demoSite.findFirstOrThrow({ where: { name: '幸福里社区党群服务中心', status: 'ACTIVE' }, select: { id: true } })).id,
    };
  });

  test.use(PHONE);

  for (const page of PAGES) {
    test(`axe: no moderate or worse violation on ${page.name}`, async ({ page: browserPage }) => {
      const hydration = hydrationErrors(browserPage);
      const response = await browserPage.goto(page.path(ids));
      expect(response?.status()).toBe(200);
      expect(await axeViolations(browserPage)).toEqual([]);
      expect(hydration).toEqual([]);
    });
  }
});

test.describe('signed-in pages', () => {
  test('axe: the 申报表 of a branch secretary', async ({ browser }) => {
    const scope = await createDeclarationScope();
    const draft = await getOrCreateDraft({ campaignId: scope.campaign.id, organizationId: scope.branchA.id }, { actorId: scope.secretaryA.id });
    const page = await signInTestUser(browser, scope.secretaryA.id, { phone: true });
    const hydration = hydrationErrors(page);
    await page.goto(`/declare/${draft.id}`);
    await expect(page.getByRole('heading', { level: 1, name: '党建品牌选树申报表' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await axeViolations(page)).toEqual([]);
    expect(hydration).toEqual([]);
  });

  test('axe: the expert score sheet on a 390 px phone', async ({ browser }) => {
    const scope = await createReviewScope({ entries: 1 });
    const sheet = await db.reviewAssignment.create({ data: { campaignId: scope.campaign.id, applicationId: scope.entries[0].id, expertId: scope.westExpert.id, source: 'MANUAL', reason: '测试' }, select: { id: true } });
    const page = await signInTestUser(browser, scope.westExpert.id, { phone: true });
    const hydration = hydrationErrors(page);
    await page.goto('/review');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`/review/${sheet.id}`);
    await expect(page.getByRole('heading', { level: 2, name: '评分', exact: true })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    expect(hydration).toEqual([]);
  });

  test('axe: the inbox with a returned entry on a 390 px phone', async ({ browser }) => {
    const scope = await createDeclarationScope();
    const draft = await getOrCreateDraft({ campaignId: scope.campaign.id, organizationId: scope.branchA.id }, { actorId: scope.secretaryA.id });
    await submitApplication({ applicationId: draft.id, revision: 0, values: await completeValues(scope.campaign.id) }, { actorId: scope.secretaryA.id });
    await returnApplication({ applicationId: draft.id, reason: '请补充主要做法与成效' }, { actorId: scope.committeeAdmin.id });
    const page = await signInTestUser(browser, scope.secretaryA.id, { phone: true });
    const hydration = hydrationErrors(page);
    await page.goto('/inbox');
    await expect(page.getByTestId('inbox-item')).toHaveCount(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(hydration).toEqual([]);
  });

  test('axe: the recommendation board of a committee', async ({ browser }) => {
    const scope = await createRecommendationScope({ entries: 3 });
    const page = await signInTestUser(browser, scope.committeeAdmin.id, { phone: true });
    const hydration = hydrationErrors(page);
    await page.goto('/committee');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`/committee/campaigns/${scope.campaign.id}`);
    await expect(page.getByRole('heading', { level: 1, name: '逐级推荐' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await axeViolations(page)).toEqual([]);
    expect(hydration).toEqual([]);
  });
});
