import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export { expect };

const PHONE = { width: 390, height: 844 };

/**
 * Runs in every page of a guarded context. At phone width (≤ 480 px) it reports, a moment after the DOM settles:
 * a document wider than the viewport (naming the element that sticks out), and any button of an open dialog that
 * is not fully inside the viewport (a confirmation whose 确认 is cut off cannot be confirmed).
 */
function layoutObserver() {
  const report = (window as unknown as { __reportLayout?: (message: string) => void }).__reportLayout;
  if (!report) return;
  const seen = new Set<string>();
  const describe = (element: Element) => {
    const label = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 24) ?? '';
    return `<${element.tagName.toLowerCase()} class="${String(element.getAttribute('class') ?? '').slice(0, 60)}">${label}`;
  };
  const once = (message: string) => {
    if (seen.has(message)) return;
    seen.add(message);
    report(message);
  };
  const scrollsY = (element: Element, dialog: Element) => {
    for (let node: Element | null = element.parentElement; node && node !== dialog; node = node.parentElement) {
      if (/(auto|scroll)/.test(getComputedStyle(node).overflowY)) return true;
    }
    return false;
  };
  const check = () => {
    const width = window.innerWidth;
    if (width > 480) return;
    const root = document.documentElement;
    if (root.scrollWidth > width + 1) {
      const culprit = [...document.body.querySelectorAll('*')].find((element) => {
        const rect = element.getBoundingClientRect();
        return rect.width > 0 && rect.right > width + 1 && getComputedStyle(element).position !== 'fixed';
      });
      once(`${location.pathname}: 页面宽 ${root.scrollWidth}px，超出 ${width}px 视口${culprit ? `（${describe(culprit)}）` : ''}`);
    }
    for (const dialog of document.querySelectorAll('dialog[open], [role="dialog"], [role="alertdialog"]')) {
      const box = dialog.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      for (const button of dialog.querySelectorAll('button, [role="button"]')) {
        const rect = button.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) continue;
        const outsideX = rect.left < -1 || rect.right > width + 1;
        const outsideY = (rect.top < -1 || rect.bottom > window.innerHeight + 1) && !scrollsY(button, dialog);
        if (outsideX || outsideY) once(`${location.pathname}: 对话框的按钮“${button.textContent?.trim()}”不在视口内`);
      }
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(check, 250);
  };
  const start = () => {
    new MutationObserver(schedule).observe(document.documentElement, { subtree: true, childList: true, attributes: true });
    window.addEventListener('resize', schedule);
    schedule();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}

/** An id in a path or query (cuid, uuid, long number): pages that differ only by ids are one page kind. */
const ID_SEGMENT = /(?<=[/=])(c[a-z0-9]{20,}|[0-9a-f]{8}-[0-9a-f-]{27,}|\d{6,})(?=$|[/&?#])/g;
const pageKind = (path: string) => path.replace(ID_SEGMENT, ':id');

/** The pages a context showed (full loads and client-side navigations), to be opened again at phone width. */
class GuardedContext {
  readonly visited = new Set<string>();

  constructor(
    readonly context: BrowserContext,
    private readonly problems: string[],
  ) {}

  async attach() {
    await this.context.exposeBinding('__reportLayout', (_source, message: string) => this.problems.push(message));
    await this.context.addInitScript(layoutObserver);
    for (const page of this.context.pages()) this.track(page);
    this.context.on('page', (page) => this.track(page));
  }

  private track(page: Page) {
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      const url = new URL(frame.url());
      if (!url.protocol.startsWith('http') || url.pathname.startsWith('/api/')) return;
      this.visited.add(url.pathname + url.search);
    });
  }

  /** Opens every kind of page not yet checked in this run at 390 px, in this context (same sign-in), and measures it. */
  async recheckAtPhoneWidth(checked: Set<string>) {
    const pending = [...this.visited].filter((path) => !checked.has(pageKind(path)));
    if (!pending.length) return;
    const page = await this.context.newPage();
    await page.setViewportSize(PHONE);
    try {
      for (const path of pending) {
        if (checked.has(pageKind(path))) continue;
        checked.add(pageKind(path));
        const response = await page.goto(path, { waitUntil: 'load' }).catch(() => null);
        if (!response || !(response.headers()['content-type'] ?? '').includes('text/html')) continue;
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
        if (scrollWidth > innerWidth + 1) this.problems.push(`${path}: 在 390px 宽时页面宽 ${scrollWidth}px`);
      }
    } finally {
      await page.close();
    }
  }
}

/** Kinds of page already opened at phone width in this worker: each is checked once per run (the first address seen). */
const checkedPaths = new Set<string>();

async function guard(browser: Browser, context: BrowserContext, problems: string[], run: () => Promise<void>) {
  const guarded: GuardedContext[] = [];
  const attach = async (target: BrowserContext) => {
    const entry = new GuardedContext(target, problems);
    guarded.push(entry);
    await entry.attach();
    // A context the test closes itself is checked just before it goes.
    const close = target.close.bind(target);
    target.close = async (options) => {
      await entry.recheckAtPhoneWidth(checkedPaths).catch(() => undefined);
      return close(options);
    };
  };
  await attach(context);
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const created = await newContext(options);
    await attach(created);
    return created;
  };
  try {
    await run();
    for (const entry of guarded) await entry.recheckAtPhoneWidth(checkedPaths).catch(() => undefined);
  } finally {
    browser.newContext = newContext;
  }
  expect(problems, '390 px 下的版面问题（横向溢出或对话框按钮在视口外）').toEqual([]);
}

/**
 * The e2e suite's `test`: every spec imports it (lint enforces this), so every page any test shows is held to
 * the phone-width layout rules above.
 */
export const test = base.extend<{ layoutProblems: string[]; layoutGuard: void }>({
  /** What the guard found so far; a test of the guard itself reads it and empties it. */
  layoutProblems: async ({ browserName: _ }, provide) => {
    await provide([]);
  },
  layoutGuard: [
    async ({ browser, context, layoutProblems }, use) => {
      await guard(browser, context, layoutProblems, () => use());
    },
    { auto: true },
  ],
});
