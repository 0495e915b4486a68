import { readFileSync } from 'node:fs';
import path from 'node:path';
import { planChecks } from '../../../src/core/check/plan';
import { runChecks } from '../../../src/core/check/run';
import { clock, failure, response, scripted } from './scripted';
import { b64, snapshotOf } from './snapshots';

const SECRET = 'kc-canary-registry-pw';
const REG = 'registry.example.com:5000';

function jwt(claims: object): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(claims)}.c2ln`;
}

async function check(
  config: object | null,
  answers: Parameters<typeof scripted>[0],
  images: string[] = [],
  extra = {},
) {
  const snapshot = snapshotOf(config === null ? {} : { config });
  const plans = planChecks(snapshot, { docker: true, storage: false, images, ...extra });
  const transport = scripted(answers);
  const results = await runChecks(plans, { send: transport.send, now: clock(), timeoutMs: 5000 });
  expect(JSON.stringify(results)).not.toContain(SECRET);
  return { results, requests: transport.requests };
}

const basicConfig = { auths: { [REG]: { auth: b64(`alice:${SECRET}`) } } };
const bearer401 = response(401, {
  'www-authenticate': 'Bearer realm="https://auth.example.com/token",service="reg"',
});
const basic401 = response(401, { 'www-authenticate': 'Basic realm="reg"' });

describe('the registry flow (scripted answers)', () => {
  it('Basic: anonymous GET /v2/, then the same with the user and password', async () => {
    const { results, requests } = await check(basicConfig, [basic401, response(200)]);
    expect(results[0]).toMatchObject({
      target: REG,
      kind: 'docker',
      outcome: 'ok',
      reason: 'authenticated',
      push: null,
    });
    expect(requests.map((r) => r.url)).toEqual([`https://${REG}/v2/`, `https://${REG}/v2/`]);
    expect(requests[0].headers.authorization).toBeUndefined();
    expect(requests[1].headers.authorization).toBe(`Basic ${b64(`alice:${SECRET}`)}`);
    expect(requests[1].timeoutMs).toBeLessThanOrEqual(5000);
  });

  it('Basic refused: unauthorized with the status and the registry error code, never the password', async () => {
    const body = JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: `echo ${SECRET}` }] });
    const { results } = await check(basicConfig, [basic401, response(401, {}, body)]);
    expect(results[0]).toMatchObject({ outcome: 'unauthorized', reason: 'bad_credentials' });
    expect(results[0].detail).toContain('401 (UNAUTHORIZED)');
  });

  it('Bearer: a token from the realm with service, scope and account, then GET /v2/ with it; push from the claims', async () => {
    const token = jwt({ access: [{ type: 'repository', name: 'team/model', actions: ['pull', 'push'] }] });
    const { results, requests } = await check(
      basicConfig,
      [bearer401, response(200, {}, JSON.stringify({ token })), response(200)],
      [`${REG}/team/model:1`],
    );
    expect(results[0]).toMatchObject({ target: `${REG}/team/model:1`, outcome: 'ok', push: true });
    const tokenUrl = new URL(requests[1].url);
    expect(tokenUrl.origin + tokenUrl.pathname).toBe('https://auth.example.com/token');
    expect(Object.fromEntries(tokenUrl.searchParams)).toEqual({
      service: 'reg',
      scope: 'repository:team/model:pull,push',
      account: 'alice',
    });
    expect(requests[2].headers.authorization).toBe(`Bearer ${token}`);
    expect(JSON.stringify(results)).not.toContain(token);
  });

  it('Bearer with pull only: unauthorized (no_push); an opaque token: ok, push unknown', async () => {
    const pullOnly = jwt({ access: [{ type: 'repository', name: 'team/model', actions: ['pull'] }] });
    const denied = await check(
      basicConfig,
      [bearer401, response(200, {}, JSON.stringify({ access_token: pullOnly })), response(200)],
      [`${REG}/team/model`],
    );
    expect(denied.results[0]).toMatchObject({ outcome: 'unauthorized', reason: 'no_push', push: false });
    const opaque = await check(
      basicConfig,
      [bearer401, response(200, {}, JSON.stringify({ token: 'opaque' })), response(200)],
      [`${REG}/team/model`],
    );
    expect(opaque.results[0]).toMatchObject({ outcome: 'ok', push: null });
  });

  it('Bearer: a token service that refuses, answers no token, or a registry that refuses its token', async () => {
    const refused = await check(basicConfig, [
      bearer401,
      response(401, {}, '{"details":"incorrect username or password"}'),
    ]);
    expect(refused.results[0]).toMatchObject({ outcome: 'unauthorized', reason: 'token_denied' });
    const empty = await check(basicConfig, [bearer401, response(200, {}, 'not json')]);
    expect(empty.results[0]).toMatchObject({ outcome: 'error', reason: 'bad_token_response' });
    const rejected = await check(basicConfig, [bearer401, response(200, {}, '{"token":"t"}'), response(401)]);
    expect(rejected.results[0]).toMatchObject({ outcome: 'unauthorized', reason: 'token_rejected' });
  });

  it('an identity token is exchanged by POST (OAuth2 refresh), a registry token sent as is', async () => {
    const identity = { auths: { [REG]: { username: '<token>', identitytoken: SECRET } } };
    const { requests } = await check(
      identity,
      [bearer401, response(200, {}, '{"access_token":"a"}'), response(200)],
      [`${REG}/x/y`],
    );
    expect(requests[1].method).toBe('POST');
    expect(requests[1].headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(requests[1].body ?? ''))).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: SECRET,
      service: 'reg',
      scope: 'repository:x/y:pull,push',
    });
    const registryToken = { auths: { [REG]: { registrytoken: SECRET } } };
    const direct = await check(registryToken, [bearer401, response(200)]);
    expect(direct.requests[1].headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(direct.results[0].outcome).toBe('ok');
  });

  it('no credentials: the registry is still asked, then no_credentials with why; a 200 needs none', async () => {
    const none = await check({ auths: {} }, [bearer401], [`${REG}/a/b`]);
    expect(none.results[0]).toMatchObject({ outcome: 'no_credentials', reason: 'no_entry' });
    expect(none.results[0].detail).toContain('Bearer authentication (HTTP 401)');
    const store = await check({ auths: { [REG]: {} }, credsStore: 'desktop' }, [basic401], [`${REG}/a/b`]);
    expect(store.results[0]).toMatchObject({ outcome: 'no_credentials', reason: 'creds_store' });
    const open = await check({ auths: {} }, [response(200)], [`${REG}/a/b`]);
    expect(open.results[0]).toMatchObject({ outcome: 'ok', reason: 'no_auth_required' });
  });

  it('a loopback registry that speaks plain http is retried over http; a remote one is not', async () => {
    const local = await check({ auths: { 'localhost:5000': { auth: b64(`alice:${SECRET}`) } } }, [
      failure('tls', 'WRONG_VERSION_NUMBER'),
      basic401,
      response(200),
    ]);
    expect(local.requests.map((r) => r.url)).toEqual([
      'https://localhost:5000/v2/',
      'http://localhost:5000/v2/',
      'http://localhost:5000/v2/',
    ]);
    expect(local.results[0].outcome).toBe('ok');
    const remote = await check(basicConfig, [failure('tls', 'WRONG_VERSION_NUMBER')]);
    expect(remote.results[0]).toMatchObject({ outcome: 'tls_error', reason: 'tls_handshake' });
    const listed = await check(basicConfig, [failure('tls', 'WRONG_VERSION_NUMBER'), response(200)], [], {
      insecureRegistries: [REG],
    });
    expect(listed.requests[1].url).toBe(`http://${REG}/v2/`);
  });

  it('Docker Hub images go to registry-1.docker.io with the Hub key and the library/ prefix', async () => {
    const hub = { auths: { 'https://index.docker.io/v1/': { auth: b64(`alice:${SECRET}`) } } };
    const token = jwt({
      access: [{ type: 'repository', name: 'library/ubuntu', actions: ['pull', 'push'] }],
    });
    const { requests, results } = await check(
      hub,
      [bearer401, response(200, {}, JSON.stringify({ token })), response(200)],
      ['ubuntu'],
    );
    expect(requests[0].url).toBe('https://registry-1.docker.io/v2/');
    expect(new URL(requests[1].url).searchParams.get('scope')).toBe('repository:library/ubuntu:pull,push');
    expect(results[0]).toMatchObject({ target: 'ubuntu', outcome: 'ok', push: true });
  });

  it('trusts $HOME/.tls/certificate.crt for the registry and its token service', async () => {
    const pem = readFileSync(path.join(__dirname, 'fixtures', 'ca.pem'), 'utf8');
    const snapshot = snapshotOf({ config: basicConfig, certificate: pem });
    const plans = planChecks(snapshot, { docker: true, storage: false });
    const transport = scripted([bearer401, response(200, {}, '{"token":"t"}'), response(200)]);
    await runChecks(plans, { send: transport.send, now: clock(), timeoutMs: 5000 });
    expect(transport.requests.map((r) => r.caPem)).toEqual([pem, pem, pem]);
  });

  it('transport failures become unreachable, timeout and tls_error with their reason', async () => {
    const refused = await check(basicConfig, [failure('unreachable', 'ECONNREFUSED')]);
    expect(refused.results[0]).toMatchObject({ outcome: 'unreachable', reason: 'connection_refused' });
    const dns = await check(basicConfig, [failure('unreachable', 'ENOTFOUND')]);
    expect(dns.results[0]).toMatchObject({ outcome: 'unreachable', reason: 'dns' });
    const slow = await check(basicConfig, [failure('timeout', 'TIMEOUT')]);
    expect(slow.results[0]).toMatchObject({
      outcome: 'timeout',
      detail: expect.stringContaining('within 5 s'),
    });
    const cert = await check(basicConfig, [failure('tls', 'CERT_HAS_EXPIRED')]);
    expect(cert.results[0]).toMatchObject({
      outcome: 'tls_error',
      reason: 'certificate',
      detail: expect.stringContaining('expired'),
    });
    const tokenDown = await check(basicConfig, [bearer401, failure('unreachable', 'ECONNREFUSED')]);
    expect(tokenDown.results[0].detail).toContain('the token service https://auth.example.com');
  });

  it('follows redirects (dropping credentials when the host changes), and not forever', async () => {
    const moved = response(307, { location: 'https://mirror.example.com/v2/' });
    const { requests, results } = await check(basicConfig, [basic401, moved, response(200)]);
    expect(requests[2].url).toBe('https://mirror.example.com/v2/');
    expect(requests[2].headers.authorization).toBeUndefined();
    expect(results[0].outcome).toBe('ok');
    const loop = await check(
      basicConfig,
      Array.from({ length: 12 }, () => response(302, { location: '/v2/' })),
    );
    expect(loop.results[0]).toMatchObject({ outcome: 'error', reason: 'redirect' });
  });

  it('answers that are not a registry: 404 not_a_registry, 5xx server_error, odd challenges', async () => {
    expect((await check(basicConfig, [response(404)])).results[0]).toMatchObject({
      outcome: 'error',
      reason: 'not_a_registry',
    });
    expect((await check(basicConfig, [response(503)])).results[0]).toMatchObject({
      outcome: 'error',
      reason: 'server_error',
    });
    const negotiate = await check(basicConfig, [response(401, { 'www-authenticate': 'Negotiate' })]);
    expect(negotiate.results[0]).toMatchObject({ outcome: 'error', reason: 'unsupported_challenge' });
    const badRealm = await check(basicConfig, [
      response(401, { 'www-authenticate': 'Bearer realm="ftp://x"' }),
    ]);
    expect(badRealm.results[0]).toMatchObject({ outcome: 'error', reason: 'unsupported_challenge' });
  });

  it('invalid image references and unusable config files are decided without a request', async () => {
    const invalid = await check(basicConfig, [], ['team/Model:1']);
    expect(invalid.results[0]).toMatchObject({ outcome: 'error', reason: 'invalid_setting', ms: 0 });
    const broken = await check({ auths: { [REG]: { auth: 'not base64!' } } } as object, []);
    expect(broken.results[0]).toMatchObject({ outcome: 'no_credentials', reason: 'config_unusable' });
    const missing = await check(null, []);
    expect(missing.results[0]).toMatchObject({
      outcome: 'no_credentials',
      reason: 'no_config',
      target: '/home/kubeflow/.docker/config.json',
    });
    expect(invalid.requests).toEqual([]);
  });
});
