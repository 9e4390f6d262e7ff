import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { createVotingScope, insertVotes } from '../support/voting';
import { signInTestUser } from './support/session';

const OUT = process.env.E2E_OUTPUT_DIR ?? 'test-results';
const SCREEN = { width: 1920, height: 1080 };

type TScreenWindow = Window & { __bigScreen?: { refresh: () => Promise<void> } };

/** What overflows the 1920×1080 viewport or is cut off inside its box (a clipped label, a truncated title). */
function layoutFaults(page: Page) {
  return page.evaluate(() => {
    const faults: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth || root.scrollHeight > window.innerHeight) faults.push(`document ${root.scrollWidth}×${root.scrollHeight}`);
    const stage = document.querySelector('[data-big-screen]')!;
    for (const element of stage.querySelectorAll('*')) {
      if (element.closest('svg') || element.closest('.sr-only')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const name = `<${element.tagName.toLowerCase()}> ${element.textContent?.trim().slice(0, 20)}`;
      if (rect.left < -1 || rect.top < -1 || rect.right > window.innerWidth + 1 || rect.bottom > window.innerHeight + 1) faults.push(`outside: ${name}`);
      const html = element as HTMLElement;
      // Content larger than its box: cut off when the box clips, spilling over its neighbours when it does not.
      if (getComputedStyle(html).display !== 'inline' && (html.scrollWidth > html.clientWidth + 1 || html.scrollHeight > html.clientHeight + 1)) faults.push(`overflows: ${name}`);
    }
    return faults;
  });
}

