/**
 * Check Credentials in a real code-server against the live-check world (test/e2e/support/liveCheckWorld.ts): one
 * config.json entry per Docker outcome, each at a real listener, and the run's Ceph radosgw for storage. The tree
 * shows every outcome of the issue (ok, unauthorized, no_credentials, bucket_missing, tls_error, unreachable,
 * timeout, error), results replace those of the same target, and no secret of the world (canaries) appears in the
 * page, its console or the logs. Settings change as a user changes them: in settings.json, opened and saved in the
 * workbench. One code-server for the file; the tests run in order.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { makeTempHome, type TempHome } from '../../support/tempHome';
import { startLiveCheckWorld, type LiveCheckWorld } from '../support/liveCheckWorld';
import { packVsix, ROOT, startCodeServer, type RunningCodeServer } from './codeServer';
import {
  changeUserSettings,
  docsScreenshot,
  normalise,
  openWorkbench,
  restoreWindowTitle,
  runCommand,
  sideBar,
  statusItem,
  TYPE_AS_IS_SETTINGS,
  waitForText,
  type Browser,
} from './workbench';

let world: LiveCheckWorld;
let root: TempHome;
let server: RunningCodeServer;
let browser: Browser;
let page: Page;

const AGE = /^(just now|\d+ s ago|\d+ min ago)$/;

const changeSettings = (changes: Record<string, unknown>) =>
  changeUserSettings(page, server.userDataDir, changes);

interface LiveCheckRow {
  readonly label: string;
  /** `outcome (reason)`, without the age. */
  readonly verdict: string;
  readonly age: string;
}

/** The children of the Live checks section, in the tree's order (rows carry their index: the DOM order is not it). */
async function liveCheckRows(): Promise<LiveCheckRow[]> {
  const rows = await sideBar(page)
    .locator('.monaco-list-row')
    .evaluateAll((elements) =>
      elements.map((row) => ({
        index: Number(row.getAttribute('data-index')),
        level: Number(row.getAttribute('aria-level')),
        label: row.querySelector('.label-name')?.textContent ?? '',
        description: row.querySelector('.label-description')?.textContent ?? '',
      })),
    );
  rows.sort((a, b) => a.index - b.index);
  const start = rows.findIndex((r) => r.level === 1 && normalise(r.label) === 'Live checks');
  if (start < 0) return [];
  const children: LiveCheckRow[] = [];
  for (const row of rows.slice(start + 1)) {
    if (row.level !== 2) break;
    const [verdict, age = ''] = normalise(row.description).split(' · ');
    children.push({ label: normalise(row.label), verdict, age });
  }
  return children;
}

/** Waits until the Live checks section holds exactly `expected` (`target → outcome (reason)`, any order). */
async function waitForLiveChecks(expected: readonly string[], timeout = 60_000): Promise<void> {
  const wanted = [...expected].sort();
  const deadline = Date.now() + timeout;
  let rows: LiveCheckRow[] = [];
  let seen: string[] = [];
  while (Date.now() < deadline) {
    rows = await liveCheckRows();
    seen = rows.map((r) => `${r.label} → ${r.verdict}`).sort();
    if (JSON.stringify(seen) === JSON.stringify(wanted)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(seen).toEqual(wanted);
  for (const row of rows) expect(row.age).toMatch(AGE);
}

/** The row of a target whose description starts with `verdict` (two storage rows can share a target). */
function row(label: string, verdict: string) {
  return sideBar(page)
    .locator('.monaco-list-row')
    .filter({ has: page.locator('.label-name').getByText(label, { exact: true }) })
    .filter({ has: page.locator('.label-description', { hasText: `${verdict} · ` }) });
}

const hoverWith = (text: string) =>
  page.locator('.monaco-hover, .workbench-hover, .custom-hover').filter({ hasText: text });

/** Moves away from a hovered row and waits for its hover to go (it would cover the side bar's edge). */
async function leaveHover(): Promise<void> {
  await page.mouse.move(700, 500);
  await page.keyboard.press('Escape');
  await hoverWith('took').first().waitFor({ state: 'hidden' });
}

/**
 * Hovers a result until its tooltip shows `expected`, then leaves it; returns the tooltip. A refresh of the tree
 * (the ages move every 15 s) takes a pending hover away, so the hover is tried again.
 */
async function tooltipOf(result: Locator, expected: string | RegExp): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    await result.hover();
    try {
      const text = await waitForText(hoverWith('took'), expected, 10_000);
      await leaveHover();
      return text;
    } catch (error) {
      if (attempt === 3) throw error;
      await leaveHover();
    }
  }
}

async function clearNotifications(): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached' });
}

