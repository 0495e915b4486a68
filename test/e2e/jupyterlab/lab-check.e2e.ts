/**
 * Live checks in the newest JupyterLab against the live-check world (test/e2e/support/liveCheckWorld.ts): every
 * outcome, each from a real server. The browser builds and signs the requests, the kernel carries them (the servers
 * are reachable from the pod, not from the browser). Files change in the kernel's HOME (the Check probes them
 * again first); settings change through the page's setting registry, as the Settings Editor changes them.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openLab, type LabPage } from './support/browser';
import { labVersions, prepareVenv, startLab, type LabServer } from './support/labServer';
import {
  changeSettings,
  openPanel,
  PANEL,
  pageContent,
  runPaletteCommand,
  saveScreenshot,
  waitForVerdict,
} from './support/labUi';
import { startLiveCheckWorld, type LiveCheckWorld } from '../support/liveCheckWorld';
import { makeTempHome, type TempHome } from '../../support/tempHome';

const PLUGIN = 'kaptain-credentials:plugin';

interface ShownCheck {
  readonly outcome: string;
  /** As the panel shows it: the reason's words ("clock skew"). */
  readonly reason: string;
  /** The kind, with the provider for storage ("minio (…)"), from the target's tooltip. */
  readonly kind: string;
  readonly age: string;
}

/** The rows of the panel's Live checks section, by target. */
function shownChecks(page: Page): Promise<Record<string, ShownCheck>> {
  return page.locator(`${PANEL} .kc-check`).evaluateAll((rows) =>
    Object.fromEntries(
      rows.map((row) => {
        const text = (selector: string) => row.querySelector(selector)?.textContent?.trim() ?? '';
        const outcome = text('.kc-check-outcome-code');
        return [
          text('.kc-check-target'),
          {
            outcome,
            reason: text('.kc-check-outcome').slice(outcome.length).trim(),
            kind: row.querySelector('.kc-check-target')?.getAttribute('title') ?? '',
            age: text('.kc-check-age'),
          },
        ];
      }),
    ),
  );
}

/**
 * Starts a check (`start`: the Check button, or the palette command) and waits until the panel counts one more
 * finished run; returns its rows. A run that ended with a message instead of results fails here, with the message.
 */
async function checkWith(page: Page, start: () => Promise<void>): Promise<Record<string, ShownCheck>> {
  const before = Number((await page.locator(PANEL).getAttribute('data-kc-live-checks')) ?? '0');
  await start();
  await page.waitForFunction(
    ([selector, previous]) =>
      Number(document.querySelector(selector)?.getAttribute('data-kc-live-checks') ?? '0') > previous,
    [PANEL, before] as const,
    { timeout: 120000 },
  );
  const message = page.locator(`${PANEL} .kc-section-checks .kc-warning-line`);
  if ((await message.count()) > 0) throw new Error(`the check ended with: ${await message.innerText()}`);
  return shownChecks(page);
}

const clickCheck = (page: Page) => () =>
  page.locator(PANEL).getByRole('button', { name: 'Check', exact: true }).click();

const outcomes = (shown: Record<string, ShownCheck>, targets: readonly string[]) =>
  Object.fromEntries(targets.map((target) => [target, shown[target]?.outcome]));

