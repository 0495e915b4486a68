/**
 * Driving JupyterLab's UI as a person would: the sidebar tab, the palette, notebook cells, the settings (as the
 * Settings Editor saves them); and the screenshots the docs show.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const PANEL = '#kaptain-credentials-panel';

export async function openPanel(page: Page): Promise<void> {
  if (await page.locator(PANEL).isVisible()) return;
  await page.locator('.lm-TabBar-tab[data-id="kaptain-credentials-panel"]').click();
  await page.locator(PANEL).waitFor({ state: 'visible' });
}

/** Waits until the panel shows a verdict whose headline contains `text`. */
export async function waitForVerdict(page: Page, text: string, timeout = 60000): Promise<string> {
  const headline = page.locator(`${PANEL} .kc-verdict-headline`, { hasText: text });
  await headline.waitFor({ timeout });
  return (await page.locator(`${PANEL} .kc-verdict`).innerText()).replace(/\s+/g, ' ');
}

export async function panelText(page: Page): Promise<string> {
  return (await page.locator(PANEL).innerText()).replace(/\s+/g, ' ');
}

/**
 * Opens the command palette, types `text`, then waits for `ready`. The modal palette closes when focus moves (a
 * notification appearing, a panel re-rendering), so an attempt that loses it is retried, as a person would open it
 * again.
 */
export async function inPalette(page: Page, text: string, ready: () => Promise<unknown>): Promise<void> {
  const input = page.locator('.lm-CommandPalette-input');
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await input.isVisible())) await page.keyboard.press('Control+Shift+C');
      await input.waitFor({ state: 'visible', timeout: 10000 });
      await input.fill(text, { timeout: 10000 });
      await ready();
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** Runs a palette command by its label. */
export async function runPaletteCommand(page: Page, label: string): Promise<void> {
  await inPalette(page, label, () =>
    page.locator('.lm-CommandPalette-item', { hasText: label }).first().click({ timeout: 10000 }),
  );
}

/** The notebook's code cells, in order. */
export function cells(page: Page) {
  return page.locator('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell');
}

export async function runCell(page: Page, index: number): Promise<void> {
  const cell = cells(page).nth(index);
  await cell.locator('.jp-InputArea-editor').click();
  await page.keyboard.press('Control+Enter');
}

export async function cellOutput(page: Page, index: number, timeout = 60000): Promise<string> {
  const output = cells(page).nth(index).locator('.jp-OutputArea-output');
  await output.first().waitFor({ timeout });
  return (await output.allInnerTexts()).join('\n');
}

/** Waits until the notebook's kernel is idle (the toolbar's kernel status). */
export async function waitForNotebookKernel(page: Page, timeout = 90000): Promise<void> {
  await page.waitForFunction(
    () => {
      const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
      const indicator = panel?.querySelector('.jp-Notebook-ExecutionIndicator, .jp-Toolbar-kernelStatus');
      const title = indicator?.getAttribute('title') ?? indicator?.getAttribute('data-status') ?? '';
      return /idle/i.test(title) || indicator?.getAttribute('data-status') === 'idle';
    },
    undefined,
    { timeout },
  );
}

/** Everything a person or a script could read: text, attributes (tooltips, labels), inputs' values. */
export async function pageContent(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = Array.from(document.querySelectorAll('input, textarea')).map(
      (e) => (e as HTMLInputElement).value,
    );
    return [document.documentElement.outerHTML, document.body.innerText, ...values].join('\n');
  });
}

/** Runs a cell and waits until its prompt shows an execution count (it has finished). */
export async function runCellToEnd(page: Page, index: number, timeout = 60000): Promise<void> {
  await runCell(page, index);
  await cells(page)
    .nth(index)
    .locator('.jp-InputPrompt', { hasText: /\[\d+\]/ })
    .waitFor({ timeout });
}

/** Runs a cell and waits until it is executing (`[*]`). */
export async function startCell(page: Page, index: number, timeout = 60000): Promise<void> {
  await runCell(page, index);
  await cells(page).nth(index).locator('.jp-InputPrompt', { hasText: '[*]' }).waitFor({ timeout });
}

export async function cellSources(page: Page): Promise<string[]> {
  return (await cells(page).locator('.cm-content').allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' '));
}

