/** activate() against the stub, on a real temporary home: status bar, view, commands, watchers, refresh. */
jest.mock('vscode', () => jest.requireActual('./vscodeStub').createVscodeStub(), { virtual: true });

import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { activate } from '../../src/vscode/extension';
import { COMMANDS, VIEW_ID } from '../../src/vscode/ids';
import type { TreeNode } from '../../src/vscode/treeModel';
import { makeTempHome, type TempHome } from '../support/tempHome';
import { CANARY, DOCKER_CONFIG, secretsIn } from './fixtures';
import type { StubRecord } from './vscodeStub';

const record = (vscode as unknown as { __record: StubRecord }).__record;
let home: TempHome;
const savedEnv = { ...process.env };

beforeAll(() => {
  home = makeTempHome();
  home.write('.docker/config.json', DOCKER_CONFIG);
  home.write(
    '.aws/credentials',
    `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${CANARY.aws}\n`,
  );
  for (const name of Object.keys(process.env))
    if (/^(AWS_|S3_|DOCKER_CONFIG)/.test(name)) delete process.env[name];
  process.env.HOME = home.dir;
  process.env.AWS_SECRET_ACCESS_KEY = CANARY.env;
  process.env.AWS_ACCESS_KEY_ID = 'AKIAI44QH8DHBEXAMPLE';
  const subscriptions: { dispose(): void }[] = [];
  activate({ subscriptions, extensionUri: vscode.Uri.file('/ext') } as unknown as vscode.ExtensionContext);
});

afterAll(() => {
  process.env = savedEnv;
  home.remove();
});

interface Provider {
  getChildren(node?: TreeNode): TreeNode[];
  onDidChangeTreeData: (l: () => void) => { dispose(): void };
}
const provider = () => record.treeViews[0].options.treeDataProvider as Provider;

test('registers the view and every palette command', () => {
  expect(record.treeViews.map((v) => v.id)).toEqual([VIEW_ID]);
  for (const id of Object.values(COMMANDS)) expect(record.commands.has(id)).toBe(true);
});

test('the status bar shows the verdict and focuses the view when clicked', () => {
  const item = record.statusBarItems[0];
  expect(item.text).toMatch(/^\$\((check|warning)\) Kaptain: ready/);
  expect(item.visible).toBe(true);
  expect(item.command).toBe(COMMANDS.showView);
  expect(record.executed).toContainEqual({
    command: 'setContext',
    args: ['kaptainCredentials.state', 'found'],
  });
});

test('the tree shows the verdict, and no secret anywhere', () => {
  const roots = provider().getChildren();
  expect(roots[0].label).toBe('Config.default() is ready');
  const docker = provider().getChildren(roots[1]);
  expect(docker.map((n) => n.label)).toContain('registry.example.com:5000');
  expect(secretsIn(roots)).toEqual([]);
  expect(JSON.stringify(record.statusBarItems)).not.toContain(CANARY.env);
});

test('watchers are on the files; a change refreshes the view model after the delay', async () => {
  const dirs = record.watchers.map((w) => w.pattern.base.path);
  expect(dirs).toContain(`${home.dir}/.docker`);
  expect(dirs).toContain(`${home.dir}/.aws`);
  const changed = new Promise<void>((resolve) => provider().onDidChangeTreeData(() => resolve()));
  rmSync(home.path('.docker/config.json'));
  record.watchers.find((w) => w.pattern.base.path === `${home.dir}/.docker`)!.fire('delete');
  await changed;
  expect(provider().getChildren()[0].label).toBe('Model(...) will fail: config.json missing');
  expect(record.statusBarItems[0].text).toBe('$(error) Kaptain: config.json missing');
  expect(record.statusBarItems[0].backgroundColor?.id).toBe('statusBarItem.errorBackground');
});

test('the status bar setting hides the item on refresh', async () => {
  record.settings['statusBar.enabled'] = false;
  await record.commands.get(COMMANDS.refresh)!();
  expect(record.statusBarItems[0].visible).toBe(false);
  record.settings['statusBar.enabled'] = true;
  await record.commands.get(COMMANDS.refresh)!();
  expect(record.statusBarItems[0].visible).toBe(true);
});

test('check image reports which entry serves the image, without asking when given one', async () => {
  home.write('.docker/config.json', DOCKER_CONFIG);
  await record.commands.get(COMMANDS.checkImage)!('registry.example.com:5000/team/model');
  expect(record.messages.at(-1)).toEqual({
    kind: 'info',
    text: 'registry.example.com:5000/team/model is pushed with the entry "registry.example.com:5000" of ~/.docker/config.json as alice.',
  });
});
