/**
 * The panel's live checks: the browser planning on a probe's Snapshot, the kernel transport through a fake kernel
 * that evaluates the real user expression in python3 (as ipykernel does), the rows the panel renders, their age
 * and their five minutes. No password, token or signed header may reach a row.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import type { CheckResult } from '../../src/core/check/types';
import type { Snapshot } from '../../src/core/snapshot';
import { planBrowserChecks, runBrowserChecks } from '../../src/jupyterlab/check/browserChecks';
import { checkRows, toneOf } from '../../src/jupyterlab/check/checkRows';
import {
  CHECK_EXPRESSION_KEY,
  decodeCheckReply,
  kernelCheckTransport,
} from '../../src/jupyterlab/check/kernelCheckTransport';
import { LiveCheckStore } from '../../src/jupyterlab/check/liveCheckStore';
import type { ProbeKernel, SilentExecuteContent } from '../../src/jupyterlab/probe/runProbe';
import { DEFAULT_SETTINGS, parseSettings, type PanelSettings } from '../../src/jupyterlab/settings';
import { freePort } from '../support/freePort';

const RIGHT = 'kc-canary-right-pass-7d21';
const WRONG = 'kc-canary-wrong-pass-5e88';
const USER = 'trainer';
const b64 = (text: string) => Buffer.from(text).toString('base64');

/** python3 with a stand-in for IPython.display.JSON: the expression itself is the one the panel sends. */
const SHIM = [
  'import json, sys, types',
  "ipy = types.ModuleType('IPython'); disp = types.ModuleType('IPython.display')",
  'class JSON:',
  '    def __init__(self, data): self.data = data',
  'disp.JSON = JSON; ipy.display = disp',
  "sys.modules['IPython'] = ipy; sys.modules['IPython.display'] = disp",
  'print(json.dumps(eval(sys.stdin.read()).data))',
].join('\n');

function evalInPython(expression: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-c', SHIM], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(err))));
    child.stdin.end(expression);
  });
}

class PythonKernel implements ProbeKernel {
  readonly label = 'fake python3';
  readonly requests: SilentExecuteContent[] = [];
  async execute(content: SilentExecuteContent): Promise<unknown> {
    this.requests.push(content);
    const answer = await evalInPython(content.user_expressions[CHECK_EXPRESSION_KEY]);
    return {
      status: 'ok',
      user_expressions: { [CHECK_EXPRESSION_KEY]: { status: 'ok', data: { 'application/json': answer } } },
    };
  }
}

/** As ipykernel: one execute at a time, the next waiting until the one before has answered. */
class SerialPythonKernel extends PythonKernel {
  #queue: Promise<unknown> = Promise.resolve();
  override execute(content: SilentExecuteContent): Promise<unknown> {
    const turn = this.#queue.then(() => super.execute(content));
    this.#queue = turn.catch(() => undefined);
    return turn;
  }
}

/** A registry that takes Basic credentials: the right password is 200, anything else 401. */
let registry: Server;
let port = 0;
let closedPort = 0;
beforeAll(async () => {
  registry = createServer((req, res) => {
    const ok = req.headers.authorization === `Basic ${b64(`${USER}:${RIGHT}`)}`;
    res.setHeader('Docker-Distribution-API-Version', 'registry/2.0');
    if (!ok) res.setHeader('WWW-Authenticate', 'Basic realm="Registry Realm"');
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(ok ? '{}' : '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}');
  });
  await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
  port = (registry.address() as AddressInfo).port;
  closedPort = await freePort();
});
afterAll(() => new Promise((resolve) => registry.close(resolve)));

function snapshotWith(auths: Record<string, string>): Snapshot {
  const config = {
    auths: Object.fromEntries(
      Object.entries(auths).map(([host, pw]) => [host, { auth: b64(`${USER}:${pw}`) }]),
    ),
  };
  return {
    home: '/home/jovyan',
    env: { HOME: '/home/jovyan' },
    files: {
      '/home/jovyan/.docker/config.json': {
        kind: 'file',
        bytes: new TextEncoder().encode(JSON.stringify(config)),
      },
      '/home/jovyan/.aws/credentials': { kind: 'missing' },
      '/home/jovyan/.tls/certificate.crt': { kind: 'missing' },
    },
    nowMs: Date.now(),
  };
}

const settings = (over: Partial<PanelSettings> = {}): PanelSettings => ({
  ...DEFAULT_SETTINGS,
  minioEndpoint: `http://127.0.0.1:${closedPort}`,
  checkTimeoutMs: 4000,
  ...over,
});

