/** The view model: a Report to the panel's sections, the banners of every state, settings and the guard's matcher. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from '../../src/core/inspect';
import type { Snapshot } from '../../src/core/snapshot';
import { verdictOf } from '../../src/core/verdict';
import { groupFindings, panelSections } from '../../src/jupyterlab/model/sections';
import { bannerFor, shortStateText, type ProbeState } from '../../src/jupyterlab/model/state';
import { DEFAULT_SETTINGS, needsNewProbe, parseSettings } from '../../src/jupyterlab/settings';
import { isKaptainTrainingCell } from '../../src/jupyterlab/trainingCall';

const CANARY = 'kc-canary-view-3f9a';
const enc = (text: string) => new TextEncoder().encode(text);

function snapshot(files: Record<string, string>, env: Record<string, string> = {}): Snapshot {
  return {
    home: '/home/kubeflow',
    env: { HOME: '/home/kubeflow', ...env },
    files: Object.fromEntries(
      Object.entries(files).map(([p, t]) => [p, { kind: 'file' as const, bytes: enc(t) }]),
    ),
    nowMs: Date.UTC(2026, 0, 1),
  };
}

function sectionsOf(s: Snapshot, images: string[] = []) {
  const report = inspect(s, { images });
  return panelSections(report, verdictOf(report));
}

const CONFIG = JSON.stringify({
  auths: {
    'registry.example.com:5000': { auth: Buffer.from(`ml-bot:${CANARY}`).toString('base64') },
    'bad.example.com': { auth: 'not base64!' },
  },
  credsStore: 'desktop',
});

test('a ready report: verdict, registries (valid or not), credential-helper warnings, image lookup', () => {
  const s = sectionsOf(snapshot({ '/home/kubeflow/.docker/config.json': CONFIG }), [
    'registry.example.com:5000/team/m:1',
  ]);
  expect(s.verdict).toMatchObject({ ready: true, headline: 'Config.default() is ready' });
  expect(s.docker.state).toEqual({ label: 'config.json', value: 'found', tone: 'ok' });
  expect(s.docker.registries).toHaveLength(2);
  expect(s.docker.registries).toEqual(
    expect.arrayContaining([
      {
        host: 'bad.example.com',
        key: null,
        username: '(no username)',
        valid: false,
        note: 'auth is not valid',
      },
      { host: 'registry.example.com:5000', key: null, username: 'ml-bot', valid: true, note: 'password set' },
    ]),
  );
  expect(s.docker.helperWarnings.length).toBeGreaterThan(0);
  expect(s.docker.image).toEqual({
    image: 'registry.example.com:5000/team/m:1',
    tone: 'ok',
    message: 'config.json holds credentials for registry.example.com:5000 (user ml-bot)',
  });
  expect(JSON.stringify(s)).not.toContain(CANARY);
});

test('a missing config.json: the failure and its fix come first, errors first in the findings', () => {
  const s = sectionsOf(snapshot({}), ['team/model:1']);
  expect(s.verdict.ready).toBe(false);
  expect(s.verdict.headline).toBe('Model(...) will fail: config.json missing');
  expect(s.verdict.fix).toBeTruthy();
  expect(s.docker.state.tone).toBe('error');
  expect(s.docker.image?.tone).toBe('neutral');
  expect(s.findings[0].severity).toBe('error');
  expect(s.findings[0].findings.map((f) => f.code)).toContain('DOCKER_CONFIG_MISSING');
});

test('storage: the variables are shown masked, secrets only as set, providers usable or not', () => {
  const s = sectionsOf(
    snapshot(
      {
        '/home/kubeflow/.aws/credentials': `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${CANARY}\n[team]\naws_access_key_id = x\n`,
      },
      {
        AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
        AWS_SECRET_ACCESS_KEY: CANARY,
        AWS_SESSION_TOKEN: CANARY + '-token',
        S3_ENDPOINT: 'minio:9000',
      },
    ),
  );
  expect(s.storage.credentialsFile.value).toBe('found');
  expect(s.storage.profiles).toEqual(['default', 'team']);
  const rows = Object.fromEntries(s.storage.variables.map((r) => [r.label, r]));
  expect(rows.AWS_ACCESS_KEY_ID.value).toBe('AKIA…MPLE');
  expect(rows.AWS_SECRET_ACCESS_KEY.value).toBe('set (hidden)');
  expect(rows.AWS_SESSION_TOKEN.value).toBe('set (hidden)');
  expect(rows.S3_ENDPOINT).toEqual({ label: 'S3_ENDPOINT', value: 'minio:9000', tone: 'error' });
  expect(
    s.storage.providers.find((p) => p.provider === 'DefaultMinioConfigurationProvider.default()')?.usable,
  ).toBe(true);
  expect(JSON.stringify(s)).not.toContain(CANARY);
});

test('alternatives carry their snippet; no variables means an empty list', () => {
  const s = sectionsOf(
    snapshot(
      { '/home/kubeflow/.docker/config.json': '{"auths":{}}' },
      {
        AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
        AWS_SECRET_ACCESS_KEY: CANARY,
        S3_ENDPOINT: 'http://minio:9000',
      },
    ),
  );
  expect(s.alternatives.some((a) => a.snippet.includes('S3ConfigurationProvider.from_env()'))).toBe(true);
  expect(sectionsOf(snapshot({})).storage.variables).toEqual([]);
});

test('findings are grouped errors, warnings, notes, without empty groups', () => {
  const f = (severity: 'error' | 'warning' | 'info', code: string) => ({
    code,
    severity,
    subject: 's',
    message: 'm',
    fix: null,
    objects: [],
  });
  const groups = groupFindings([f('info', 'I1'), f('error', 'E1'), f('info', 'I2')]);
  expect(groups.map((g) => [g.title, g.findings.map((x) => x.code)])).toEqual([
    ['Errors', ['E1']],
    ['Notes', ['I1', 'I2']],
  ]);
});

test('every state has a banner with words, except ready; busy, dead and errors offer Retry', () => {
  const states: ProbeState[] = [
    { kind: 'idle' },
    { kind: 'starting', kernel: 'k' },
    { kind: 'probing', kernel: 'k' },
    { kind: 'busy', kernel: 'k', timeoutMs: 5000 },
    { kind: 'dead', kernel: 'k', status: 'restarting' },
    { kind: 'noPythonKernel' },
    { kind: 'noNotebook' },
    { kind: 'error', kernel: 'k', message: 'boom' },
  ];
  for (const state of states) {
    const banner = bannerFor(state, false);
    expect(banner?.title.length).toBeGreaterThan(3);
    expect(shortStateText(state)).toMatch(/^Kaptain/);
  }
  expect(bannerFor({ kind: 'ready', kernel: 'k' }, true)).toBeNull();
  expect(bannerFor({ kind: 'busy', kernel: 'k', timeoutMs: 5000 }, true)).toMatchObject({
    title: 'The kernel is busy',
    retry: true,
    detail: expect.stringContaining('last successful check'),
  });
  expect(bannerFor({ kind: 'dead', kernel: 'k', status: 'restarting' }, false)?.title).toBe(
    'The kernel is restarting',
  );
  expect(bannerFor({ kind: 'probing', kernel: 'k' }, false)?.retry).toBe(false);
});

test('settings: defaults, bad values fall back, and only the probe target needs a new probe', () => {
  expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  const s = parseSettings({
    image: ' ghcr.io/a/b ',
    probeTarget: 'active',
    probeTimeoutSeconds: 2,
    idleShutdownMinutes: -1,
    preflightGuard: 'no',
  });
  expect(s).toMatchObject({
    image: 'ghcr.io/a/b',
    probeTarget: 'active',
    probeTimeoutMs: 2000,
    idleShutdownMs: DEFAULT_SETTINGS.idleShutdownMs,
    preflightGuard: true,
  });
  expect(parseSettings({ probeTarget: 'elsewhere' }).probeTarget).toBe('dedicated');
  expect(needsNewProbe(DEFAULT_SETTINGS, s)).toBe(true);
  expect(needsNewProbe(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, image: 'x' })).toBe(false);
});

test('the defaults of schema/plugin.json are the defaults the code uses', () => {
  const schema = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'schema', 'plugin.json'), 'utf8'));
  const defaults = Object.fromEntries(
    Object.entries(schema.properties).map(([k, v]) => [k, (v as { default: unknown }).default]),
  );
  expect(parseSettings(defaults)).toEqual(DEFAULT_SETTINGS);
  expect(Object.keys(schema.properties).sort()).toEqual([
    'checkStorageProvider',
    'checkStorageUri',
    'checkTimeoutSeconds',
    'homeDir',
    'idleShutdownMinutes',
    'image',
    'minioEndpoint',
    'namePrefix',
    'namespace',
    'preflightGuard',
    'probeTarget',
    'probeTimeoutSeconds',
  ]);
});

test('the pre-flight guard matches training calls in a notebook that imports kaptain, and near misses not', () => {
  const imports = ['from kaptain.model.models import Model'];
  for (const cell of [
    'model.train(epochs=1)',
    'model.build()',
    'm.tune(trials=3)',
    'model.deploy ()',
    'x = 1\nmodel.train(\n  epochs=2)',
  ]) {
    expect(isKaptainTrainingCell(cell, imports)).toBe(true);
  }
  expect(isKaptainTrainingCell('model.train()', ['import kaptain'])).toBe(true);
  expect(isKaptainTrainingCell('model.train()', ['import torch', 'from sklearn import tree'])).toBe(false);
  expect(isKaptainTrainingCell('# model.train()', imports)).toBe(false);
  expect(isKaptainTrainingCell('model.training = True', imports)).toBe(false);
  expect(isKaptainTrainingCell('print("train")', imports)).toBe(false);
  expect(isKaptainTrainingCell('model.train()', ['import kaptainx'])).toBe(false);
});
