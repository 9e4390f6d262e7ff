import { expect, test } from './support/test';

test('the 390 px guard reports a page wider than the phone and a dialog button outside the screen', async ({ page, layoutProblems }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: '账号登录' })).toBeVisible();
  await page.waitForTimeout(400);
  expect(layoutProblems).toEqual([]);

  await page.evaluate(() => {
    const wide = document.createElement('div');
    wide.className = 'too-wide';
    wide.style.width = '900px';
    wide.style.height = '10px';
    document.body.append(wide);
  });
  await expect.poll(() => layoutProblems.join('\n')).toMatch(/^\/login: 页面宽 9\d\dpx，超出 390px 视口（<div class="too-wide">/);

  await page.evaluate(() => {
    document.querySelector('.too-wide')?.remove();
    const dialog = document.createElement('dialog');
    // A dialog laid out wider than the phone (as on a page that had grown sideways): its buttons end up off screen.
    dialog.style.cssText = 'width: 700px; max-width: none';
    dialog.innerHTML = '<p>确认吗？</p><div style="display: flex; justify-content: flex-end"><button>取消</button><button>确认提交</button></div>';
    document.body.append(dialog);
    dialog.showModal();
  });
  await expect.poll(() => layoutProblems).toContain('/login: 对话框的按钮“确认提交”不在视口内');
  // Both were made on purpose: nothing else may be left for the guard.
  layoutProblems.length = 0;
  await page.evaluate(() => document.querySelector('dialog')?.remove());
});