describe('settings of the live checks', () => {
  test('defaults: minio, s3://kaptain/models, http://minio.kubeflow, 5 s', () => {
    expect(parseSettings({})).toMatchObject({
      checkStorageProvider: 'minio',
      checkStorageUri: 's3://kaptain/models',
      minioEndpoint: 'http://minio.kubeflow',
      checkTimeoutMs: 5000,
    });
  });
  test('from-env is the engine`s env; bad values fall back', () => {
    expect(parseSettings({ checkStorageProvider: 'from-env' }).checkStorageProvider).toBe('env');
    expect(parseSettings({ checkStorageProvider: 's3' }).checkStorageProvider).toBe('s3');
    expect(parseSettings({ checkStorageProvider: 'gcs' }).checkStorageProvider).toBe('minio');
    expect(parseSettings({ checkTimeoutSeconds: -1 }).checkTimeoutMs).toBe(5000);
    expect(parseSettings({ checkTimeoutSeconds: 2 }).checkTimeoutMs).toBe(2000);
    expect(parseSettings({ minioEndpoint: '  ' }).minioEndpoint).toBe('http://minio.kubeflow');
  });
});

describe('browser planning', () => {
  test('the image setting picks its registry; storage follows the provider setting', () => {
    const plans = planBrowserChecks(snapshotWith({ [`127.0.0.1:${port}`]: RIGHT }), {
      ...settings(),
      image: `127.0.0.1:${port}/team/model:1`,
    });
    expect(plans.map((p) => [p.kind, p.target])).toEqual([
      ['docker', `127.0.0.1:${port}/team/model:1`],
      ['minio', `http://127.0.0.1:${closedPort}/kaptain`],
    ]);
  });
  test('without an image: every auths entry', () => {
    const plans = planBrowserChecks(
      snapshotWith({ 'a.example.com': RIGHT, 'b.example.com': WRONG }),
      settings(),
    );
    expect(plans.filter((p) => p.kind === 'docker').map((p) => p.target)).toEqual([
      'a.example.com',
      'b.example.com',
    ]);
  });
  test('from-env without keys: no_credentials, decided without contacting anything', async () => {
    const kernel = new PythonKernel();
    const results = await runBrowserChecks(
      snapshotWith({}),
      { ...settings(), checkStorageProvider: 'env' },
      kernel,
    );
    const storage = results.find((r) => r.kind === 's3');
    expect(storage).toMatchObject({ outcome: 'no_credentials', reason: 'no_keys' });
  });
});

describe('checks through the kernel transport', () => {
  let results: CheckResult[];
  let kernel: PythonKernel;
  beforeAll(async () => {
    kernel = new PythonKernel();
    results = await runBrowserChecks(
      snapshotWith({ [`127.0.0.1:${port}`]: RIGHT, [`localhost:${port}`]: WRONG }),
      settings(),
      kernel,
    );
  }, 60000);

  test('right password: ok; wrong: unauthorized; closed MinIO port: unreachable', () => {
    expect(results.map((r) => [r.target, r.outcome])).toEqual([
      [`127.0.0.1:${port}`, 'ok'],
      [`localhost:${port}`, 'unauthorized'],
      [`http://127.0.0.1:${closedPort}/kaptain`, 'unreachable'],
    ]);
  });

  test('every request was a silent execute that leaves no history', () => {
    expect(kernel.requests.length).toBeGreaterThan(0);
    for (const r of kernel.requests) {
      expect(r).toMatchObject({ code: '', silent: true, store_history: false, allow_stdin: false });
    }
  });

  test('no password, auth value or Authorization header reaches the results or the rows', () => {
    const rows = checkRows(
      results.map((result) => ({ result, atMs: 0 })),
      1000,
    );
    const text = JSON.stringify([results, rows]);
    for (const secret of [
      RIGHT,
      WRONG,
      b64(`${USER}:${RIGHT}`),
      b64(`${USER}:${WRONG}`),
      '"authorization"',
    ]) {
      expect(text).not.toContain(secret);
    }
    // The right password did travel (the registry said 200): the guard above is not vacuous.
    expect(results[0].outcome).toBe('ok');
  });
});