export async function statusBarItem(page: Page): Promise<string> {
  const item = page.locator('.kc-status-item');
  await item.waitFor();
  return item.innerText();
}

/** Closes the left sidebar (clicking the active tab collapses it). */
export async function collapsePanel(page: Page): Promise<void> {
  if (!(await page.locator(PANEL).isVisible())) return;
  await page.locator('.lm-TabBar-tab[data-id="kaptain-credentials-panel"]').click();
  await page.locator(PANEL).waitFor({ state: 'hidden' });
}

export async function useTheme(page: Page, theme: 'JupyterLab Light' | 'JupyterLab Dark'): Promise<void> {
  await page.locator('.lm-MenuBar-itemLabel', { hasText: 'Settings' }).click();
  await page.locator('.lm-Menu-itemLabel', { hasText: /^Theme$/ }).hover();
  await page.locator('.lm-Menu-itemLabel').getByText(theme, { exact: true }).click();
  await page.waitForSelector(`body[data-jp-theme-name="${theme}"]`, { state: 'attached' });
}

/** Brings the notebook tab to the front of the main area. */
export async function showNotebook(page: Page, name = 'train.ipynb'): Promise<void> {
  await page.locator('#jp-main-dock-panel .lm-TabBar-tab', { hasText: name }).first().click();
  await page.locator('.jp-NotebookPanel:not(.lm-mod-hidden)').waitFor();
}

/** Polls `read` until `accept` holds (jest has no expect.poll). */
export async function waitUntil<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeout = 30000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeout} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The two members of window.jupyterapp (a Lumino Application) that reach the setting registry. */
interface ExposedApp {
  /** Lumino 2.4+ keeps the plugins in a registry of their own; before that, on the application itself. */
  readonly pluginRegistry?: { readonly _services: Map<{ readonly name: string }, string> };
  readonly _services?: Map<{ readonly name: string }, string>;
  resolveRequiredService(token: unknown): Promise<unknown>;
}

interface SettingRegistry {
  set(plugin: string, key: string, value: unknown): Promise<void>;
  load(plugin: string): Promise<{ readonly composite: Record<string, unknown> }>;
}

/**
 * Changes a plugin's settings as the Settings Editor does: through the page's setting registry, which saves them
 * with the settings REST API and tells the plugin (its `changed` signal). A bare PUT to the REST API would not:
 * a running JupyterLab never re-reads it. Needs window.jupyterapp (LabApp.expose_app_in_browser, as galata uses).
 */
export async function changeSettings(
  page: Page,
  plugin: string,
  values: Readonly<Record<string, unknown>>,
): Promise<void> {
  const problem = await page.evaluate(
    async ([id, entries]) => {
      const app = (window as unknown as { jupyterapp?: ExposedApp }).jupyterapp;
      if (!app) return 'window.jupyterapp is missing: start JupyterLab with LabApp.expose_app_in_browser';
      const services = app.pluginRegistry?._services ?? app._services;
      const token = [...(services?.keys() ?? [])].find(
        (t) => t.name === '@jupyterlab/coreutils:ISettingRegistry',
      );
      if (!token) return 'the page has no ISettingRegistry';
      const registry = (await app.resolveRequiredService(token)) as SettingRegistry;
      for (const [key, value] of entries) await registry.set(id, key, value);
      const composite = (await registry.load(id)).composite;
      const differing = entries.filter(([key, value]) => composite[key] !== value).map(([key]) => key);
      return differing.length > 0 ? `the registry did not take ${differing.join(', ')}` : null;
    },
    [plugin, Object.entries(values)] as const,
  );
  if (problem) throw new Error(problem);
}

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/**
 * Saves a screenshot to build/screenshots/<name>, and to docs/img/<name> (the README's) only with
 * UPDATE_SCREENSHOTS=1, so that a test run never changes the docs by itself.
 */
export async function saveScreenshot(target: Locator, name: string): Promise<string> {
  const file = path.join(ROOT, 'build', 'screenshots', name);
  const shot = await target.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    const docs = path.join(ROOT, 'docs', 'img', name);
    mkdirSync(path.dirname(docs), { recursive: true });
    writeFileSync(docs, shot);
  }
  return file;
}
