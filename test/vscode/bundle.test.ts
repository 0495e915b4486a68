/**
 * The built dist/extension.js (npm test builds it first): activation loads the engine and the reader only; the
 * YAML library and the manifests code come in chunks when a command needs them; the cluster client never; the
 * live check engine (request signing, the transport) comes in its chunk with Check credentials.
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
  // No live check engine either: SigV4 signing, the registry flow, the Node transport.
  expect(text).not.toMatch(/AWS4-HMAC-SHA256|www-authenticate|WRONG_VERSION_NUMBER/i);
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

test('Check credentials loads its own chunk, which holds the check engine and the Node transport', () => {
  const text = readFileSync(bundle, 'utf8');
  // webpack's chunk loader call for the "check" chunk (webpackChunkName in extension.ts).
  expect(text).toMatch(/\.e\("check"\)/);
  const chunk = path.join(root, 'dist', 'vscode-check.js');
  expect(existsSync(chunk)).toBe(true);
  const chunkText = readFileSync(chunk, 'utf8');
  expect(chunkText).toContain('AWS4-HMAC-SHA256');
  expect(chunkText).toMatch(/www-authenticate/i);
  expect(chunkText).toContain('Checking credentials');
});