describe('a kernel that runs one execute at a time', () => {
  test('a silent server spends its own time budget, not that of the checks queued behind it', async () => {
    const sockets: Socket[] = [];
    const silent = createTcpServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as AddressInfo).port;
    try {
      // The silent entry comes first, so every other check waits behind its whole timeout; the right password
      // then needs two round trips (the 401 challenge, then the credentials).
      const heard: string[] = [];
      const results = await runBrowserChecks(
        snapshotWith({ [`127.0.0.1:${silentPort}`]: RIGHT, [`127.0.0.1:${port}`]: RIGHT }),
        settings({ checkTimeoutMs: 1500 }),
        new SerialPythonKernel(),
        (result) => heard.push(result.target),
      );
      // Each result was reported as it ended, in order (the panel shows rows one by one).
      expect(heard).toEqual(results.map((r) => r.target));
      expect(results.map((r) => [r.target, r.outcome])).toEqual([
        [`127.0.0.1:${silentPort}`, 'timeout'],
        [`127.0.0.1:${port}`, 'ok'],
        [`http://127.0.0.1:${closedPort}/kaptain`, 'unreachable'],
      ]);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 60000);
});

describe('the kernel reply', () => {
  test('aborted, missing and failing expressions are error failures, never throws', () => {
    expect(decodeCheckReply({ status: 'aborted' }, 10)).toMatchObject({
      failure: 'error',
      code: 'KERNEL_ABORTED',
    });
    expect(decodeCheckReply(null, 10)).toMatchObject({ failure: 'error' });
    expect(decodeCheckReply({ status: 'ok', user_expressions: {} }, 10)).toMatchObject({ failure: 'error' });
    expect(
      decodeCheckReply(
        {
          status: 'ok',
          user_expressions: { [CHECK_EXPRESSION_KEY]: { status: 'error', ename: 'NameError' } },
        },
        10,
      ),
    ).toMatchObject({ failure: 'error', code: 'KERNEL_NAMEERROR' });
  });
  test('a kernel that dies mid-request is a failure, not a throw', async () => {
    const send = kernelCheckTransport({ label: 'x', execute: () => Promise.reject(new Error('dead')) });
    await expect(
      send({
        method: 'GET',
        url: 'http://x/',
        headers: {},
        body: null,
        timeoutMs: 1,
        caPem: null,
        maxBodyBytes: 1,
      }),
    ).resolves.toEqual({ kind: 'failure', failure: 'error', code: 'KERNEL_GONE' });
  });
});

describe('rows and their age', () => {
  const result = (outcome: CheckResult['outcome'], target = 'r.example.com'): CheckResult => ({
    target,
    kind: 'docker',
    outcome,
    reason: outcome === 'ok' ? 'authenticated' : 'bad_credentials',
    detail: 'HTTP 401',
    ms: 3,
  });

  test('tones: ok is ok, unreachable and timeout warn, the rest are errors', () => {
    expect(toneOf('ok')).toBe('ok');
    expect(toneOf('unreachable')).toBe('warning');
    expect(toneOf('timeout')).toBe('warning');
    expect(toneOf('unauthorized')).toBe('error');
  });

  test('a row says target, outcome, reason in words, detail and age', () => {
    const [row] = checkRows([{ result: result('unauthorized'), atMs: 0 }], 150_000);
    expect(row).toMatchObject({
      target: 'r.example.com',
      outcome: 'unauthorized',
      reason: 'bad credentials',
      detail: 'HTTP 401',
      age: '2 min ago',
      tone: 'error',
    });
  });

  test('the store keeps results five minutes, ages them, and runs one check at a time', async () => {
    let now = 1_000_000;
    const store = new LiveCheckStore(() => now);
    let calls = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = store.run(async () => {
      calls++;
      await gate;
      return [result('ok')];
    });
    expect(store.view().running).toBe(true);
    await store.run(async () => {
      calls++;
      return [];
    });
    release();
    await first;
    expect(calls).toBe(1);
    expect(store.runs).toBe(1);
    expect(store.view().rows.map((r) => [r.outcome, r.age])).toEqual([['ok', 'just now']]);
    now += 3 * 60_000;
    expect(store.view().rows[0].age).toBe('3 min ago');
    now += 2 * 60_000 + 1;
    expect(store.view().rows).toEqual([]);
  });

  test("reported results show while the check still runs, and replace the last run's rows", async () => {
    const store = new LiveCheckStore(() => 0);
    await store.run(async () => [result('ok', 'old.example.com')]);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = result('unauthorized', 'a.example.com');
    const second = result('ok', 'b.example.com');
    const running = store.run(async (report) => {
      report(first);
      await gate;
      return [first, second];
    });
    expect(store.view().running).toBe(true);
    expect(store.view().rows.map((r) => r.target)).toEqual(['a.example.com']);
    release();
    await running;
    expect(store.view().rows.map((r) => r.target)).toEqual(['a.example.com', 'b.example.com']);
  });

  test('a message instead of results is shown, and a throwing check does not break the store', async () => {
    const store = new LiveCheckStore(() => 0);
    await store.run(async () => 'No kernel to run the check in.');
    expect(store.view().message).toBe('No kernel to run the check in.');
    await store.run(async () => {
      throw new Error(RIGHT);
    });
    expect(store.view().message).not.toContain(RIGHT);
    expect(store.view().running).toBe(false);
  });
});
