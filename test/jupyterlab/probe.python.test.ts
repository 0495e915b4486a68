/**
 * The kernel probe's Python, run by python3 directly against temporary homes: for the same home and environment
 * it must give the same Snapshot as the Node reader (src/node/readSnapshot.ts), and its expression must leave no
 * name behind. The kernel round trip itself is tested end to end (test/e2e/jupyterlab).
 */
import { spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { READ_LIMIT_BYTES } from '../../src/core/snapshot';
import { readFileState } from '../../src/node/readFileState';
import { readSnapshot } from '../../src/node/readSnapshot';
import {
  decodeProbeResult,
  missingPaths,
  toSnapshot,
  type ProbeFacts,
} from '../../src/jupyterlab/probe/protocol';
import { PROBE_PYTHON, probeExpression } from '../../src/jupyterlab/probe/pythonSource';
import { makeTempHome, type TempHome } from '../support/tempHome';

const PYTHON = process.env.PYTHON ?? 'python3';

/** Runs `collect()` in a python3 process with exactly `env`; `setup` is Python run first (e.g. to set environb). */
function collect(
  env: Record<string, string>,
  extraPaths: string[] = [],
  limit = READ_LIMIT_BYTES,
  setup = '',
): unknown {
  const script = [
    'import json, os, sys',
    setup,
    'd = {}',
    'exec(sys.stdin.read(), d)',
    'print(json.dumps(d["collect"](json.loads(sys.argv[1]), int(sys.argv[2]))))',
  ].join('\n');
  const result = spawnSync(PYTHON, ['-c', script, JSON.stringify(extraPaths), String(limit)], {
    input: PROBE_PYTHON,
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

function facts(raw: unknown): ProbeFacts {
  const outcome = decodeProbeResult(raw);
  if (outcome.kind !== 'facts') throw new Error(`no facts: ${JSON.stringify(outcome)}`);
  return outcome.facts;
}

const CANARY = 'kc-canary-6f1d2b';
let home: TempHome;
let other: TempHome;

beforeEach(() => {
  home = makeTempHome('kc-probe-');
  other = makeTempHome('kc-probe-other-');
});
afterEach(() => {
  home.remove();
  other.remove();
});

function baseEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home.dir,
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: CANARY,
    S3_ENDPOINT: 'http://minio.kubeflow:9000',
    DOCKER_CONFIG: other.dir + '/',
    MINIO_ACCESS_KEY: 'minio-access',
    MINIO_SECRET_KEY: CANARY + '-minio',
    MINIO_UNRELATED: 'not read',
    UNRELATED_TOKEN: CANARY + '-unrelated',
  };
}

test('the probe gathers the same Snapshot as the Node reader for the same home and environment', () => {
  home.write('.docker/config.json', JSON.stringify({ auths: { 'r.example.com': { auth: 'dTpw' } } }));
  const target = home.write('secret-volume/credentials', `[default]\naws_secret_access_key = ${CANARY}\n`);
  home.mkdir('.aws');
  symlinkSync(target, home.path('.aws/credentials')); // Secrets are mounted as symlinks
  home.mkdir('.tls/certificate.crt'); // a directory where a file should be
  other.write('config.json', '{"auths": {}}');
  const env = baseEnv();

  const probed = facts(collect(env));
  expect(missingPaths(probed)).toEqual([]);
  const expected = readSnapshot(env, 42);
  expect(toSnapshot(probed, 42)).toEqual(expected);
  expect(expected.files[other.path('config.json')]).toEqual(expect.objectContaining({ kind: 'file' }));
  expect(probed.env).not.toHaveProperty('UNRELATED_TOKEN');
  expect(probed.env).not.toHaveProperty('MINIO_UNRELATED');
  expect(probed.env.MINIO_SECRET_KEY).toBe(CANARY + '-minio'); // the live check signs with it
  expect(probed.env).not.toHaveProperty('PATH');
});

test('a FIFO is never read, and a missing parent directory is missing', () => {
  home.mkdir('.docker');
  expect(spawnSync('mkfifo', [home.path('.docker/config.json')]).status).toBe(0);
  home.write('.aws', 'a file where the directory should be');
  const env = { PATH: process.env.PATH ?? '/usr/bin', HOME: home.dir };
  const probed = toSnapshot(facts(collect(env)), 1);
  expect(probed.files[home.path('.docker/config.json')]).toEqual({ kind: 'not_a_file' });
  expect(probed.files[home.path('.aws/credentials')]).toEqual({ kind: 'missing' });
  expect(probed).toEqual(readSnapshot(env, 1));
});

test('over the limit the file is too_large and not read, as the Node reader says', () => {
  const file = home.write('.docker/config.json', 'x'.repeat(64));
  const env = { PATH: process.env.PATH ?? '/usr/bin', HOME: home.dir };
  const probed = facts(collect(env, [], 10));
  expect(probed.files[file]).toEqual({ kind: 'too_large', size: 64 });
  expect(probed.files[file]).toEqual(readFileState(file, 10));
  const exact = facts(collect(env, [], 64));
  expect(exact.files[file]).toEqual(readFileState(file, 64));
});

test('extra paths are read too; an empty HOME falls back to the passwd entry as Node does', () => {
  const extra = home.write('elsewhere/config.json', '{}');
  const env = { PATH: process.env.PATH ?? '/usr/bin', HOME: '' };
  const probed = facts(collect(env, [extra]));
  expect(probed.files[extra]).toEqual(readFileState(extra));
  expect(probed.home).toBe(readSnapshot(env, 0).home);
});

test('values that are not UTF-8 travel as base64 and decode as Node decodes them (U+FFFD)', () => {
  const env = { PATH: process.env.PATH ?? '/usr/bin', HOME: home.dir };
  const raw = collect(env, [], READ_LIMIT_BYTES, "os.environb[b'AWS_REGION'] = b'eu-\\xff'") as {
    env: unknown[];
  };
  expect(JSON.stringify(raw.env)).toContain('b64');
  expect(facts(raw).env.AWS_REGION).toBe('eu-\ufffd');
});

test('a home with trailing slashes gives the same paths as snapshotPaths', () => {
  home.write('.docker/config.json', '{}');
  const env = { PATH: process.env.PATH ?? '/usr/bin', HOME: home.dir + '//' };
  const probed = facts(collect(env));
  expect(missingPaths(probed)).toEqual([]);
  expect(toSnapshot(probed, 3)).toEqual(readSnapshot(env, 3));
});

/** Evaluates the user expression as IPython would (eval in the user's namespace) with a stand-in IPython.display. */
function evalExpression(expression: string, env: Record<string, string>, fakeIPython: boolean): unknown {
  const script = [
    'import json, sys, types',
    fakeIPython
      ? "m = types.ModuleType('IPython.display'); m.JSON = lambda data: {'application/json': data}; sys.modules['IPython.display'] = m"
      : "sys.modules['IPython'] = None",
    'ns = {"x": 1}',
    'before = set(ns)',
    'value = eval(sys.stdin.read(), ns)',
    'after = set(ns) - {"__builtins__"}',
    'print(json.dumps({"value": value, "added": sorted(after - before), "last": hasattr(sys, "last_value")}))',
  ].join('\n');
  const result = spawnSync(PYTHON, ['-c', script], { input: expression, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

test('the expression binds no name in the namespace it runs in and returns the JSON display object', () => {
  home.write('.docker/config.json', '{}');
  const env = { PATH: process.env.PATH ?? '/usr/bin', HOME: home.dir };
  const out = evalExpression(probeExpression([], READ_LIMIT_BYTES), env, true) as {
    value: Record<string, unknown>;
    added: string[];
    last: boolean;
  };
  expect(out.added).toEqual([]);
  expect(out.last).toBe(false);
  const probed = facts(out.value['application/json']);
  expect(probed.files[home.path('.docker/config.json')]).toEqual(expect.objectContaining({ kind: 'file' }));
});

test('without IPython the expression still returns (an error result, nothing raised)', () => {
  const env = { PATH: process.env.PATH ?? '/usr/bin', HOME: home.dir };
  const out = evalExpression(probeExpression(['/x"y\'z\\w'], 1), env, false) as {
    value: unknown;
    last: boolean;
  };
  expect(out.last).toBe(false);
  expect(decodeProbeResult(out.value)).toEqual({
    kind: 'error',
    message: expect.stringContaining('IPython'),
  });
});

test('the pod namespace path is probed (absent outside a pod)', () => {
  const env = { PATH: process.env.PATH ?? '/usr/bin', HOME: home.dir };
  const probed = facts(collect(env));
  expect(probed.namespace).toBe(null);
  expect(path.isAbsolute(probed.home)).toBe(true);
});
