/** The probe's life cycle with fake kernels: every state the panel can show, and the late answer of a busy kernel. */
import { ProbeController, type Acquired, type KernelSource } from '../../src/jupyterlab/model/controller';
import type { ProbeState } from '../../src/jupyterlab/model/state';
import { PROBE_EXPRESSION_KEY } from '../../src/jupyterlab/probe/pythonSource';
import type { ProbeKernel, SilentExecuteContent } from '../../src/jupyterlab/probe/runProbe';

const b64 = (text: string) => Buffer.from(text).toString('base64');

function probeReply(files: Record<string, string | null>, env: [string, string][] = []) {
  return {
    status: 'ok',
    user_expressions: {
      [PROBE_EXPRESSION_KEY]: {
        status: 'ok',
        data: {
          'application/json': {
            v: 1,
            home: '/home/jovyan',
            env: [['HOME', '/home/jovyan'], ...env],
            files: Object.entries(files).map(([path, text]) => [
              path,
              text === null ? { kind: 'missing' } : { kind: 'file', b64: b64(text) },
            ]),
            namespace: null,
          },
        },
      },
    },
  };
}

const READY = probeReply({
  '/home/jovyan/.docker/config.json': '{"auths":{"registry.example.com":{"auth":"' + b64('u:p') + '"}}}',
  '/home/jovyan/.aws/credentials': null,
  '/home/jovyan/.tls/certificate.crt': null,
});

class FakeKernel implements ProbeKernel {
  readonly requests: SilentExecuteContent[] = [];
  constructor(
    readonly label: string,
    private readonly answer: (request: SilentExecuteContent, n: number) => Promise<unknown>,
  ) {}
  execute(content: SilentExecuteContent): Promise<unknown> {
    this.requests.push(content);
    return this.answer(content, this.requests.length);
  }
}

function source(acquire: () => Acquired | Promise<Acquired>): KernelSource {
  return { acquire: async () => acquire() };
}

function controllerWith(kernelSource: KernelSource, options: { timeoutMs?: number; images?: string[] } = {}) {
  const logs: string[] = [];
  const states: ProbeState['kind'][] = [];
  const controller = new ProbeController(kernelSource, {
    timeoutMs: () => options.timeoutMs ?? 1000,
    images: () => options.images ?? [],
    now: () => 1_700_000_000_000,
    log: (m) => logs.push(m),
  });
  controller.subscribe(() => states.push(controller.state.kind));
  return { controller, logs, states };
}

test('an answering kernel gives the ready state and a verdict', async () => {
  const kernel = new FakeKernel('Python 3, dedicated probe kernel', async () => READY);
  const { controller, states } = controllerWith(source(() => ({ kind: 'kernel', kernel })));
  await controller.refresh();
  expect(controller.state).toEqual({ kind: 'ready', kernel: 'Python 3, dedicated probe kernel' });
  expect(controller.result?.verdict.ready).toBe(true);
  expect(controller.result?.report.docker.registries[0].host).toBe('registry.example.com');
  expect(controller.checks).toBe(1);
  expect(states).toEqual(['probing', 'ready']);
});

test('a busy kernel shows the busy state, and its late answer still completes the check', async () => {
  let release: (value: unknown) => void = () => undefined;
  const kernel = new FakeKernel('nb', () => new Promise((resolve) => (release = resolve)));
  const { controller } = controllerWith(
    source(() => ({ kind: 'kernel', kernel })),
    { timeoutMs: 20 },
  );
  await controller.refresh();
  expect(controller.state).toEqual({ kind: 'busy', kernel: 'nb', timeoutMs: 20 });
  expect(controller.result).toBeNull();
  release(READY);
  await new Promise((r) => setTimeout(r, 10));
  expect(controller.state.kind).toBe('ready');
  expect(controller.result?.verdict.ready).toBe(true);
});

test('a late answer never overwrites a newer one', async () => {
  const pending: ((value: unknown) => void)[] = [];
  const missing = probeReply({ '/home/jovyan/.docker/config.json': null });
  const kernel = new FakeKernel('nb', (_, n) =>
    n === 1 ? new Promise((resolve) => pending.push(resolve)) : Promise.resolve(missing),
  );
  const { controller } = controllerWith(
    source(() => ({ kind: 'kernel', kernel })),
    { timeoutMs: 20 },
  );
  await controller.refresh();
  expect(controller.state.kind).toBe('busy');
  await controller.refresh();
  expect(controller.result?.verdict.headline).toBe('Model(...) will fail: config.json missing');
  pending[0](READY);
  await new Promise((r) => setTimeout(r, 10));
  expect(controller.result?.verdict.headline).toBe('Model(...) will fail: config.json missing');
});

