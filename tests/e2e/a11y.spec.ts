import { existsSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { finaliseCampaign } from '@/lib/publicity/service';
import { createAwardedScope, endPublicity, openPublicity, shanghaiDay } from '../support/publicity';
import { createVotingScope } from '../support/voting';

// axe (WCAG 2.1 A and AA rules) on every public page at phone width: no serious or critical violation.
// To cover a new public page, add a line to PAGES; optional pages are listed only while their route exists.

type TIds = { voteCampaignId: string; voteEntryId: string; publicityCampaignId: string; honoredCampaignId: string; brandId: string; certificateNo: string };

const routeExists = (route: string) => existsSync(path.join(process.cwd(), 'app', '(public)', ...route.split('/'), 'page.tsx'));

const PAGES: { name: string; path: (ids: TIds) => string }[] = [
  { name: '首页', path: () => '/' },
  { name: '登录', path: () => '/login' },
  { name: '评选活动', path: (ids) => `/campaigns/${ids.voteCampaignId}` },
  { name: '网络投票', path: (ids) => `/campaigns/${ids.voteCampaignId}/vote` },
  { name: '投票品牌详情', path: (ids) => `/campaigns/${ids.voteCampaignId}/vote/${ids.voteEntryId}` },
  { name: '品牌清单', path: (ids) => `/campaigns/${ids.voteCampaignId}/brands` },
  { name: '品牌风采', path: () => '/gallery' },
  { name: '品牌风采详情', path: (ids) => `/gallery/${ids.brandId}` },
  { name: '证书验证', path: () => '/certificates' },
  { name: '证书验证结果', path: (ids) => `/certificates/${ids.certificateNo}` },
  { name: '表彰决定', path: (ids) => `/campaigns/${ids.honoredCampaignId}/announcement` },
  { name: '公示', path: (ids) => `/campaigns/${ids.publicityCampaignId}/publicity` },
  ...(routeExists('campaigns/[id]/publicity/objection') ? [{ name: '异议反映', path: (ids: TIds) => `/campaigns/${ids.publicityCampaignId}/publicity/objection` }] : []),
  ...(routeExists('objections') ? [{ name: '异议查询', path: () => '/objections' }] : []),
];

let ids: TIds;

test.beforeAll(async () => {
  const voting = await createVotingScope({ entries: 2, members: 0 });
  await db.campaign.update({ where: { id: voting.campaign.id }, data: { publicVotingEnabled: true } });
  const publicity = await createAwardedScope({ entries: 2, awarded: 1 });
  await openPublicity(publicity.campaign.id, publicity.cityAdmin.id);
  const honored = await createAwardedScope({ entries: 2, awarded: 2 });
  await openPublicity(honored.campaign.id, honored.cityAdmin.id);
  await endPublicity(honored.campaign.id);
  await finaliseCampaign(
    { campaignId: honored.campaign.id, title: '关于表扬优秀党建品牌的决定', documentNo: '示范组通〔2026〕40号', preamble: '决定对以下党建品牌予以通报表扬。', issuedOn: shanghaiDay() },
    { actorId: honored.cityAdmin.id },
  );
  const honor = await db.honor.findFirstOrThrow({ where: { campaignId: honored.campaign.id }, orderBy: { sortOrder: 'asc' }, select: { applicationId: true, certificateNo: true } });
  ids = {
    voteCampaignId: voting.campaign.id,
    voteEntryId: voting.entries[0].id,
    publicityCampaignId: publicity.campaign.id,
    honoredCampaignId: honored.campaign.id,
    // The gallery page of a demo brand: the new honors reach the cached gallery only through an action that purges it.
    brandId: (await db.honor.findFirstOrThrow({ where: { revokedAt: null, campaignId: { not: honored.campaign.id } }, select: { applicationId: true } })).applicationId,
    certificateNo: honor.certificateNo,
  };
});

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

for (const page of PAGES) {
  test(`axe: no serious violation on ${page.name}`, async ({ page: browserPage }) => {
    const response = await browserPage.goto(page.path(ids));
    expect(response?.status()).toBe(200);
    const { violations } = await new AxeBuilder({ page: browserPage }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
    expect(serious).toEqual([]);
  });
}
