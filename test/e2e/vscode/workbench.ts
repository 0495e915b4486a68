/** Driving the code-server workbench with Debian's chromium through playwright-core. */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchChromium, type OpenBrowser } from '../support/chromium';

/** The workbench's page, its context and its console messages (for the canary check). */
export type Browser = OpenBrowser;

export async function openWorkbench(url: string, profileDir: string): Promise<Browser> {
  const browser = await launchChromium(profileDir, { width: 1400, height: 900 });
  const { page } = browser;
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  return browser;
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

/**
 * Runs a palette command by its full title ("Kaptain Credentials: Refresh"). The palette can close again while it
 * opens (focus taken by a toast or a refreshed tree): it is opened again. A modal dialog in the way is named in
 * the error, since it makes the whole workbench inert.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  let lastError: unknown;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(`>${title}`, { timeout: 5000 });
      await row.waitFor({ timeout: 15_000 });
      await row.click({ timeout: 5000 });
      return;
    } catch (error) {
      lastError = error;
    }
  }
  const dialog = page.locator('.monaco-dialog-box');
  if (await dialog.isVisible().catch(() => false)) {
    throw new Error(`a dialog is in the way of "${title}": ${normalise(await dialog.innerText())}`);
  }
  throw lastError;
}

/**
 * Editor settings under which typed text stays as typed (no closing bracket or quote added, no re-indenting, no
 * suggestion accepted): for changeUserSettings.
 */
export const TYPE_AS_IS_SETTINGS = {
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoClosingOvertype': 'never',
  'editor.autoIndent': 'none',
  'editor.formatOnType': false,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'off',
};

const SETTINGS_MARKER = '[kc settings';
let settingsChanges = 0;

const userSettingsFile = (userDataDir: string) => path.join(userDataDir, 'User', 'settings.json');

function readUserSettings(userDataDir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(userSettingsFile(userDataDir), 'utf8')) as Record<string, unknown>;
}

/**
 * Replaces the user settings the way a user does: Preferences: Open User Settings (JSON), new content, save, then
 * waits for `applied`. (Rewriting settings.json from outside does not reach code-server 4.139's workbench: its
 * watcher sees the change, the workbench never reloads the file.) Needs TYPE_AS_IS_SETTINGS in effect; checks
 * that the file then holds exactly what was typed.
 */
async function saveUserSettings(
  page: Page,
  userDataDir: string,
  settings: Readonly<Record<string, unknown>>,
  applied: () => Promise<unknown>,
): Promise<void> {
  await runCommand(page, 'Preferences: Open User Settings (JSON)');
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(JSON.stringify(settings, null, 2));
  await page.keyboard.press('Control+S');
  await applied();
  await runCommand(page, 'View: Close All Editors');
  const saved = readUserSettings(userDataDir);
  if (JSON.stringify(saved) !== JSON.stringify(settings)) {
    throw new Error(`settings.json is not what was typed:\n${JSON.stringify(saved, null, 2)}`);
  }
}

/**
 * Merges `changes` into the user settings of a running code-server (see saveUserSettings) with a fresh
 * `window.title`: the page's title showing it means the workbench applied the file, and the extension host hears
 * of a change before any command run afterwards.
 */
export async function changeUserSettings(
  page: Page,
  userDataDir: string,
  changes: Readonly<Record<string, unknown>>,
): Promise<void> {
  const marker = `${SETTINGS_MARKER} ${++settingsChanges}]`;
  const settings = { ...readUserSettings(userDataDir), ...changes, 'window.title': marker };
  await saveUserSettings(page, userDataDir, settings, () =>
    page.waitForFunction((title) => document.title.includes(title), marker, { timeout: 60_000 }),
  );
}

/** Drops the `window.title` changeUserSettings leaves (for screenshots): the page's title loses its marker. */
export async function restoreWindowTitle(page: Page, userDataDir: string): Promise<void> {
  const settings = readUserSettings(userDataDir);
  delete settings['window.title'];
  await saveUserSettings(page, userDataDir, settings, () =>
    page.waitForFunction((marker) => !document.title.includes(marker), SETTINGS_MARKER, {
      timeout: 60_000,
    }),
  );
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
