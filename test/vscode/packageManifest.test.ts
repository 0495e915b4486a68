/** package.json's VS Code fields agree with the code: ids, settings, activation, engine and types versions. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COMMANDS, CONTEXT_STATE, VERDICT_CONTEXT, VIEW_ID } from '../../src/vscode/ids';
import { DEFAULT_MINIO_ENDPOINT, DEFAULT_STORAGE_URI, DEFAULT_TIMEOUT_MS } from '../../src/core/check/plan';
import { CHECK_DEFAULTS } from '../../src/vscode/settings';
import { readSettings } from '../../src/vscode/settings';

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8'));
const contributes = manifest.contributes;

test('the extension entry is the webpack bundle', () => {
  expect(manifest.main).toBe('./dist/extension.js');
});

test('every command is contributed under the "Kaptain Credentials" category, and nothing else', () => {
  const contributed = contributes.commands.map((c: { command: string }) => c.command).sort();
  expect(contributed).toEqual(Object.values(COMMANDS).sort());
  for (const c of contributes.commands) expect(c.category).toBe('Kaptain Credentials');
});

test('the view lives in the Kaptain activity bar container, with welcome content for nothing found', () => {
  expect(contributes.viewsContainers.activitybar[0]).toMatchObject({ id: 'kaptain', title: 'Kaptain' });
  expect(contributes.views.kaptain.map((v: { id: string }) => v.id)).toEqual([VIEW_ID]);
  const welcome = contributes.viewsWelcome.find(
    (w: { when: string }) => w.when === `${CONTEXT_STATE} == nothingFound`,
  );
  expect(welcome.view).toBe(VIEW_ID);
  expect(welcome.contents).toContain(`(command:${COMMANDS.generateManifests})`);
  expect(welcome.contents).toContain(`(command:${COMMANDS.openDocs})`);
});

test('the settings contributed are the ones read', () => {
  const keys = Object.keys(contributes.configuration.properties).map((k) =>
    k.replace(/^kaptainCredentials\./, ''),
  );
  const read: string[] = [];
  readSettings({ get: <T>(key: string) => (read.push(key), undefined as T | undefined) });
  expect(keys.sort()).toEqual(read.sort());
});

test('activation: commands and views activate implicitly; onStartupFinished for the status bar only', () => {
  expect(manifest.activationEvents).toEqual(['onStartupFinished']);
});

test('engines.vscode is ^1.99.0 and @types/vscode is pinned no newer', () => {
  expect(manifest.engines.vscode).toBe('^1.99.0');
  expect(manifest.devDependencies['@types/vscode']).toBe('1.99.1');
});

test('Check credentials: in the view title, inline on the verdict item, in the palette', () => {
  expect(contributes.menus['view/title']).toContainEqual(
    expect.objectContaining({ command: COMMANDS.checkCredentials, when: `view == ${VIEW_ID}` }),
  );
  expect(contributes.menus['view/item/context']).toContainEqual({
    command: COMMANDS.checkCredentials,
    when: `view == ${VIEW_ID} && viewItem == ${VERDICT_CONTEXT}`,
    group: 'inline',
  });
  const palette = contributes.menus.commandPalette.map((m: { command: string }) => m.command);
  expect(palette).not.toContain(COMMANDS.checkCredentials);
  expect(
    contributes.commands.find((c: { command: string }) => c.command === COMMANDS.checkCredentials).title,
  ).toBe('Check Credentials');
});

test('the check settings default to what the engine and the CLI use', () => {
  const p = contributes.configuration.properties;
  expect(p['kaptainCredentials.check.storageProvider']).toMatchObject({
    default: CHECK_DEFAULTS.storageProvider,
    enum: ['minio', 's3', 'from-env'],
  });
  expect(p['kaptainCredentials.check.storageUri'].default).toBe(DEFAULT_STORAGE_URI);
  expect(p['kaptainCredentials.check.minioEndpoint'].default).toBe(DEFAULT_MINIO_ENDPOINT);
  expect(p['kaptainCredentials.check.timeoutSeconds'].default * 1000).toBe(DEFAULT_TIMEOUT_MS);
  expect(CHECK_DEFAULTS).toEqual({
    storageProvider: 'minio',
    storageUri: DEFAULT_STORAGE_URI,
    minioEndpoint: DEFAULT_MINIO_ENDPOINT,
    timeoutMs: DEFAULT_TIMEOUT_MS,
  });
});
