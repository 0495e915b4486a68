/**
 * The .vsix in a real code-server (what Kubeflow's VS Code notebooks run), driven by Debian's chromium: the view,
 * the status bar, the manifests command, lint diagnostics in the Problems panel, the refresh on a file change,
 * and no canary secret anywhere in the page, its console or code-server's logs. One code-server and one page for
 * the whole file (a workbench takes about 20 s to start); the tests run in order and build on each other.
 */
import { existsSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { packVsix, ROOT, startCodeServer, type RunningCodeServer } from './codeServer';
import { IMAGE, makeScenario, BAD_PODDEFAULTS, PRIVATE_REGISTRY, TRAIN_PY, type Scenario } from './scenario';
import {
  docsScreenshot,
  normalise,
  openWorkbench,
  runCommand,
  screenshot,
  sideBar,
  statusItem,
  waitForText,
  type Browser,
} from './workbench';

let scenario: Scenario;
let server: RunningCodeServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  scenario = makeScenario();
  const vsix = path.join(scenario.root.dir, 'kaptain-credentials.vsix');
  packVsix(vsix);
  server = await startCodeServer({
    dir: scenario.root.dir,
    home: scenario.home,
    workspace: scenario.workspace,
    env: scenario.env,
    vsix,
    settings: {
      'kaptainCredentials.image': IMAGE,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'workbench.panel.opensMaximized': 'never',
    },
  });
  browser = await openWorkbench(
    `${server.url}/?folder=${encodeURIComponent(scenario.workspace)}`,
    path.join(scenario.root.dir, 'chromium'),
  );
  page = browser.page;
}, 170_000);

afterAll(async () => {
  await browser?.context.close().catch(() => undefined);
  await server?.stop();
  scenario?.root.remove();
});

test('the status bar reads ready, with a check icon', async () => {
  const item = statusItem(page).first();
  await waitForText(item, 'Kaptain: ready', 90_000);
  expect(await item.locator('.codicon-check').count()).toBe(1);
  expect(await item.getAttribute('class')).not.toMatch(/error-kind|warning-kind/);
});

test('a click on the status bar item opens the view: verdict, registries with usernames, storage', async () => {
  await statusItem(page).first().click();
  const text = await waitForText(sideBar(page), 'Config.default() is ready');
  expect(text).toContain(PRIVATE_REGISTRY);
  expect(text).toMatch(/alice · password set/);
  expect(text).toContain(`image ${IMAGE}`);
  expect(text).toContain(`served by ${PRIVATE_REGISTRY}`);
  expect(text).toContain('~/.aws/credentials');
  expect(text).toContain('AWS_SECRET_ACCESS_KEY');
  expect(text).toContain('S3ConfigurationProvider.from_env()');
  expect(text).toContain('Findings');
  // The Hub entry is there too, under its canonical host.
  expect(text).toContain('docker.io');
  expect(text).toMatch(/bob · password set/);
});

test('a registry row has a tooltip naming its config.json entry (and nothing secret)', async () => {
  await sideBar(page).locator('.monaco-list-row', { hasText: PRIVATE_REGISTRY }).first().hover();
  const hover = page
    .locator('.monaco-hover, .workbench-hover, .custom-hover')
    .filter({ hasText: 'config.json entry' });
  const text = await waitForText(hover, `config.json entry "${PRIVATE_REGISTRY}"`);
  expect(text).toContain('username: alice');
  await page.mouse.move(700, 500);
});

test('screenshot of the view and the status bar for the docs', async () => {
  const file = await docsScreenshot(page, ROOT, 'vscode-view.png');
  expect(statSync(file).size).toBeGreaterThan(10_000);
});

test('Generate manifests opens an untitled YAML editor with Secrets and PodDefaults, and writes nothing', async () => {
  const before = readdirSync(scenario.workspace).sort();
  await runCommand(page, 'Kaptain Credentials: Generate Secret and PodDefault Manifests');
  // The sources present are checked: accept them.
  const list = page.locator('.quick-input-widget');
  await waitForText(list, 'Docker registry credentials');
  await page.keyboard.press('Enter');
  // The namespace must be a DNS-1123 label.
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await waitForText(page.locator('.quick-input-widget'), 'namespace');
  await input.fill('Team_A');
  await waitForText(page.locator('.quick-input-widget'), 'DNS-1123 label');
  await input.fill('team-a');
  await page.keyboard.press('Enter');
  const editor = page.locator('.editor-instance .view-lines').first();
  await waitForText(editor, 'kind: Secret');
  const tab = page.locator('.tabs-container .tab.active');
  expect(normalise(await tab.innerText())).toMatch(/Untitled/);
  await page.keyboard.press('Control+End');
  await waitForText(editor, 'kind: PodDefault');
  const text = normalise(await editor.innerText());
  expect(text).toMatch(/namespace: team-a/);
  expect(readdirSync(scenario.workspace).sort()).toEqual(before);
  await runCommand(page, 'View: Revert and Close Editor');
  await page
    .locator('.tabs-container .tab', { hasText: 'Untitled' })
    .waitFor({ state: 'detached', timeout: 30_000 });
});

