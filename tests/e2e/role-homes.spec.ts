import { expect, test } from './support/test';
import { screenshotBoth } from './support/screenshots';
import { signInAs } from './support/session';

// Each role lands on a page that says where it stands: the branch secretary's 待办 (one click from the task), the
// expert's review progress, the member's votes.
test('the secretary’s to-do opens its task; experts and members see where they stand', async ({ browser }) => {
  test.setTimeout(90_000);
  const secretary = await (await browser.newContext()).newPage();
  await signInAs(secretary, 'sec-yy', /\/declare$/);
  const todos = secretary.getByRole('navigation', { name: '待办事项' });
  const first = todos.getByRole('link').first();
  const href = (await first.getAttribute('href'))!;
  await screenshotBoth(secretary, 'secretary-todos');
  await first.click();
  await expect(secretary).toHaveURL((url) => url.pathname + url.search + url.hash === href);
  await secretary.context().close();

  const expert = await (await browser.newContext()).newPage();
  await signInAs(expert, 'expert1', /\/review$/);
  await expect(expert.getByRole('heading', { level: 1, name: '评审任务' })).toBeVisible();
  await screenshotBoth(expert, 'expert-home');
  await expert.context().close();

  const member = await (await browser.newContext()).newPage();
  await signInAs(member, 'member01', /\/member$/);
  await expect(member.getByRole('region', { name: '我的投票' }).getByText('累计已投')).toBeVisible();
  await screenshotBoth(member, 'member-home');
  await member.context().close();
});