/** Runs Check Credentials from the palette and waits for its notification. */
async function checkFromPalette(totals: string): Promise<void> {
  await clearNotifications();
  await runCommand(page, 'Kaptain Credentials: Check Credentials');
  await waitForText(page.locator('.notifications-toasts'), `Live checks: ${totals}`);
}

/** The Docker rows of a check of every auths entry, with the TLS registry's outcome. */
function dockerRows(tls: string): string[] {
  const { docker } = world;
  return [
    `${docker.ok} → ok (authenticated)`,
    `${docker.unauthorized} → unauthorized (bad_credentials)`,
    `${docker.tls} → ${tls}`,
    `${docker.noCredentials} → no_credentials (no_entry)`,
    `${docker.unreachable} → unreachable (connection_refused)`,
    `${docker.timeout} → timeout`,
  ];
}

const bucketUri = (bucket: string) => `s3://${bucket}/models`;
const storageTarget = (endpoint: string, bucket: string) => `${endpoint}/${bucket}`;

beforeAll(async () => {
  world = await startLiveCheckWorld();
  root = makeTempHome('kc-vscode-check-e2e-');
  const home = root.mkdir('home');
  root.write('home/.docker/config.json', world.dockerConfig, 0o600);
  const workspace = root.mkdir('workspace');
  const vsix = path.join(root.dir, 'kaptain-credentials.vsix');
  packVsix(vsix);
  // No image setting: the check covers every auths entry.
  const settings = {
    ...TYPE_AS_IS_SETTINGS,
    'kaptainCredentials.check.minioEndpoint': world.storage.endpoint,
    'kaptainCredentials.check.storageUri': bucketUri(world.storage.bucket),
    'kaptainCredentials.check.timeoutSeconds': 2,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.panel.opensMaximized': 'never',
  };
  server = await startCodeServer({ dir: root.dir, home, workspace, env: world.env, vsix, settings });
  browser = await openWorkbench(
    `${server.url}/?folder=${encodeURIComponent(workspace)}`,
    path.join(root.dir, 'chromium'),
  );
  page = browser.page;
}, 175_000);

afterAll(async () => {
  await browser?.context.close().catch(() => undefined);
  await server?.stop();
  await world?.stop();
  root?.remove();
});

test('nothing is checked until asked: the view has no Live checks section', async () => {
  await waitForText(statusItem(page).first(), 'Kaptain: ready', 90_000);
  await statusItem(page).first().click();
  const text = await waitForText(sideBar(page), 'Config.default() is ready');
  expect(text).toContain('image: not set');
  expect(text).not.toContain('Live checks');
});

test('Check Credentials: every auths entry gives its outcome, MinIO with its keys ok', async () => {
  await checkFromPalette('7 checks, 2 passed, 5 failed');
  await waitForLiveChecks([
    ...dockerRows('tls_error (certificate)'),
    `${storageTarget(world.storage.endpoint, world.storage.bucket)} → ok (authenticated)`,
  ]);
  await waitForText(sideBar(page), /Live checks\s*2 passed, 5 failed · (just now|\d+ s ago)/);
});

test('the tooltip of a result holds the server answer and the timing, no password', async () => {
  const text = await tooltipOf(
    row(world.docker.ok, 'ok (authenticated)'),
    `registry ${world.docker.ok}: ok (authenticated)`,
  );
  expect(text).toMatch(/checked (just now|\d+ s ago), took \d+ ms/);
  for (const secret of world.canaries) expect(text).not.toContain(secret);
  await tooltipOf(
    row(world.docker.tls, 'tls_error (certificate)'),
    /DEPTH_ZERO_SELF_SIGNED_CERT[\s\S]*Fix: /,
  );
});

test('with the registry CA in ~/.tls the TLS registry is ok; a missing bucket is bucket_missing', async () => {
  root.write('home/.tls/certificate.crt', world.tlsCertificatePem);
  await changeSettings({ 'kaptainCredentials.check.storageUri': bucketUri(world.storage.missingBucket) });
  await checkFromPalette('7 checks, 2 passed, 5 failed');
  // The TLS registry's result replaces its tls_error; the bucket is another target, so both storage rows stay.
  await waitForLiveChecks([
    ...dockerRows('ok (authenticated)'),
    `${storageTarget(world.storage.endpoint, world.storage.bucket)} → ok (authenticated)`,
    `${storageTarget(world.storage.endpoint, world.storage.missingBucket)} → bucket_missing (no_such_bucket)`,
  ]);
  await waitForText(sideBar(page), /Live checks\s*3 passed, 5 failed/);
});

