/**
 * The JupyterLab face end to end, against a real JupyterLab from PyPI with the extension pip-installed, driven by
 * Debian's chromium. One suite, run on the oldest supported JupyterLab and on the newest (two *.e2e.ts files).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openLab, type LabPage } from './support/browser';
import { prepareVenv, startLab, type LabServer, type LabVenv } from './support/labServer';
import {
  cellOutput,
  cells,
  cellSources,
  collapsePanel,
  inPalette,
  openPanel,
  PANEL,
  pageContent,
  panelText,
  runCell,
  runCellToEnd,
  saveScreenshot,
  startCell,
  statusBarItem,
  showNotebook,
  useTheme,
  waitForVerdict,
  waitUntil,
} from './support/labUi';
import {
  ACCESS_KEY_ID,
  canaryForms,
  missingScenario,
  readyScenario,
  REGISTRY,
  trainingNotebook,
  type Scenario,
} from './support/scenarios';

const PLUGIN = 'kaptain-credentials:plugin';

interface Session {
  server: LabServer;
  lab: LabPage;
  scenario: Scenario;
}

async function startSession(
  venv: LabVenv,
  scenario: Scenario,
  options: { notebook?: string; settings?: Record<string, unknown> } = {},
): Promise<Session> {
  const server = await startLab({
    venv,
    home: scenario.home.dir,
    env: scenario.env,
    settings: options.settings ? { [PLUGIN]: options.settings } : undefined,
  }).catch((error: unknown) => {
    scenario.home.remove();
    throw error;
  });
  try {
    let url = server.url;
    if (options.notebook) {
      writeFileSync(path.join(server.rootDir, 'train.ipynb'), options.notebook);
      url = `${server.baseUrl}/lab/tree/train.ipynb?token=${server.token}`;
    }
    const lab = await openLab(url);
    return { server, lab, scenario };
  } catch (error) {
    await server.stop();
    scenario.home.remove();
    throw error;
  }
}

async function endSession(session: Session | undefined): Promise<void> {
  if (!session) return;
  await session.lab.close();
  await session.server.stop();
  session.scenario.home.remove();
}

function expectNoCanary(text: string, where: string): void {
  for (const canary of canaryForms()) {
    if (text.includes(canary)) throw new Error(`a canary secret appears in ${where}`);
  }
}

/** The whole panel: to build/screenshots, and to docs/img with UPDATE_SCREENSHOTS=1 (saveScreenshot). */
async function screenshot(page: Page, name: string): Promise<void> {
  // Tall enough to show the whole panel at its sidebar width.
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.locator(PANEL).evaluate((node) => (node.scrollTop = 0));
  await page.waitForFunction(
    (selector) => (document.querySelector(selector)?.clientHeight ?? 0) > 1000,
    PANEL,
  );
  await saveScreenshot(page.locator(PANEL), name);
  if (size) await page.setViewportSize(size);
}

