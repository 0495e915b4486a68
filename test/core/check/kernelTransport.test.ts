/**
 * The kernel transport's Python, run with python3 against local servers (the notebook kernel does exactly this),
 * compared with the Node transport on the same requests: one engine, the same answers whichever face carries them.
 */
import { spawn } from 'node:child_process';
import type { HttpRequest, HttpResult } from '../../../src/core/check/exchange';
import {
  KERNEL_TRANSPORT_SOURCE,
  decodeKernelAnswer,
  decodeUserExpression,
  kernelCallExpression,
  kernelUserExpression,
} from '../../../src/core/check/kernelTransport';
import { transportVerdict } from '../../../src/core/check/transportVerdict';
import { sendWithNode } from '../../../src/node/check/nodeTransport';
import { startLocalServers, testRequest, type LocalServers } from '../../node/check/localServers';
import { freePort } from '../../support/freePort';

const PYTHON = 'python3';

/** Evaluates the transport's expression in a fresh python3 and decodes the printed answer. */
function sendWithKernel(request: HttpRequest): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ['-c', 'import json, sys\nprint(json.dumps(eval(sys.stdin.read())))'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`python3 failed: ${err}`));
      else resolve(decodeKernelAnswer(JSON.parse(out), request.maxBodyBytes));
    });
    child.stdin.end(kernelCallExpression(request));
  });
}

let servers: LocalServers;
beforeAll(async () => {
  servers = await startLocalServers();
});
afterAll(() => servers.close());

const request = testRequest;

const verdictOf = (result: HttpResult) =>
  result.kind === 'failure'
    ? transportVerdict(result, { where: 'x', timeoutMs: 1000, caFileUsed: false })
    : null;

