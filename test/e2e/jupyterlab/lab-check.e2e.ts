/**
 * Live checks in the newest JupyterLab: a real htpasswd registry, the right and a wrong password in the scenario's
 * config.json, MinIO at a closed port. The browser cannot reach them; the kernel carries the engine's requests.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { openLab, type LabPage } from './support/browser';
import { labVersions, prepareVenv, startLab, type LabServer } from './support/labServer';
import { openPanel, PANEL, pageContent, runPaletteCommand, waitForVerdict } from './support/labUi';
import { startRegistry, type RunningRegistry } from '../support/registry';
import { makeTempHome, type TempHome } from '../../support/tempHome';

const PLUGIN = 'kaptain-credentials:plugin';
const DOCS_IMG = path.resolve(__dirname, '..', '..', '..', 'docs', 'img');
const RIGHT = 'kc-canary-check-right-61d0';
const WRONG = 'kc-canary-check-wrong-0b7e';
const USER = 'ml-bot';
const b64 = (text: string) => Buffer.from(text).toString('base64');
const FORMS = [RIGHT, WRONG, b64(`${USER}:${RIGHT}`), b64(`${USER}:${WRONG}`)];

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function expectNoCanary(text: string, where: string): void {
  for (const form of FORMS) if (text.includes(form)) throw new Error(`a password appears in ${where}`);
}

const checkRow = (lab: LabPage, target: string) =>
  lab.page.locator(`${PANEL} .kc-check`, { has: lab.page.locator('.kc-check-target', { hasText: target }) });

describe(`JupyterLab ${labVersions().newest}: live checks`, () => {
  let home: TempHome | undefined;
  let registry: RunningRegistry | undefined;
  let server: LabServer | undefined;
  let lab: LabPage | undefined;
  let minio = '';

  beforeAll(async () => {
    const venv = prepareVenv(labVersions().newest);
    home = makeTempHome('kc-e2e-check-');
    registry = await startRegistry({
      dir: home.mkdir('registry'),
      auth: { htpasswd: [{ user: USER, password: RIGHT }] },
    });
    const port = registry.port;
    home.write(
      path.join('kernel-home', '.docker', 'config.json'),
      JSON.stringify({
        auths: {
          [`127.0.0.1:${port}`]: { auth: b64(`${USER}:${RIGHT}`) },
          [`localhost:${port}`]: { auth: b64(`${USER}:${WRONG}`) },
        },
      }),
    );
    minio = `http://127.0.0.1:${await closedPort()}`;
    server = await startLab({
      venv,
      home: home.path('kernel-home'),
      env: {},
      settings: { [PLUGIN]: { minioEndpoint: minio, checkTimeoutSeconds: 5 } },
    });
    lab = await openLab(server.url);
  }, 600000);

  afterAll(async () => {
    await lab?.close();
    await server?.stop();
    await registry?.stop();
    home?.remove();
  }, 60000);

  test('Check: right password ok, wrong password unauthorized, closed MinIO port unreachable', async () => {
    const page = lab!.page;
    await openPanel(page);
    await waitForVerdict(page, '', 90000);
    expect(await page.locator(`${PANEL} .kc-check`).count()).toBe(0);
    await page.locator(PANEL).getByRole('button', { name: 'Check', exact: true }).click();
    const port = registry!.port;
    const good = checkRow(lab!, `127.0.0.1:${port}`);
    await good.waitFor({ timeout: 60000 });
    expect(await good.locator('.kc-check-outcome-code').innerText()).toBe('ok');
    expect(await checkRow(lab!, `localhost:${port}`).locator('.kc-check-outcome-code').innerText()).toBe(
      'unauthorized',
    );
    expect(await checkRow(lab!, minio).locator('.kc-check-outcome-code').innerText()).toBe('unreachable');
    expect(await good.locator('.kc-check-age').innerText()).toMatch(/just now|s ago/);
    mkdirSync(DOCS_IMG, { recursive: true });
    await page.locator(`${PANEL} .kc-section-checks`).screenshot({
      path: path.join(DOCS_IMG, 'jupyterlab-live-checks.png'),
    });
  });

  test('the palette command "Check credentials" runs the checks again', async () => {
    const page = lab!.page;
    const before = await page.locator(PANEL).getAttribute('data-kc-live-checks');
    await runPaletteCommand(page, 'Check credentials');
    await page.waitForFunction(
      ([selector, previous]) =>
        document.querySelector(selector!)?.getAttribute('data-kc-live-checks') !== previous,
      [PANEL, before],
      { timeout: 60000 },
    );
    expect(await page.locator(`${PANEL} .kc-button`, { hasText: 'Checking' }).count()).toBe(0);
    const good = checkRow(lab!, `127.0.0.1:${registry!.port}`);
    expect(await good.locator('.kc-check-outcome-code').innerText()).toBe('ok');
  });

  test('the passwords appear nowhere in the page, the console or the server log', async () => {
    const page = lab!.page;
    expectNoCanary(await pageContent(page), 'the page');
    expectNoCanary(lab!.console.join('\n'), 'the browser console');
    expectNoCanary(server!.output(), "JupyterLab's log");
    expect(await page.locator(`${PANEL} .kc-check`).count()).toBe(3);
  });
});
