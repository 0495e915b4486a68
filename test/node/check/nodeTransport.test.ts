import { sendWithNode } from '../../../src/node/check/nodeTransport';
import { failureOf } from '../../../src/node/check/failureCode';
import { startLocalServers, testRequest, type LocalServers } from './localServers';
import { freePort } from '../../support/freePort';

let servers: LocalServers;
beforeAll(async () => {
  servers = await startLocalServers();
});
afterAll(() => servers.close());

const request = testRequest;

describe('sendWithNode', () => {
  it('returns status, lower-case headers (repeated ones joined) and the body', async () => {
    const result = await sendWithNode(request(`${servers.http}/v2/?status=401`));
    expect(result).toMatchObject({ kind: 'response', status: 401, body: 'hello GET /v2/' });
    if (result.kind !== 'response') throw new Error('no response');
    expect(result.headers['www-authenticate']).toBe(
      'Basic realm="a", Bearer realm="https://t/x",service="s"',
    );
  });

  it('sends the headers as given, a POST body with its content-length, and nothing for HEAD', async () => {
    await sendWithNode(
      request(`${servers.http}/t`, {
        method: 'POST',
        body: 'a=1&b=ü',
        headers: { host: 'example.test:1', 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
    expect(servers.last()).toMatchObject({ method: 'POST', body: 'a=1&b=ü' });
    expect(servers.last().headers).toMatchObject({
      host: 'example.test:1',
      'content-length': String(Buffer.byteLength('a=1&b=ü')),
    });
    const head = await sendWithNode(request(`${servers.http}/t`, { method: 'HEAD' }));
    expect(head).toMatchObject({ kind: 'response', status: 200, body: '' });
  });

  it('reads at most maxBodyBytes of the body', async () => {
    const result = await sendWithNode(request(`${servers.http}/?big`, { maxBodyBytes: 1000 }));
    expect(result.kind === 'response' && result.body.length).toBe(1000);
  });

  it('a closed port is unreachable (ECONNREFUSED), a name that does not resolve ENOTFOUND', async () => {
    expect(await sendWithNode(request(`http://127.0.0.1:${await freePort()}/`))).toEqual({
      kind: 'failure',
      failure: 'unreachable',
      code: 'ECONNREFUSED',
    });
    const dns = await sendWithNode(request('http://kc-no-such-host.invalid/'));
    expect(dns).toMatchObject({ kind: 'failure', failure: 'unreachable' });
  });

  it('a server that never answers times out within the request timeout', async () => {
    const started = Date.now();
    expect(await sendWithNode(request(servers.silent, { timeoutMs: 300 }))).toEqual({
      kind: 'failure',
      failure: 'timeout',
      code: 'TIMEOUT',
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('TLS: a self-signed certificate is refused, trusted with caPem; https to a plain http server is WRONG_VERSION_NUMBER', async () => {
    expect(await sendWithNode(request(`${servers.https}/`))).toMatchObject({
      kind: 'failure',
      failure: 'tls',
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(await sendWithNode(request(`${servers.https}/`, { caPem: servers.certPem }))).toMatchObject({
      kind: 'response',
      status: 200,
    });
    expect(await sendWithNode(request(servers.http.replace('http:', 'https:')))).toEqual({
      kind: 'failure',
      failure: 'tls',
      code: 'WRONG_VERSION_NUMBER',
    });
    const wrongName = await sendWithNode(
      request(`${servers.https.replace('127.0.0.1', 'localhost')}/`, { caPem: servers.certPem }),
    );
    expect(wrongName).toMatchObject({ kind: 'failure', failure: 'tls', code: 'HOSTNAME_MISMATCH' });
  });

  it('a header Node refuses to send is an error, not a throw', async () => {
    const result = await sendWithNode(
      request(servers.http, { headers: { authorization: 'AWS4 bad\nvalue' } }),
    );
    expect(result).toMatchObject({ kind: 'failure', failure: 'error' });
    expect(await sendWithNode({ ...request(servers.http), url: 'not a url' })).toEqual({
      kind: 'failure',
      failure: 'error',
      code: 'INVALID_URL',
    });
  });

  it('classifies errors it has never seen as error with a safe code', () => {
    expect(failureOf(new Error('boom'))).toEqual({
      kind: 'failure',
      failure: 'error',
      code: 'REQUEST_FAILED',
    });
    expect(failureOf(Object.assign(new Error('x'), { code: 'EHOSTUNREACH' }))).toMatchObject({
      failure: 'unreachable',
    });
    expect(
      failureOf(
        Object.assign(new Error('e:error:0A000410:SSL routines::sslv3 alert handshake failure:'), {
          code: 'EPROTO',
        }),
      ),
    ).toMatchObject({ failure: 'tls' });
    expect(failureOf(null)).toMatchObject({ failure: 'error' });
  });
});