// The organizer's staff open the 大屏 from the campaign page: it fits 1920×1080 exactly, shows the live totals and
// updates them in place.
test('the 大屏 renders at 1920×1080 without overflow and updates in place', async ({ browser }) => {
  test.setTimeout(90_000);
  const scope = await createVotingScope({ entries: 4, members: 0 });
  const campaignId = scope.campaign.id;
  const [e0, e1, e2] = scope.entries.map((entry) => entry.id);
  await insertVotes(campaignId, e0, 3);
  await insertVotes(campaignId, e1, 7);
  await insertVotes(campaignId, e2, 1);
  const top = await db.brandListEntry.findFirstOrThrow({ where: { applicationId: e1 }, select: { brandName: true } });

  const admin = await signInTestUser(browser, scope.cityAdmin.id);
  await admin.goto(`/admin/campaigns/${campaignId}`);
  const link = admin.getByRole('link', { name: '大屏', exact: true });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('href', `/screen/campaigns/${campaignId}`);

  await admin.setViewportSize(SCREEN);
  await admin.goto(`/screen/campaigns/${campaignId}`);
  await expect(admin.getByRole('heading', { level: 1, name: scope.campaign.title })).toBeVisible();
  const tile = (label: string) => admin.locator('[aria-label="活动统计"] > div', { hasText: label });
  await expect(tile('有效票总数')).toContainText('11');
  await expect(tile('品牌清单')).toContainText('4');
  await expect(admin.getByRole('table').locator('tbody tr').first()).toContainText(top.brandName);
  await expect(admin.locator('[data-big-screen] svg').first()).toBeVisible();
  await expect(admin.getByText(top.brandName).first()).toBeAttached();
  expect(await layoutFaults(admin)).toEqual([]);
  // The bars grow in for a second on first paint; the screenshot shows them grown.
  await admin.waitForTimeout(1200);
  await admin.screenshot({ path: `${OUT}/bigscreen-1920.png` });

  // New votes arrive; the next refresh shows them without reloading the page.
  await admin.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await insertVotes(campaignId, e0, 6);
  await admin.evaluate(() => (window as TScreenWindow).__bigScreen!.refresh());
  await expect(tile('有效票总数')).toContainText('17');
  await expect(admin.getByRole('table').locator('tbody tr').first()).toContainText((await db.brandListEntry.findFirstOrThrow({ where: { applicationId: e0 } })).brandName);
  expect(await admin.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  expect(await layoutFaults(admin)).toEqual([]);
});

// "Safe to leave open all day": 8 hours of 30-second refreshes (960) on a fake clock, the data changing every time;
// after a forced GC the JS heap, DOM nodes and event listeners are where they were after the first minutes.
test('memory stays flat over 8 hours of refreshes', async ({ browser }) => {
  // 960 refreshes, each waited for: about 35 s on an idle machine, up to three times that beside the rest of the suite.
  test.setTimeout(300_000);
  const scope = await createVotingScope({ entries: 3, members: 0 });
  const campaignId = scope.campaign.id;
  await insertVotes(campaignId, scope.entries[0].id, 2);
  const admin = await signInTestUser(browser, scope.cityAdmin.id);
  await admin.setViewportSize(SCREEN);
  // The screen's route answers in the page from the real first snapshot with growing numbers (no round trip to the
  // test per refresh): the page's work, not the server's, is measured.
  type TSnapshot = { at: string; top: { validVotes: number }[]; stats: { validVotes: number } };
  const snapshot = (await (await admin.request.get(`/api/campaigns/${campaignId}/screen`)).json()) as TSnapshot;
  await admin.addInitScript((first: TSnapshot) => {
    const realFetch = window.fetch.bind(window);
    let served = 0;
    (window as unknown as { __served: () => number }).__served = () => served;
    window.fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.endsWith('/screen')) return realFetch(input, init);
      served += 1;
      const top = first.top.map((entry, index) => ({ ...entry, validVotes: entry.validVotes + ((served * (index + 1)) % 97) }));
      const body = { ...first, at: new Date(Date.parse(first.at) + served * 30_000).toISOString(), top, stats: { ...first.stats, validVotes: first.stats.validVotes + served } };
      return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
    };
  }, snapshot);
  await admin.clock.install();
  await admin.goto(`/screen/campaigns/${campaignId}`);
  await expect(admin.locator('[data-big-screen] svg').first()).toBeVisible();

  const screen = admin.locator('[data-big-screen]');
  const refreshes = async (count: number, from: number) => {
    for (let index = from + 1; index <= from + count; index++) {
      // Jump 30 s: the refresh timer fires (and the clock's tick and a frame), as they would on the wall.
      await admin.clock.fastForward(30_000);
      await admin.evaluate(
        (target) =>
          new Promise<void>((resolve) => {
            const element = document.querySelector<HTMLElement>('[data-big-screen]')!;
            if (Number(element.dataset.refreshes) >= target) return resolve();
            const observer = new MutationObserver(() => {
              if (Number(element.dataset.refreshes) < target) return;
              observer.disconnect();
              resolve();
            });
            observer.observe(element, { attributes: true, attributeFilter: ['data-refreshes'] });
          }),
        index,
      );
    }
  };
  const cdp = await admin.context().newCDPSession(admin);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const counters = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
    return { heap: heap.usedSize, nodes: counters.nodes, listeners: counters.jsEventListeners };
  };

  // The first half hour settles caches and lazy code; after that the heap must stop growing: the second half of the
  // 8 hours adds (almost) nothing, and the whole run stays within a small bound.
  await refreshes(60, 0);
  const start = await measure();
  await refreshes(450, 60);
  const middle = await measure();
  await refreshes(450, 510);
  await expect(screen).toHaveAttribute('data-refreshes', '960');
  const end = await measure();
  console.log(`大屏 memory after 60 / 510 / 960 refreshes: heap ${start.heap} / ${middle.heap} / ${end.heap} B, nodes ${start.nodes} / ${middle.nodes} / ${end.nodes}, listeners ${start.listeners} / ${middle.listeners} / ${end.listeners}`);
  // One refresh per 30 s: no second timer loop was ever started.
  const served = await admin.evaluate(() => (window as unknown as { __served: () => number }).__served());
  expect(served).toBe(960);
  expect(end.heap - middle.heap).toBeLessThan(500_000);
  expect(end.heap - start.heap).toBeLessThan(2_000_000);
  expect(end.nodes - start.nodes).toBeLessThanOrEqual(50);
  expect(end.listeners - start.listeners).toBeLessThanOrEqual(5);
  await expect(admin.locator('[aria-label="活动统计"] > div', { hasText: '有效票总数' })).toContainText(String(snapshot.stats.validVotes + served));
});
