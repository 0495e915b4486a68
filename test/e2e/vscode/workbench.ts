/** Driving the code-server workbench with Debian's chromium through playwright-core. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console messages of the page, for the canary check. */
  readonly console: string[];
}

export async function openWorkbench(url: string, profileDir: string): Promise<Browser> {
  mkdirSync(profileDir, { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const console: string[] = [];
  page.on('console', (message) => console.push(message.text()));
  page.on('pageerror', (error) => console.push(String(error)));
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  return { context, page, console };
}

/** Monaco and the workbench render spaces as U+00A0. */
export function normalise(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

export async function waitForText(
  locator: Locator,
  expected: string | RegExp,
  timeout = 60_000,
): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = normalise((await locator.allInnerTexts().catch(() => [])).join('\n'));
    if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${String(expected)}; last text:\n${last.slice(0, 4000)}`);
}

/** Runs a palette command by its full title ("Kaptain Credentials: Refresh"). */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    if (await input.isVisible().catch(() => false)) break;
    await input.waitFor({ state: 'visible', timeout: 5000 }).catch(() => undefined);
    if (await input.isVisible()) break;
  }
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
}

export function statusItem(page: Page): Locator {
  return page.locator('.statusbar-item', { hasText: 'Kaptain:' });
}

export function sideBar(page: Page): Locator {
  return page.locator('#workbench\\.parts\\.sidebar');
}

export async function screenshot(page: Page, file: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
}

/**
 * A screenshot for the docs: widens the side bar (drags its right edge) so descriptions show, then writes
 * build/screenshots/NAME, and docs/img/NAME too when UPDATE_SCREENSHOTS=1. Returns the build path.
 */
export async function docsScreenshot(page: Page, root: string, name: string): Promise<string> {
  const bar = await sideBar(page).boundingBox();
  if (bar) {
    const x = bar.x + bar.width + 1;
    const y = bar.y + bar.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 240, y, { steps: 8 });
    await page.mouse.up();
    await page.mouse.move(x + 600, y);
  }
  const file = path.join(root, 'build', 'screenshots', name);
  await screenshot(page, file);
  if (process.env.UPDATE_SCREENSHOTS === '1') await screenshot(page, path.join(root, 'docs', 'img', name));
  return file;
}