describe(`JupyterLab ${labVersions().newest}: live checks against a server per outcome`, () => {
  let world: LiveCheckWorld | undefined;
  let home: TempHome | undefined;
  let server: LabServer | undefined;
  let lab: LabPage | undefined;
  /** The kernel's HOME: the files the probe reads. */
  const kernelFile = (relative: string, content: string, mode?: number) =>
    home!.write(path.join('kernel-home', relative), content, mode);
  const page = () => lab!.page;
  const minioTarget = (endpoint: string, bucket: string) => `${endpoint}/${bucket}`;
  /** Every auths entry's target, and the outcome it gives without a CA for the TLS registry. */
  const dockerOutcomes = () => ({
    [world!.docker.ok]: 'ok',
    [world!.docker.unauthorized]: 'unauthorized',
    [world!.docker.tls]: 'tls_error',
    [world!.docker.noCredentials]: 'no_credentials',
    [world!.docker.unreachable]: 'unreachable',
    [world!.docker.timeout]: 'timeout',
  });

  beforeAll(async () => {
    const venv = prepareVenv(labVersions().newest);
    world = await startLiveCheckWorld();
    home = makeTempHome('kc-e2e-check-');
    kernelFile('.docker/config.json', world.dockerConfig, 0o600);
    server = await startLab({
      venv,
      home: home.path('kernel-home'),
      env: world.env,
      exposeApp: true, // window.jupyterapp, for changeSettings
      settings: {
        [PLUGIN]: {
          minioEndpoint: world.storage.endpoint,
          checkStorageUri: `s3://${world.storage.bucket}/models`,
          checkTimeoutSeconds: 2,
        },
      },
    });
    lab = await openLab(server.url);
  }, 600000);

  afterAll(async () => {
    await lab?.close();
    await server?.stop();
    await world?.stop();
    home?.remove();
  }, 60000);

  test('nothing is checked until asked; Check gives each auths entry its outcome, and MinIO ok with its keys', async () => {
    await openPanel(page());
    await waitForVerdict(page(), '', 90000);
    expect(await page().locator(`${PANEL} .kc-check`).count()).toBe(0);
    const shown = await checkWith(page(), async () => {
      await clickCheck(page())();
      // Rows appear one by one while the kernel carries the checks: the silent registry holds the run 2 s with
      // the rows before it already shown.
      await page().waitForFunction(
        (selector) => {
          const panel = document.querySelector(selector);
          const rows = panel?.querySelectorAll('.kc-check').length ?? 0;
          const buttons = Array.from(panel?.querySelectorAll('.kc-button') ?? []);
          return rows > 0 && rows < 7 && buttons.some((b) => (b.textContent ?? '').includes('Checking'));
        },
        PANEL,
        { timeout: 60000 },
      );
    });
    expect(outcomes(shown, Object.keys(dockerOutcomes()))).toEqual(dockerOutcomes());
    // Signed with the kernel's MINIO_ACCESS_KEY/MINIO_SECRET_KEY: authenticated, not reachable only.
    expect(shown[minioTarget(world!.storage.endpoint, world!.storage.bucket)]).toMatchObject({
      outcome: 'ok',
      reason: 'authenticated',
      kind: 'minio (DefaultMinioConfigurationProvider.default())',
    });
    expect(Object.keys(shown)).toHaveLength(7);
    for (const row of Object.values(shown)) expect(row.age).toMatch(/^(just now|\d+ s ago)$/);
    await saveScreenshot(page().locator(`${PANEL} .kc-section-checks`), 'jupyterlab-live-checks.png');
  });

  test('the palette command "Check credentials" runs the checks again', async () => {
    const shown = await checkWith(page(), () => runPaletteCommand(page(), 'Check credentials'));
    expect(await page().locator(`${PANEL} .kc-button`, { hasText: 'Checking' }).count()).toBe(0);
    expect(outcomes(shown, Object.keys(dockerOutcomes()))).toEqual(dockerOutcomes());
    expect(shown[minioTarget(world!.storage.endpoint, world!.storage.bucket)]?.outcome).toBe('ok');
  });

  test('the registry certificate in ~/.tls makes the TLS registry ok; a bucket that does not exist is bucket_missing', async () => {
    kernelFile('.tls/certificate.crt', world!.tlsCertificatePem);
    await changeSettings(page(), PLUGIN, { checkStorageUri: `s3://${world!.storage.missingBucket}/models` });
    const shown = await checkWith(page(), clickCheck(page()));
    expect(outcomes(shown, Object.keys(dockerOutcomes()))).toEqual({
      ...dockerOutcomes(),
      [world!.docker.tls]: 'ok',
    });
    expect(shown[minioTarget(world!.storage.endpoint, world!.storage.missingBucket)]).toMatchObject({
      outcome: 'bucket_missing',
      reason: 'no such bucket',
    });
  });

  test('a MinIO whose clock is 20 minutes ahead is an error: clock skew', async () => {
    await changeSettings(page(), PLUGIN, {
      minioEndpoint: world!.storage.lateEndpoint,
      checkStorageUri: `s3://${world!.storage.bucket}/models`,
    });
    const shown = await checkWith(page(), clickCheck(page()));
    expect(shown[minioTarget(world!.storage.lateEndpoint, world!.storage.bucket)]).toMatchObject({
      outcome: 'error',
      reason: 'clock skew',
    });
  });

  test('the s3 provider with a wrong secret in ~/.aws/credentials is unauthorized', async () => {
    kernelFile('.aws/credentials', world!.wrongAwsCredentials, 0o600);
    await changeSettings(page(), PLUGIN, { checkStorageProvider: 's3' });
    const shown = await checkWith(page(), clickCheck(page()));
    // S3_ENDPOINT (the world's environment) names the plain gateway.
    expect(shown[minioTarget(world!.storage.endpoint, world!.storage.bucket)]).toMatchObject({
      outcome: 'unauthorized',
      reason: 'signature mismatch',
      kind: 's3 (S3ConfigurationProvider.default())',
    });
    expect(Object.keys(shown)).toHaveLength(7);
  });

  test("no secret of the world appears in the page, the console or JupyterLab's log", async () => {
    const where = {
      'the page': await pageContent(page()),
      'the browser console': lab!.console.join('\n'),
      "JupyterLab's log": server!.output(),
    };
    // Which canaries leaked, by index: a failure must not print them either.
    for (const [place, text] of Object.entries(where)) {
      const leaked = world!.canaries.flatMap((canary, index) => (text.includes(canary) ? [index] : []));
      expect([place, leaked]).toEqual([place, []]);
    }
    // The checks did use the secrets: a rejected wrong password and a signed MinIO say so above.
    expect(await page().locator(`${PANEL} .kc-check`).count()).toBe(7);
  });
});
