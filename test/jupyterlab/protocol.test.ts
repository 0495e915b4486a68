/** Decoding the kernel's execute_reply: every shape a kernel can send becomes an outcome, never a throw. */
import fc from 'fast-check';
import {
  decodeExecuteReply,
  decodeProbeResult,
  missingPaths,
  toSnapshot,
} from '../../src/jupyterlab/probe/protocol';
import { PROBE_EXPRESSION_KEY, probeExpression } from '../../src/jupyterlab/probe/pythonSource';
import { silentExecute } from '../../src/jupyterlab/probe/runProbe';

const b64 = (text: string) => Buffer.from(text).toString('base64');

function reply(result: unknown) {
  return {
    status: 'ok',
    execution_count: 3,
    user_expressions: {
      [PROBE_EXPRESSION_KEY]: {
        status: 'ok',
        data: { 'application/json': result, 'text/plain': '<IPython.core.display.JSON object>' },
        metadata: {},
      },
    },
  };
}

const result = {
  v: 1,
  home: '/home/jovyan',
  env: [
    ['HOME', '/home/jovyan'],
    ['AWS_REGION', { b64: b64('eu-west-1') }],
    ['PATH', '/usr/bin'],
  ],
  files: [
    ['/home/jovyan/.docker/config.json', { kind: 'file', b64: b64('{"auths":{}}') }],
    ['/home/jovyan/.aws/credentials', { kind: 'missing' }],
    ['/home/jovyan/.tls/certificate.crt', { kind: 'too_large', size: 9000000 }],
  ],
  namespace: 'kubeflow-user',
};

test('a probe reply becomes the facts, with only the relevant variables kept', () => {
  const outcome = decodeExecuteReply(reply(result));
  expect(outcome.kind).toBe('facts');
  if (outcome.kind !== 'facts') return;
  expect(outcome.facts.env).toEqual({ HOME: '/home/jovyan', AWS_REGION: 'eu-west-1' });
  expect(outcome.facts.namespace).toBe('kubeflow-user');
  const snapshot = toSnapshot(outcome.facts, 7);
  expect(snapshot.nowMs).toBe(7);
  expect(
    new TextDecoder().decode(
      (snapshot.files['/home/jovyan/.docker/config.json'] as { bytes: Uint8Array }).bytes,
    ),
  ).toBe('{"auths":{}}');
  expect(snapshot.files['/home/jovyan/.tls/certificate.crt']).toEqual({ kind: 'too_large', size: 9000000 });
  expect(missingPaths(outcome.facts)).toEqual([]);
});

test('a path the engine needs and the probe did not read is asked for again', () => {
  const withDockerConfig = { ...result, env: [...result.env, ['DOCKER_CONFIG', '/etc/docker-secret']] };
  const outcome = decodeProbeResult(withDockerConfig);
  if (outcome.kind !== 'facts') throw new Error(outcome.kind);
  expect(missingPaths(outcome.facts)).toEqual(['/etc/docker-secret/config.json']);
});

test('states of the reply that are not facts', () => {
  expect(decodeExecuteReply({ status: 'aborted' })).toEqual({ kind: 'aborted' });
  expect(decodeExecuteReply({ status: 'error', ename: 'KeyboardInterrupt' })).toEqual({
    kind: 'error',
    message: 'the kernel refused the request (KeyboardInterrupt)',
  });
  expect(decodeExecuteReply({ status: 'ok', user_expressions: {} }).kind).toBe('protocol');
  expect(
    decodeExecuteReply({
      status: 'ok',
      user_expressions: {
        [PROBE_EXPRESSION_KEY]: {
          status: 'error',
          ename: 'NameError',
          evalue: "name 'x' is not defined",
          traceback: ['secret line'],
        },
      },
    }),
  ).toEqual({ kind: 'error', message: "NameError: name 'x' is not defined" });
  expect(
    decodeExecuteReply({
      status: 'ok',
      user_expressions: { [PROBE_EXPRESSION_KEY]: { status: 'ok', data: { 'text/plain': "{'v': 1}" } } },
    }).kind,
  ).toBe('protocol');
  expect(decodeProbeResult({ v: 2 })).toEqual({
    kind: 'protocol',
    message: 'the probe answered protocol version 2',
  });
  expect(decodeProbeResult({ v: 1, error: 'OSError: boom' })).toEqual({
    kind: 'error',
    message: 'OSError: boom',
  });
  expect(decodeProbeResult({ ...result, files: [['/x', { kind: 'file', b64: '***' }]] }).kind).toBe(
    'protocol',
  );
  expect(decodeProbeResult({ ...result, files: [['/x', { kind: 'weird' }]] }).kind).toBe('protocol');
  expect(decodeProbeResult({ ...result, env: [['A']] }).kind).toBe('protocol');
});

test('bytes that are not UTF-8 decode with U+FFFD, as Node decodes the environment', () => {
  const outcome = decodeProbeResult({
    ...result,
    env: [['AWS_REGION', { b64: Buffer.from([0x65, 0xff]).toString('base64') }]],
  });
  if (outcome.kind !== 'facts') throw new Error(outcome.kind);
  expect(outcome.facts.env.AWS_REGION).toBe('e\ufffd');
});

test('the decoder never throws, whatever the kernel sends', () => {
  fc.assert(
    fc.property(fc.anything(), (content) => {
      decodeExecuteReply(content);
      decodeExecuteReply(reply(content));
      decodeProbeResult(content);
    }),
    { numRuns: 2000 },
  );
});

test('the request is silent, stores no history and carries the probe as a user expression', () => {
  const request = silentExecute(['/a']);
  expect(request).toMatchObject({
    code: '',
    silent: true,
    store_history: false,
    stop_on_error: false,
    allow_stdin: false,
  });
  expect(request.user_expressions[PROBE_EXPRESSION_KEY]).toBe(probeExpression(['/a'], 8 * 1024 * 1024));
  expect(probeExpression(['/a'], 10)).toMatch(
    /^\(lambda d: \(exec\(".*", d\), d\['run'\]\(\["\/a"\], 10\)\)\[1\]\)\(\{\}\)$/s,
  );
});
