/**
 * The built dist/extension.js (npm test builds it first): activation loads the engine and the reader only; the
 * YAML library and the manifests code come in chunks when a command needs them; the cluster client never.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const bundle = path.join(root, 'dist', 'extension.js');

beforeAll(() => {
  if (!existsSync(bundle)) throw new Error('dist/extension.js is missing: run `npm run build` first');
});

test('the activation bundle holds no YAML parser and no Kubernetes client', () => {
  const text = readFileSync(bundle, 'utf8');
  expect(text).not.toMatch(/parseAllDocuments|LineCounter|YAMLMap/);
  expect(text).not.toMatch(/KubeConfig|@kubernetes\/client-node/);
  // ... and it does hold the engine: a finding code inspect() raises.
  expect(text).toContain('DOCKER_CONFIG_MISSING');
});

test('activate() loads extension.js alone; Generate manifests brings its chunk and the YAML library', () => {
  const result = spawnSync(process.execPath, [path.join(root, 'bench', 'vscode.mjs'), '--probe'], {
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  const probe = JSON.parse(result.stdout) as {
    afterActivate: string[];
    afterGenerate: string[];
    status: string;
  };
  expect(probe.afterActivate).toEqual(['extension.js']);
  expect(probe.afterGenerate).toContain('vscode-manifests.js');
  expect(probe.afterGenerate.some((f) => /yaml/.test(f))).toBe(true);
  expect(probe.status).toBe('$(check) Kaptain: ready');
});