test('a gateway whose clock is 20 minutes ahead: error (clock_skew)', async () => {
  await changeSettings({
    'kaptainCredentials.check.minioEndpoint': world.storage.lateEndpoint,
    'kaptainCredentials.check.storageUri': bucketUri(world.storage.bucket),
  });
  await checkFromPalette('7 checks, 2 passed, 5 failed');
  await waitForLiveChecks([
    ...dockerRows('ok (authenticated)'),
    `${storageTarget(world.storage.endpoint, world.storage.bucket)} → ok (authenticated)`,
    `${storageTarget(world.storage.endpoint, world.storage.missingBucket)} → bucket_missing (no_such_bucket)`,
    `${storageTarget(world.storage.lateEndpoint, world.storage.bucket)} → error (clock_skew)`,
  ]);
  await waitForText(sideBar(page), /Live checks\s*3 passed, 6 failed/);
});

/** The rows once every storage setting has been checked: the Docker rows with the CA, and four storage rows. */
function rowsOfEveryStorageCheck(): string[] {
  const { endpoint, lateEndpoint, bucket, missingBucket } = world.storage;
  return [
    ...dockerRows('ok (authenticated)'),
    `${storageTarget(endpoint, bucket)} → ok (authenticated)`,
    `${storageTarget(endpoint, missingBucket)} → bucket_missing (no_such_bucket)`,
    `${storageTarget(lateEndpoint, bucket)} → error (clock_skew)`,
    `${storageTarget(endpoint, bucket)} → unauthorized (signature_mismatch)`,
  ];
}

test('the s3 provider with a wrong secret in ~/.aws/credentials: unauthorized (signature_mismatch)', async () => {
  root.write('home/.aws/credentials', world.wrongAwsCredentials, 0o600);
  await changeSettings({ 'kaptainCredentials.check.storageProvider': 's3' });
  await checkFromPalette('7 checks, 2 passed, 5 failed');
  // S3_ENDPOINT is the MinIO setting's endpoint: two rows with one target, told apart by their kind.
  const sameTarget = storageTarget(world.storage.endpoint, world.storage.bucket);
  await waitForLiveChecks(rowsOfEveryStorageCheck());
  await waitForText(sideBar(page), /Live checks\s*3 passed, 7 failed/);
  const text = await tooltipOf(
    row(sameTarget, 'unauthorized (signature_mismatch)'),
    `S3 ${sameTarget}: unauthorized (signature_mismatch)`,
  );
  expect(text).toContain('SignatureDoesNotMatch');
});

test('with the image on the registry whose entry has a wrong password, the inline action says unauthorized', async () => {
  const image = `${world.docker.unauthorized}/team/model:v1`;
  await restoreWindowTitle(page, server.userDataDir);
  // Point the image setting at that registry the way a user does: Check Image Credentials, then its
  // "Use as Image Setting" button.
  await clearNotifications();
  await runCommand(page, 'Kaptain Credentials: Check Image Credentials');
  await waitForText(page.locator('.quick-input-widget .quick-input-title'), 'Check image credentials');
  await page.locator('.quick-input-widget .quick-input-box input').fill(image);
  await page.keyboard.press('Enter');
  await page
    .locator('.notifications-toasts .monaco-button', { hasText: 'Use as Image Setting' })
    .first()
    .click();
  // The setting change refreshes the view to the new image.
  await waitForText(sideBar(page), `image ${image}`);
  await clearNotifications();
  const verdict = sideBar(page).locator('.monaco-list-row', { hasText: 'Config.default() is ready' }).first();
  await verdict.hover();
  await verdict.locator('.action-label[aria-label*="Check Credentials"]').click();
  await waitForText(page.locator('.notifications-toasts'), 'Live checks: 2 checks, 0 passed, 2 failed');
  // Only the image's registry and the storage were checked; the other results are kept with their ages.
  await waitForLiveChecks([...rowsOfEveryStorageCheck(), `${image} → unauthorized (bad_credentials)`]);
  await waitForText(sideBar(page), /Live checks\s*3 passed, 8 failed/);
  await tooltipOf(row(image, 'unauthorized (bad_credentials)'), /Fix: .*docker login/);
  const file = await docsScreenshot(page, ROOT, 'vscode-checks.png');
  expect(statSync(file).size).toBeGreaterThan(10_000);
});

test('no secret of the world appears in the page, its console, or code-server and extension host logs', async () => {
  const frames = await Promise.all(page.frames().map((f) => f.content().catch(() => '')));
  const logs: string[] = [server.output()];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else logs.push(readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(server.userDataDir, 'logs'));
  const everything = [...frames, ...browser.console, ...logs].join('\n');
  expect(everything).toContain('Live checks');
  expect(world.canaries).not.toHaveLength(0);
  for (const secret of world.canaries) expect(everything).not.toContain(secret);
});