test('a kernel that dies during the request shows the dead state; the source can say dead, no notebook, no Python', async () => {
  const dying = new FakeKernel('nb', () => Promise.reject(new Error('Canceled future for execute_request')));
  const a = controllerWith(source(() => ({ kind: 'kernel', kernel: dying })));
  await a.controller.refresh();
  expect(a.controller.state).toEqual({ kind: 'dead', kernel: 'nb', status: 'not answering' });
  expect(a.logs.join('\n')).toContain('Canceled future');

  for (const state of [
    { kind: 'dead', kernel: 'nb', status: 'restarting' },
    { kind: 'noNotebook' },
    { kind: 'noPythonKernel' },
  ] as ProbeState[]) {
    const b = controllerWith(source(() => ({ kind: 'unavailable', state })));
    await b.controller.refresh();
    expect(b.controller.state).toEqual(state);
  }
});

test('the starting state is shown while a kernel starts, and a failed start is an error', async () => {
  const kernel = new FakeKernel('k', async () => READY);
  const starting: KernelSource = {
    acquire: async (progress) => {
      progress({ kind: 'starting', kernel: 'k' });
      return { kind: 'kernel', kernel };
    },
  };
  const a = controllerWith(starting);
  await a.controller.refresh();
  expect(a.states).toEqual(['starting', 'probing', 'ready']);

  const b = controllerWith({ acquire: () => Promise.reject(new Error('503')) });
  await b.controller.refresh();
  expect(b.controller.state).toEqual({
    kind: 'error',
    kernel: null,
    message: 'No kernel could be started or reached',
  });
});

test('an aborted request, a probe error and a protocol error each have their state', async () => {
  const cases: [unknown, ProbeState['kind'], string][] = [
    [{ status: 'aborted' }, 'error', 'a cell before it failed'],
    [{ status: 'ok', user_expressions: {} }, 'error', 'IPython'],
    [
      {
        status: 'ok',
        user_expressions: {
          [PROBE_EXPRESSION_KEY]: {
            status: 'ok',
            data: { 'application/json': { v: 1, error: 'OSError: x' } },
          },
        },
      },
      'error',
      'OSError: x',
    ],
  ];
  for (const [answer, kind, text] of cases) {
    const kernel = new FakeKernel('k', async () => answer);
    const { controller } = controllerWith(source(() => ({ kind: 'kernel', kernel })));
    await controller.refresh();
    expect(controller.state.kind).toBe(kind);
    expect(JSON.stringify(controller.state)).toContain(text);
  }
});

test('refreshes during a probe coalesce into one more probe', async () => {
  const kernel = new FakeKernel('k', () => new Promise((r) => setTimeout(() => r(READY), 5)));
  const { controller } = controllerWith(source(() => ({ kind: 'kernel', kernel })));
  await Promise.all([controller.refresh(), controller.refresh(), controller.refresh()]);
  expect(kernel.requests.length).toBe(2);
});

test('DOCKER_CONFIG elsewhere takes a second round for its config.json', async () => {
  const kernel = new FakeKernel('k', async (_request, n) =>
    n === 1
      ? probeReply(
          {
            '/home/jovyan/.docker/config.json': null,
            '/home/jovyan/.aws/credentials': null,
            '/home/jovyan/.tls/certificate.crt': null,
          },
          [['DOCKER_CONFIG', '/secrets/docker']],
        )
      : probeReply({ '/secrets/docker/config.json': '{"auths":{}}' }, [['DOCKER_CONFIG', '/secrets/docker']]),
  );
  const { controller } = controllerWith(source(() => ({ kind: 'kernel', kernel })));
  await controller.refresh();
  expect(kernel.requests.length).toBe(2);
  expect(kernel.requests[1].user_expressions[PROBE_EXPRESSION_KEY]).toContain(
    '["/secrets/docker/config.json"]',
  );
  expect(controller.result?.snapshot.files['/secrets/docker/config.json']).toEqual(
    expect.objectContaining({ kind: 'file' }),
  );
});

test('reinspect applies a new image without a kernel round trip', async () => {
  let images = ['registry.example.com/team/model:1'];
  const kernel = new FakeKernel('k', async () => READY);
  const controller = new ProbeController(
    source(() => ({ kind: 'kernel', kernel })),
    {
      timeoutMs: () => 1000,
      images: () => images,
      now: () => 0,
      log: () => undefined,
    },
  );
  await controller.refresh();
  expect(controller.result?.report.docker.lookups[0].matchedEntry).toBe('registry.example.com');
  images = ['ghcr.io/x/y:1'];
  controller.reinspect();
  expect(controller.result?.report.docker.lookups[0].matchedEntry).toBeNull();
  expect(kernel.requests.length).toBe(1);
});
