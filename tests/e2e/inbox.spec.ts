import { getOrCreateDraft, returnApplication, submitApplication } from '@/lib/application/service';
import { completeValues, createDeclarationScope } from '../support/declarations';
import { screenshotBoth } from './support/screenshots';
import { signInTestUser } from './support/session';
import { expect, test } from './support/test';

// A branch secretary's entry is returned by the committee: on a 390 px phone the bell in the header shows the unread
// count, the inbox shows the reason and leads to the declaration, and marking it read clears the count.
test('a returned entry reaches the secretary’s inbox with its reason', async ({ browser }) => {
  const scope = await createDeclarationScope();
  const as = (actorId: string) => ({ actorId, ip: '10.9.23.9' });
  const draft = await getOrCreateDraft({ campaignId: scope.campaign.id, organizationId: scope.branchA.id }, as(scope.secretaryA.id));
  await submitApplication({ applicationId: draft.id, revision: 0, values: await completeValues(scope.campaign.id, '党群连心桥') }, as(scope.secretaryA.id));
  await returnApplication({ applicationId: draft.id, reason: '请补充近两年服务群众的具体数据和照片' }, as(scope.committeeAdmin.id));

  const page = await signInTestUser(browser, scope.secretaryA.id, { phone: true });
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAccessibleName('通知，1 条未读');
  await expect(page.getByTestId('notification-count')).toHaveText('1');
  await bell.click();

  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('heading', { level: 1, name: '通知' })).toBeVisible();
  const item = page.getByTestId('inbox-item').first();
  await expect(item).toContainText('退回重新申报');
  await expect(item.getByRole('link', { name: '「党群连心桥」被退回重新申报' })).toHaveAttribute('href', `/declare/${draft.id}`);
  await expect(item).toContainText('退回理由：请补充近两年服务群众的具体数据和照片');
  await screenshotBoth(page, 'inbox');
  await page.setViewportSize({ width: 390, height: 844 });

  await item.getByRole('button', { name: '标为已读' }).click();
  await expect(page.getByTestId('notification-count')).toHaveCount(0);
  await expect(bell).toHaveAccessibleName('通知');
  await expect(page.getByTestId('inbox-item').first()).toHaveAttribute('data-read', 'true');

  await page.getByRole('link', { name: '「党群连心桥」被退回重新申报' }).click();
  await expect(page).toHaveURL(new RegExp(`/declare/${draft.id}$`));
  await page.context().close();
});

test('a user without notices sees the empty inbox', async ({ browser }) => {
  const scope = await createDeclarationScope();
  const page = await signInTestUser(browser, scope.secretaryB.id, { phone: true });
  await expect(page.getByTestId('notification-count')).toHaveCount(0);
  await page.goto('/inbox');
  await expect(page.getByText('暂无通知')).toBeVisible();
  await page.context().close();
});