describe('the kernel transport (python3 with the standard library)', () => {
  it('answers like the Node transport: status, joined headers, body', async () => {
    const r = request(`${servers.http}/v2/?status=401`);
    const kernel = await sendWithKernel(r);
    expect(kernel).toMatchObject({ kind: 'response', status: 401, body: 'hello GET /v2/' });
    const node = await sendWithNode(r);
    if (kernel.kind !== 'response' || node.kind !== 'response') throw new Error('no response');
    expect(kernel.headers['www-authenticate']).toBe(node.headers['www-authenticate']);
    expect(kernel.headers['x-amz-request-id']).toBe('tx1');
  });

  it('sends the Host header and the other headers exactly as signed, and a POST body with its length', async () => {
    await sendWithKernel(
      request(`${servers.http}/token`, {
        method: 'POST',
        body: 'grant_type=refresh_token&x=ü',
        headers: {
          host: 'signed.example:9',
          authorization: 'Bearer t',
          'content-type': 'application/x-www-form-urlencoded',
        },
      }),
    );
    const seen = servers.last();
    expect(seen).toMatchObject({ method: 'POST', body: 'grant_type=refresh_token&x=ü' });
    expect(seen.headers).toMatchObject({
      host: 'signed.example:9',
      authorization: 'Bearer t',
      'content-length': String(Buffer.byteLength('grant_type=refresh_token&x=ü')),
    });
    expect(seen.headers['accept-encoding']).toBeUndefined();
  });

  it('HEAD has no body; the body is bounded by maxBodyBytes', async () => {
    expect(await sendWithKernel(request(`${servers.http}/b`, { method: 'HEAD' }))).toMatchObject({
      kind: 'response',
      status: 200,
      body: '',
    });
    const big = await sendWithKernel(request(`${servers.http}/?big`, { maxBodyBytes: 1000 }));
    expect(big.kind === 'response' && big.body.length).toBe(1000);
  });

  it('failures get the same kinds, codes and verdicts as from Node', async () => {
    const cases = [
      request(`http://127.0.0.1:${await freePort()}/`),
      request(servers.silent, { timeoutMs: 400 }),
      request(`${servers.https}/`),
      request(servers.http.replace('http:', 'https:')),
      request('http://kc-no-such-host.invalid/'),
      request(`${servers.https.replace('127.0.0.1', 'localhost')}/`, { caPem: servers.certPem }),
    ];
    for (const r of cases) {
      const [kernel, node] = await Promise.all([sendWithKernel(r), sendWithNode(r)]);
      expect(kernel.kind).toBe('failure');
      expect({ url: r.url, ...verdictOf(kernel) }).toEqual({ url: r.url, ...verdictOf(node) });
    }
    expect(await sendWithKernel(cases[2])).toEqual({
      kind: 'failure',
      failure: 'tls',
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(await sendWithKernel(cases[3])).toEqual({
      kind: 'failure',
      failure: 'tls',
      code: 'WRONG_VERSION_NUMBER',
    });
  });

  it('trusts caPem besides the system CAs', async () => {
    expect(await sendWithKernel(request(`${servers.https}/x`, { caPem: servers.certPem }))).toMatchObject({
      kind: 'response',
      status: 200,
      body: 'hello GET /x',
    });
  });
});

describe('the kernel protocol, decoded', () => {
  it('wraps the answer for user_expressions as IPython JSON, the request base64-encoded', () => {
    const r = request('http://127.0.0.1:1/', { headers: { authorization: 'Bearer kc-canary-token' } });
    const expression = kernelUserExpression(r);
    expect(expression.startsWith("__import__('IPython.display', fromlist=['JSON']).JSON(")).toBe(true);
    expect(expression).toContain(JSON.stringify(KERNEL_TRANSPORT_SOURCE));
    // The signed header travels only inside the base64 payload.
    expect(expression).not.toContain('kc-canary-token');
  });

  it('decodes ok and error user_expressions entries', () => {
    const answer = {
      kind: 'response',
      status: 200,
      headers: { 'X-A': 'b' },
      body: Buffer.from('hi').toString('base64'),
    };
    expect(decodeUserExpression({ status: 'ok', data: { 'application/json': answer } })).toEqual({
      kind: 'response',
      status: 200,
      headers: { 'x-a': 'b' },
      body: 'hi',
    });
    expect(decodeUserExpression({ status: 'error', ename: 'NameError', evalue: 'x' })).toEqual({
      kind: 'failure',
      failure: 'error',
      code: 'KERNEL_NAMEERROR',
    });
    expect(decodeUserExpression(undefined)).toMatchObject({ kind: 'failure', code: 'KERNEL_NO_ANSWER' });
  });

  it('joins header names that differ only in case, and keeps __proto__ a plain header', () => {
    const answer = {
      kind: 'response',
      status: 200,
      headers: { 'X-A': 'a', 'x-a': 'b', __proto__x: 'c' },
      body: '',
    };
    const decoded = decodeKernelAnswer(JSON.parse(JSON.stringify(answer).replace('__proto__x', '__proto__')));
    expect(decoded).toMatchObject({ kind: 'response', headers: { 'x-a': 'a, b' } });
    if (decoded.kind === 'response') expect(Object.getPrototypeOf(decoded.headers)).toBe(Object.prototype);
  });

  it('refuses malformed answers and never lets a code carry text', () => {
    for (const bad of [
      null,
      1,
      'x',
      {},
      { kind: 'response', status: 99, headers: {}, body: '' },
      { kind: 'response', status: 200, headers: {}, body: '***' },
      { kind: 'failure', failure: 'boom', code: 'X' },
    ]) {
      expect(decodeKernelAnswer(bad)).toEqual({
        kind: 'failure',
        failure: 'error',
        code: 'KERNEL_ANSWER_MALFORMED',
      });
    }
    expect(decodeKernelAnswer({ kind: 'failure', failure: 'tls', code: 'secret value with spaces' })).toEqual(
      { kind: 'failure', failure: 'tls', code: 'UNKNOWN' },
    );
  });
});