test('a bad PodDefault file gets its findings in the Problems panel, on the lines they are about', async () => {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill('bad-poddefaults.yaml');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'bad-poddefaults.yaml' })
    .first()
    .waitFor();
  await page.keyboard.press('Enter');
  await page
    .locator('.tabs-container .tab.active', { hasText: 'bad-poddefaults.yaml' })
    .waitFor({ timeout: 30_000 });
  await runCommand(page, 'View: Focus Problems');
  const problems = page.locator('.markers-panel');
  const text = await waitForText(problems, 'PD_VOLUME_NAME_CONFLICT');
  expect(text).toContain('PD_SELECTOR_REUSED');
  expect(text).toContain('kaptain-credentials');
  // Each finding sits on the YAML node it is about: the volume conflict on a volume named docker-secret-volume,
  // the selector reuse on the selector's label.
  const fileLines = BAD_PODDEFAULTS.split('\n');
  const lineFor = (code: string) => {
    const match = new RegExp(`${code}\\)?\\s*\\[Ln (\\d+), Col \\d+\\]`).exec(text);
    if (!match) throw new Error(`${code} has no position in:\n${text}`);
    return Number(match[1]) - 1;
  };
  const volume = lineFor('PD_VOLUME_NAME_CONFLICT');
  expect(fileLines[volume]).toMatch(/- name: docker-secret-volume/);
  expect(fileLines[volume - 1]).toMatch(/^ {2}volumes:/);
  expect(fileLines[lineFor('PD_SELECTOR_REUSED')]).toMatch(/docker-config: "true"|matchLabels|selector/);
  expect(text).toMatch(/Fix: /);
});

test('Lint Manifests in the Active Editor sums up the findings of the file', async () => {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await runCommand(page, 'Kaptain Credentials: Lint Manifests in the Active Editor');
  const toast = await waitForText(
    page.locator('.notifications-toasts'),
    /Linted 2 objects: \d+ errors?, \d+ warnings?/,
  );
  expect(toast).toMatch(/Linted 2 objects: [1-9]\d* error/);
});

test('Check Image Credentials names the config.json entry and user that push the image', async () => {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await runCommand(page, 'Kaptain Credentials: Check Image Credentials');
  await waitForText(page.locator('.quick-input-widget .quick-input-title'), 'Check image credentials');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  expect(await input.inputValue()).toBe(IMAGE);
  await page.keyboard.press('Enter');
  const toast = await waitForText(page.locator('.notifications-toasts'), 'is pushed with the entry');
  expect(toast).toContain(`"${PRIVATE_REGISTRY}" of ~/.docker/config.json as alice`);
});

test('Insert Config Snippet puts the Python of an alternative into the active Python editor', async () => {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill('train.py');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'train.py' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: 'train.py' }).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Control+End');
  await runCommand(page, 'Kaptain Credentials: Insert Config Snippet');
  // Several alternatives are usable here: pick the first.
  await waitForText(page.locator('.quick-input-widget .quick-input-title'), 'Insert Config snippet');
  await page.keyboard.press('Enter');
  const editor = page.locator('.editor-instance .view-lines').first();
  const text = await waitForText(editor, 'config = Config(');
  expect(text).toContain('# Train the model with the Kaptain SDK');
  expect(text).toMatch(/storage_config_provider=S3ConfigurationProvider/);
  // Inserted, not saved: the file on disk is as it was.
  expect(readFileSync(path.join(scenario.workspace, 'train.py'), 'utf8')).toBe(TRAIN_PY);
  await runCommand(page, 'View: Revert and Close Editor');
});

test('with config.json gone, the watcher refreshes the status bar and the view to the failure', async () => {
  const moved = `${scenario.dockerConfigPath}.away`;
  renameSync(scenario.dockerConfigPath, moved);
  try {
    const item = statusItem(page).first();
    await waitForText(item, 'Kaptain: config.json missing');
    expect(await item.locator('.codicon-error').count()).toBe(1);
    expect(await item.getAttribute('class')).toMatch(/error-kind/);
    const background = await item.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toMatch(/^(rgba\(0, 0, 0, 0\)|transparent)$/);
    await statusItem(page).first().click();
    const view = await waitForText(sideBar(page), 'Model(...) will fail: config.json missing');
    expect(view).toContain('DOCKER_CONFIG_MISSING');
    // The failing verdict opens on its fix.
    await waitForText(sideBar(page).locator('.monaco-list-row[aria-level="2"]'), 'Fix: ');
    await runCommand(page, 'View: Focus Problems');
    await waitForText(page.locator('.markers-panel'), 'PD_VOLUME_NAME_CONFLICT');
    await page.mouse.move(700, 300);
    await screenshot(page, path.join(ROOT, 'build', 'screenshots', 'vscode-missing.png'));
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      await screenshot(page, path.join(ROOT, 'docs', 'img', 'vscode-missing.png'));
    }
  } finally {
    renameSync(moved, scenario.dockerConfigPath);
  }
  await waitForText(statusItem(page).first(), 'Kaptain: ready');
});

test('no canary secret appears in the page, its console, or code-server and extension host logs', async () => {
  const frames = await Promise.all(page.frames().map((f) => f.content().catch(() => '')));
  const logs: string[] = [server.output()];
  const logDir = path.join(server.userDataDir, 'logs');
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else logs.push(readFileSync(full, 'utf8'));
    }
  };
  walk(logDir);
  const everything = [...frames, ...browser.console, ...logs].join('\n');
  expect(everything).toContain('Kaptain: ready');
  for (const secret of scenario.secrets) expect(everything).not.toContain(secret);
});
