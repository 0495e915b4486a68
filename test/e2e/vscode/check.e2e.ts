/**
 * Check Credentials in a real code-server against real servers: two Debian docker-registry processes with
 * htpasswd (the scenario's config.json holds the right password for one, a wrong one for the other) and the MinIO
 * setting pointed at a closed port. The tree shows ok, unauthorized and unreachable with their ages; the
 * passwords (canaries) appear nowhere in the page, its console or the logs. One code-server for the file.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { makeTempHome, type TempHome } from '../../support/tempHome';
import { startRegistry, type RunningRegistry } from '../support/registry';
import { freePort } from '../support/serverProcesses';
import { packVsix, ROOT, startCodeServer, type RunningCodeServer } from './codeServer';
import {
  docsScreenshot,
  openWorkbench,
  runCommand,
  sideBar,
  statusItem,
  waitForText,
  type Browser,
} from './workbench';

const canary = (label: string) => `kc-canary-${label}-${randomBytes(6).toString('hex')}`;
const RIGHT_PASSWORD = canary('right');
const OTHER_PASSWORD = canary('other');
const WRONG_PASSWORD = canary('wrong');
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

let root: TempHome;
let good: RunningRegistry;
let other: RunningRegistry;
let closedPort: number;
let server: RunningCodeServer;
let browser: Browser;
let page: Page;

const imageOn = (registry: RunningRegistry) => `${registry.host}/team/model:v1`;

/** The row of the tree whose text holds both strings (the label and the description). */
function row(label: string, description: string | RegExp) {
  return sideBar(page).locator('.monaco-list-row', { hasText: label }).filter({ hasText: description });
}

beforeAll(async () => {
  root = makeTempHome('kc-vscode-check-e2e-');
  [good, other] = await Promise.all([
    startRegistry({
      dir: root.path('registry-good'),
      auth: { htpasswd: [{ user: 'tester', password: RIGHT_PASSWORD }] },
    }),
    startRegistry({
      dir: root.path('registry-other'),
      auth: { htpasswd: [{ user: 'tester', password: OTHER_PASSWORD }] },
    }),
  ]);
  closedPort = await freePort();
  const home = root.mkdir('home');
  root.write(
    'home/.docker/config.json',
    JSON.stringify({
      auths: {
        [good.host]: { auth: b64(`tester:${RIGHT_PASSWORD}`) },
        [other.host]: { auth: b64(`tester:${WRONG_PASSWORD}`) },
      },
    }),
    0o600,
  );
  const workspace = root.mkdir('workspace');
  const vsix = path.join(root.dir, 'kaptain-credentials.vsix');
  packVsix(vsix);
  const settings = {
    'kaptainCredentials.image': imageOn(good),
    'kaptainCredentials.check.minioEndpoint': `http://127.0.0.1:${closedPort}`,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.panel.opensMaximized': 'never',
  };
  server = await startCodeServer({ dir: root.dir, home, workspace, env: {}, vsix, settings });
  browser = await openWorkbench(
    `${server.url}/?folder=${encodeURIComponent(workspace)}`,
    path.join(root.dir, 'chromium'),
  );
  page = browser.page;
}, 170_000);

afterAll(async () => {
  await browser?.context.close().catch(() => undefined);
  await server?.stop();
  await Promise.all([good?.stop(), other?.stop()]);
  root?.remove();
});

test('nothing is checked until asked: the view has no Live checks section', async () => {
  await waitForText(statusItem(page).first(), 'Kaptain: ready', 90_000);
  await statusItem(page).first().click();
  const text = await waitForText(sideBar(page), 'Config.default() is ready');
  expect(text).toContain(`image ${imageOn(good)}`);
  expect(text).not.toContain('Live checks');
});

test('Check Credentials from the palette: the registry answers ok, the closed MinIO port unreachable', async () => {
  await runCommand(page, 'Kaptain Credentials: Check Credentials');
  await waitForText(sideBar(page), 'Live checks');
  await waitForText(row(imageOn(good), 'ok ('), /ok \(authenticated\) · (just now|\d+ s ago)/);
  await waitForText(
    row(`127.0.0.1:${closedPort}`, 'unreachable'),
    /unreachable \(connection_refused\) · (just now|\d+ s ago)/,
  );
  await waitForText(sideBar(page), /Live checks\s*1 passed, 1 failed/);
  await waitForText(page.locator('.notifications-toasts'), 'Live checks: 2 checks, 1 passed, 1 failed');
});

test('the tooltip of a result holds the server answer and the timing, no password', async () => {
  await row(imageOn(good), 'ok (').first().hover();
  const hover = page.locator('.monaco-hover, .workbench-hover, .custom-hover').filter({ hasText: 'took' });
  const text = await waitForText(hover, `registry ${imageOn(good)}: ok`);
  expect(text).toMatch(/checked (just now|\d+ s ago), took \d+ ms/);
  expect(text).not.toContain(RIGHT_PASSWORD);
  await page.mouse.move(700, 500);
});

test('with the image on the registry whose entry has a wrong password, the inline action says unauthorized', async () => {
  // Point the image setting at the other registry the way a user does: Check Image Credentials, then its
  // "Use as Image Setting" button.
  await runCommand(page, 'Notifications: Clear All Notifications');
  await runCommand(page, 'Kaptain Credentials: Check Image Credentials');
  await waitForText(page.locator('.quick-input-widget .quick-input-title'), 'Check image credentials');
  await page.locator('.quick-input-widget .quick-input-box input').fill(imageOn(other));
  await page.keyboard.press('Enter');
  await page
    .locator('.notifications-toasts .monaco-button', { hasText: 'Use as Image Setting' })
    .first()
    .click();
  // The setting change refreshes the view to the new image.
  await waitForText(sideBar(page), `image ${imageOn(other)}`);
  const verdict = sideBar(page).locator('.monaco-list-row', { hasText: 'Config.default() is ready' }).first();
  await verdict.hover();
  await verdict.locator('.action-label[aria-label*="Check Credentials"]').click();
  await waitForText(row(imageOn(other), 'unauthorized'), /unauthorized \(bad_credentials\)/);
  // The earlier ok result is kept, with its age.
  await waitForText(row(imageOn(good), 'ok ('), /ok \(authenticated\) · (just now|\d+ s ago|\d+ min ago)/);
  await waitForText(sideBar(page), /Live checks\s*1 passed, 2 failed/);
  await row(imageOn(other), 'unauthorized').first().hover();
  const hover = page.locator('.monaco-hover, .workbench-hover, .custom-hover').filter({ hasText: 'took' });
  await waitForText(hover, /Fix: .*docker login/);
  await page.mouse.move(700, 500);
  const file = await docsScreenshot(page, ROOT, 'vscode-checks.png');
  expect(statSync(file).size).toBeGreaterThan(10_000);
});

test('no password (right or wrong) appears in the page, its console, or code-server and extension host logs', async () => {
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
  for (const secret of [
    RIGHT_PASSWORD,
    WRONG_PASSWORD,
    OTHER_PASSWORD,
    b64(`tester:${RIGHT_PASSWORD}`),
    b64(`tester:${WRONG_PASSWORD}`),
  ]) {
    expect(everything).not.toContain(secret);
  }
});