export function labSuite(version: string, options: { screenshots: boolean }): void {
  describe(`JupyterLab ${version}`, () => {
    let venv: LabVenv;

    beforeAll(() => {
      venv = prepareVenv(version);
    }, 600000);

    describe('ready: config.json, a credentials file and the S3 variables, with canaries', () => {
      let session: Session | undefined;
      const NO_TRACE_BEFORE = 2;
      const NO_TRACE_AFTER = 3;
      const SLEEP = 4;
      beforeAll(async () => {
        session = await startSession(venv, readyScenario(), {
          notebook: trainingNotebook([
            "_kc_before = (set(get_ipython().user_ns), get_ipython().execution_count, len(get_ipython().user_ns['In']))",
            "print('names:', sorted(n for n in set(get_ipython().user_ns) - _kc_before[0] - {'_kc_before'} if not __import__('re').fullmatch(r'_i*\\d*|_+', n)), 'count:', get_ipython().execution_count - _kc_before[1], 'history:', len(get_ipython().user_ns['In']) - _kc_before[2])",
            "__import__('time').sleep(12)",
          ]),
          settings: { probeTimeoutSeconds: 2, image: `${REGISTRY}/team/mnist:1` },
        });
      }, 180000);
      afterAll(() => endSession(session), 60000);

      test('the panel shows the ready verdict, the registry, the masked key and the usable providers', async () => {
        const page = session!.lab.page;
        await openPanel(page);
        const verdict = await waitForVerdict(page, 'Config.default() is ready');
        expect(verdict).toContain('Config.default() is ready');
        const text = await panelText(page);
        expect(text).toContain(REGISTRY);
        expect(text).toContain('ml-bot');
        expect(text).toContain(`${ACCESS_KEY_ID.slice(0, 4)}…${ACCESS_KEY_ID.slice(-4)}`);
        expect(text).toContain('S3ConfigurationProvider.from_env()');
        expect(text).toContain(`config.json holds credentials for ${REGISTRY}`);
        expect(text).toMatch(/Kernel: .*dedicated probe kernel/);
        expect(await statusBarItem(page)).toBe('Kaptain: ready');
        if (options.screenshots) await screenshot(page, 'jupyterlab-panel-light.png');
      });

      test('the image field re-checks without a reload', async () => {
        const page = session!.lab.page;
        const input = page.locator('#kc-image-input');
        await input.fill('ghcr.io/team/model:2');
        await input.press('Enter');
        await page.locator(`${PANEL} .kc-image-result`, { hasText: 'no credentials for ghcr.io' }).waitFor();
        await input.fill(`${REGISTRY}/team/mnist:1`);
        await input.press('Enter');
        await page
          .locator(`${PANEL} .kc-image-result`, { hasText: `holds credentials for ${REGISTRY}` })
          .waitFor();
      });

      test('"Insert into notebook" adds a cell with S3ConfigurationProvider.from_env()', async () => {
        const page = session!.lab.page;
        const before = (
          await waitUntil(
            () => cellSources(page),
            (all) => all.length === 5,
            60000,
          )
        ).length;
        const alternative = page.locator(`${PANEL} .kc-alternative`, { hasText: 'from_env()' }).first();
        await alternative.getByRole('button', { name: 'Insert into notebook' }).click();
        const sources = await waitUntil(
          () => cellSources(page),
          (all) => all.length === before + 1,
        ).catch(async (e) => {
          throw new Error(
            `${e}\npanel: ${await panelText(page)}\nconsole: ${session!.lab.console.join('\n')}`,
          );
        });
        expect(sources[1]).toContain('S3ConfigurationProvider.from_env()');
        // Leave the notebook as it was for the tests below (the inserted cell is the active one).
        await page.locator(`${PANEL}`).click({ position: { x: 5, y: 5 } });
        await cells(page).nth(1).locator('.jp-InputPrompt').click();
        await page.keyboard.press('Escape');
        await page.keyboard.press('d');
        await page.keyboard.press('d');
        await waitUntil(
          () => cellSources(page),
          (all) => all.length === before,
        );
      });

      test('Generate manifests opens an unsaved editor with the PodDefaults; Lint reads it', async () => {
        const page = session!.lab.page;
        const filesBefore = await (await session!.server.api('/api/contents')).json();
        await page.locator(PANEL).getByRole('button', { name: 'Generate manifests' }).click();
        const editor = page.locator('.kc-manifest-editor .cm-content');
        await editor.waitFor();
        const text = (await editor.innerText()).replace(/\u00a0/g, ' ');
        expect(text).toContain('kind: PodDefault');
        expect(text).toContain('kind: Secret');
        const filesAfter = await (await session!.server.api('/api/contents')).json();
        expect(filesAfter.content.map((f: { name: string }) => f.name).sort()).toEqual(
          filesBefore.content.map((f: { name: string }) => f.name).sort(),
        );
        await openPanel(page);
        await page.locator(PANEL).getByRole('button', { name: 'Lint' }).click();
        const lint = page.locator(`${PANEL} .kc-section-lint`);
        await lint.waitFor();
        expect(await lint.innerText()).toMatch(/Linted 1 file, 6 objects/);
      });

      test('checking with the notebook kernel leaves no name, execution count or history entry', async () => {
        const page = session!.lab.page;
        await showNotebook(page);
        await openPanel(page);
        await page.locator('#kc-target-select').selectOption('active');
        await page.locator(`${PANEL} .kc-kernel`, { hasText: 'train.ipynb' }).waitFor({ timeout: 90000 });
        await waitForVerdict(page, 'Config.default() is ready', 90000);
        await runCellToEnd(page, NO_TRACE_BEFORE);
        for (let i = 0; i < 3; i++) {
          const checked = await page.locator(PANEL).getAttribute('data-kc-checks');
          await page.locator(PANEL).getByRole('button', { name: 'Refresh' }).click();
          await page.waitForFunction(
            ([selector, previous]) =>
              document.querySelector(selector!)?.getAttribute('data-kc-checks') !== previous,
            [PANEL, checked],
          );
        }
        await runCellToEnd(page, NO_TRACE_AFTER);
        expect(await cellOutput(page, NO_TRACE_AFTER)).toContain('names: [] count: 1 history: 1');
      });

      test('a busy notebook kernel shows the busy state, then recovers by itself', async () => {
        const page = session!.lab.page;
        await startCell(page, SLEEP);
        await page.locator(PANEL).getByRole('button', { name: 'Refresh' }).click();
        await page
          .locator(`${PANEL} .kc-banner`, { hasText: 'The kernel is busy' })
          .waitFor({ timeout: 30000 });
        expect(await panelText(page)).toContain('Retry');
        await page.locator(`${PANEL} .kc-banner`).waitFor({ state: 'detached', timeout: 60000 });
        await waitForVerdict(page, 'Config.default() is ready');
        await page.locator('#kc-target-select').selectOption('dedicated');
        await page
          .locator(`${PANEL} .kc-kernel`, { hasText: 'dedicated probe kernel' })
          .waitFor({ timeout: 90000 });
      });

      test('no canary secret appears in the page, the console or the server log', async () => {
        const page = session!.lab.page;
        if (options.screenshots) {
          await useTheme(page, 'JupyterLab Dark');
          await openPanel(page);
          await waitForVerdict(page, 'Config.default() is ready');
          await screenshot(page, 'jupyterlab-panel-dark.png');
          await useTheme(page, 'JupyterLab Light');
        }
        await page.locator('.kc-status-item').hover();
        expectNoCanary(await pageContent(page), 'the page');
        expectNoCanary(session!.lab.console.join('\n'), 'the browser console');
        expectNoCanary(session!.server.output(), "JupyterLab's log");
        // The check did reach the canaries' files: the panel knows the secrets are set.
        expect(await panelText(page)).toContain('set (hidden)');
      });
    });

    describe('config.json missing', () => {
      let session: Session | undefined;
      beforeAll(async () => {
        session = await startSession(venv, missingScenario(), { notebook: trainingNotebook() });
      }, 180000);
      afterAll(() => endSession(session), 60000);

      test('the verdict says Model(...) will fail and gives the fix; the status bar says why', async () => {
        const page = session!.lab.page;
        await openPanel(page);
        const verdict = await waitForVerdict(page, 'Model(...) will fail: config.json missing');
        expect(verdict).toMatch(/Fix: .+/);
        expect(await panelText(page)).toContain('DOCKER_CONFIG_MISSING');
        expect(await statusBarItem(page)).toBe('Kaptain: config.json missing');
        if (options.screenshots) await screenshot(page, 'jupyterlab-panel-missing.png');
      });

      test('a click on the status bar item opens the panel', async () => {
        const page = session!.lab.page;
        await collapsePanel(page);
        await page.locator('.kc-status-item').click();
        await page.locator(PANEL).waitFor({ state: 'visible' });
      });

      test('the palette lists the commands under "Kaptain Credentials"', async () => {
        const page = session!.lab.page;
        const expected = [
          'Open Kaptain Credentials',
          'Refresh Credential Check',
          'Generate Secret and PodDefault Manifests',
          'Insert Config Snippet into Notebook',
          'Lint Open Manifests',
          'Copy kubectl Commands',
          'Check credentials',
        ];
        // What the palette showed is read in the same instant the wait succeeds: it may close (focus lost) at any
        // moment after, taking its items out of the page.
        let shown: { labels: string[]; headers: string[] } = { labels: [], headers: [] };
        await inPalette(page, 'Kaptain', async () => {
          const handle = await page.waitForFunction(
            (wanted) => {
              const texts = (selector: string) =>
                Array.from(document.querySelectorAll(selector), (node) => node.textContent ?? '');
              const labels = texts('.lm-CommandPalette-item .lm-CommandPalette-itemLabel');
              return wanted.every((label) => labels.includes(label))
                ? { labels, headers: texts('.lm-CommandPalette-header') }
                : null;
            },
            expected,
            { timeout: 10000 },
          );
          shown = (await handle.jsonValue()) as typeof shown;
        });
        expect(shown.headers.some((header) => header.includes('Kaptain Credentials'))).toBe(true);
        for (const label of expected) {
          expect(shown.labels).toContain(label);
        }
        await page.keyboard.press('Escape');
      });

      test('running a training cell raises a notification that opens the panel', async () => {
        const page = session!.lab.page;
        await collapsePanel(page);
        await runCell(page, 1);
        const toast = page.locator('.Toastify__toast', {
          hasText: 'Model(...) will fail: config.json missing',
        });
        await toast.waitFor({ timeout: 30000 });
        await toast.getByRole('button', { name: 'Open Kaptain Credentials' }).click();
        await page.locator(PANEL).waitFor({ state: 'visible' });
      });
    });
  });
}
