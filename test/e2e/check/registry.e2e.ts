/**
 * `check docker` against Debian's real docker-registry: htpasswd Basic auth (right, wrong, missing credentials),
 * token auth with the test's own token endpoint (push granted, pull only, refused, identity token, registry
 * token), TLS with a self-signed certificate (with and without $HOME/.tls/certificate.crt), a closed port and an
 * endpoint that never answers. Each server starts once for the file. Every secret is a canary that must not
 * appear in any output.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeTempHome, type TempHome } from '../../support/tempHome';
import { startRegistry, type RunningRegistry } from '../support/registry';
import { freePort } from '../support/serverProcesses';
import { makeSelfSigned, type TestCertificate } from '../support/testCertificates';
import { signJwt, startTokenServer, type TokenServer } from '../support/tokenServer';
import { expectNoCanary, runCheckCli, runEngine } from './checkCli';

const canary = (label: string) => `kc-canary-${label}-${randomBytes(6).toString('hex')}`;
const BASIC_PASSWORD = canary('basic');
const PUSHER_PASSWORD = canary('pusher');
const PULLER_PASSWORD = canary('puller');
const REFRESH_TOKEN = canary('refresh');
const WRONG_PASSWORD = canary('wrong');
const CANARIES = [BASIC_PASSWORD, PUSHER_PASSWORD, PULLER_PASSWORD, REFRESH_TOKEN, WRONG_PASSWORD];
const b64 = (text: string) => Buffer.from(text).toString('base64');

let dir: string;
let issuerCert: TestCertificate;
let tlsCert: TestCertificate;
let basic: RunningRegistry;
let tokenAuth: RunningRegistry;
let tls: RunningRegistry;
let tokens: TokenServer;
const homes: TempHome[] = [];

function home(config: object | null, certificate?: string): TempHome {
  const h = makeTempHome('kc-check-home-');
  homes.push(h);
  if (config !== null) h.write('.docker/config.json', JSON.stringify(config));
  if (certificate !== undefined) h.write('.tls/certificate.crt', certificate);
  return h;
}

const envOf = (h: TempHome, extra: Record<string, string> = {}) => ({ HOME: h.dir, ...extra });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kc-registry-e2e-'));
  issuerCert = makeSelfSigned(dir, 'issuer', 'kc-token-issuer');
  tlsCert = makeSelfSigned(dir, 'tls', 'kc-test-registry', ['IP:127.0.0.1', 'DNS:localhost']);
  tokens = await startTokenServer({
    issuer: 'kc-test-issuer',
    service: 'kc-test-registry',
    cert: issuerCert,
    users: {
      pusher: { password: PUSHER_PASSWORD, actions: ['pull', 'push'], refreshToken: REFRESH_TOKEN },
      puller: { password: PULLER_PASSWORD, actions: ['pull'] },
    },
  });
  [basic, tokenAuth, tls] = await Promise.all([
    startRegistry({
      dir: path.join(dir, 'basic'),
      auth: { htpasswd: [{ user: 'testuser', password: BASIC_PASSWORD }] },
    }),
    startRegistry({
      dir: path.join(dir, 'token'),
      auth: {
        token: {
          realm: tokens.realm,
          service: 'kc-test-registry',
          issuer: 'kc-test-issuer',
          rootCertBundle: issuerCert.certPath,
        },
      },
    }),
    startRegistry({
      dir: path.join(dir, 'tls'),
      auth: { htpasswd: [{ user: 'testuser', password: BASIC_PASSWORD }] },
      tls: { certPath: tlsCert.certPath, keyPath: tlsCert.keyPath },
    }),
  ]);
});

afterAll(async () => {
  await Promise.all([basic?.stop(), tokenAuth?.stop(), tls?.stop(), tokens?.stop()]);
  for (const h of homes) h.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Basic authentication (htpasswd)', () => {
  it('right credentials: ok, authenticated as the user, exit 0', async () => {
    const h = home({ auths: { [basic.host]: { auth: b64(`testuser:${BASIC_PASSWORD}`) } } });
    const run = await runCheckCli(['docker', '--json'], envOf(h));
    expect(run.status).toBe(0);
    expect(run.checks).toEqual([
      expect.objectContaining({
        target: basic.host,
        kind: 'docker',
        outcome: 'ok',
        reason: 'authenticated',
        push: null,
      }),
    ]);
    expect(run.checks[0].detail).toContain('as testuser');
    expectNoCanary(run.stdout + run.stderr, CANARIES);
  });

  it('a wrong password: unauthorized (bad_credentials), exit 1, in text and JSON alike', async () => {
    const h = home({ auths: { [basic.host]: { username: 'testuser', password: WRONG_PASSWORD } } });
    const json = await runCheckCli(['docker', '--json', '--image', `${basic.host}/team/model:1`], envOf(h));
    expect(json.status).toBe(1);
    expect(json.checks[0]).toMatchObject({ outcome: 'unauthorized', reason: 'bad_credentials' });
    expect(json.checks[0].detail).toContain('401');
    const text = await runCheckCli(['docker', '--image', `${basic.host}/team/model:1`], envOf(h));
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('unauthorized (bad_credentials)');
    expect(text.stdout).toContain('Fix:');
    expectNoCanary(json.stdout + json.stderr + text.stdout + text.stderr, CANARIES);
  });

  it('no entry for the registry: no_credentials, and the registry was asked (401 Basic)', async () => {
    const h = home({ auths: { 'other.example.com': { auth: b64(`someone:${BASIC_PASSWORD}`) } } });
    const run = await runCheckCli(['docker', '--json', '--image', `${basic.host}/team/model`], envOf(h));
    expect(run.status).toBe(1);
    expect(run.checks[0]).toMatchObject({ outcome: 'no_credentials', reason: 'no_entry' });
    expect(run.checks[0].detail).toContain('Basic authentication (HTTP 401)');
  });

  it('no config.json at all: no_credentials (no_config) for every target', async () => {
    const h = home(null);
    const run = await runCheckCli(['docker', '--json', '--image', `${basic.host}/team/model`], envOf(h));
    expect(run.checks[0]).toMatchObject({ outcome: 'no_credentials', reason: 'no_config' });
    const bare = await runCheckCli(['docker', '--json'], envOf(h));
    expect(bare.checks).toEqual([
      expect.objectContaining({ outcome: 'no_credentials', reason: 'no_config' }),
    ]);
    expect(bare.status).toBe(1);
  });

  it('the engine with the Node transport gives the same answers', async () => {
    const h = home({ auths: { [basic.host]: { auth: b64(`testuser:${BASIC_PASSWORD}`) } } });
    const [good] = await runEngine(envOf(h), { docker: true, storage: false });
    expect(good).toMatchObject({ outcome: 'ok', reason: 'authenticated' });
    expect(good.ms).toBeGreaterThanOrEqual(0);
    expectNoCanary(JSON.stringify(good), CANARIES);
  });
});

describe('token authentication (Bearer, the Docker token specification)', () => {
  const image = () => `${tokenAuth.host}/team/model:1`;

  it('a user granted pull and push: ok, push true, and the token was asked for the image scope', async () => {
    const h = home({ auths: { [tokenAuth.host]: { auth: b64(`pusher:${PUSHER_PASSWORD}`) } } });
    const before = tokens.seen.length;
    const run = await runCheckCli(['docker', '--json', '--image', image()], envOf(h));
    expect(run.status).toBe(0);
    expect(run.checks[0]).toMatchObject({ outcome: 'ok', reason: 'authenticated', push: true });
    expect(run.checks[0].detail).toContain('push granted on team/model');
    expect(tokens.seen.slice(before)).toContainEqual({
      method: 'GET',
      service: 'kc-test-registry',
      scope: 'repository:team/model:pull,push',
      account: 'pusher',
    });
    expectNoCanary(run.stdout + run.stderr, CANARIES);
  });

  it('a user granted pull only: unauthorized (no_push), push false', async () => {
    const h = home({ auths: { [tokenAuth.host]: { auth: b64(`puller:${PULLER_PASSWORD}`) } } });
    const run = await runCheckCli(['docker', '--json', '--image', image()], envOf(h));
    expect(run.status).toBe(1);
    expect(run.checks[0]).toMatchObject({ outcome: 'unauthorized', reason: 'no_push', push: false });
  });

  it('without an image (the config.json entries), a login check: ok, push not known', async () => {
    const h = home({ auths: { [tokenAuth.host]: { auth: b64(`puller:${PULLER_PASSWORD}`) } } });
    const run = await runCheckCli(['docker', '--json'], envOf(h));
    expect(run.checks[0]).toMatchObject({ target: tokenAuth.host, outcome: 'ok', push: null });
  });

  it('a wrong password: the token service refuses it (unauthorized, token_denied)', async () => {
    const h = home({ auths: { [tokenAuth.host]: { auth: b64(`pusher:${WRONG_PASSWORD}`) } } });
    const run = await runCheckCli(['docker', '--json', '--image', image()], envOf(h));
    expect(run.checks[0]).toMatchObject({ outcome: 'unauthorized', reason: 'token_denied' });
    expect(run.checks[0].detail).toContain('401 (UNAUTHORIZED)');
    expectNoCanary(run.stdout + run.stderr, CANARIES);
  });

  it('an identity token (OAuth2 refresh token, POST): ok with push', async () => {
    const h = home({ auths: { [tokenAuth.host]: { username: '<token>', identitytoken: REFRESH_TOKEN } } });
    const before = tokens.seen.length;
    const run = await runCheckCli(['docker', '--json', '--image', image()], envOf(h));
    expect(run.checks[0]).toMatchObject({ outcome: 'ok', push: true });
    expect(tokens.seen.slice(before).map((s) => s.method)).toEqual(['POST']);
    expectNoCanary(run.stdout + run.stderr, CANARIES);
  });

  it('a registry token: used as is; one the registry does not trust is refused (token_rejected)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: 'kc-test-issuer',
      sub: 'pusher',
      aud: 'kc-test-registry',
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: 'x',
      access: [],
    };
    const trusted = signJwt(claims, issuerCert);
    const ok = await runCheckCli(
      ['docker', '--json'],
      envOf(home({ auths: { [tokenAuth.host]: { registrytoken: trusted } } })),
    );
    expect(ok.checks[0]).toMatchObject({ outcome: 'ok', reason: 'authenticated' });
    const stranger = makeSelfSigned(dir, 'stranger', 'not-the-issuer');
    const untrusted = signJwt(claims, stranger);
    const refused = await runCheckCli(
      ['docker', '--json'],
      envOf(home({ auths: { [tokenAuth.host]: { registrytoken: untrusted } } })),
    );
    expect(refused.checks[0]).toMatchObject({ outcome: 'unauthorized', reason: 'token_rejected' });
    expectNoCanary(ok.stdout + refused.stdout, [trusted, untrusted]);
  });

  it('no credentials: no_credentials, naming the Bearer challenge', async () => {
    const run = await runCheckCli(['docker', '--json', '--image', image()], envOf(home({ auths: {} })));
    expect(run.checks[0]).toMatchObject({ outcome: 'no_credentials', reason: 'no_entry' });
    expect(run.checks[0].detail).toContain('Bearer authentication');
  });
});

describe('TLS', () => {
  it('a self-signed registry with its certificate in $HOME/.tls/certificate.crt: ok', async () => {
    const h = home({ auths: { [tls.host]: { auth: b64(`testuser:${BASIC_PASSWORD}`) } } }, tlsCert.certPem);
    const run = await runCheckCli(['docker', '--json'], envOf(h));
    expect(run.checks[0]).toMatchObject({ outcome: 'ok', reason: 'authenticated' });
    expect(run.status).toBe(0);
  });

  it('the same registry without the CA file: tls_error naming the certificate problem', async () => {
    const h = home({ auths: { [tls.host]: { auth: b64(`testuser:${BASIC_PASSWORD}`) } } });
    const run = await runCheckCli(['docker', '--json'], envOf(h));
    expect(run.status).toBe(1);
    expect(run.checks[0]).toMatchObject({ outcome: 'tls_error', reason: 'certificate' });
    expect(run.checks[0].detail).toMatch(/self-signed|not trusted/);
  });

  it('another CA in the file does not make the registry trusted', async () => {
    const other = makeSelfSigned(dir, 'other-ca', 'some-other-ca');
    const h = home({ auths: { [tls.host]: { auth: b64(`testuser:${BASIC_PASSWORD}`) } } }, other.certPem);
    const run = await runCheckCli(['docker', '--json'], envOf(h));
    expect(run.checks[0]).toMatchObject({ outcome: 'tls_error', reason: 'certificate' });
    expect(run.checks[0].detail).toContain('with $HOME/.tls/certificate.crt trusted');
  });
});

describe('network failures', () => {
  let silent: Server;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    // Accepts connections and never answers.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('a closed port: unreachable (connection_refused)', async () => {
    const port = await freePort();
    const run = await runCheckCli(
      ['docker', '--json', '--image', `127.0.0.1:${port}/team/model`],
      envOf(home({ auths: {} })),
    );
    expect(run.checks[0]).toMatchObject({ outcome: 'unreachable', reason: 'connection_refused' });
    expect(run.status).toBe(1);
  });

  it('an endpoint that never answers: timeout after --timeout', async () => {
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const started = Date.now();
    const run = await runCheckCli(
      ['docker', '--json', '--timeout', '1', '--image', `127.0.0.1:${port}/team/model`],
      envOf(home({ auths: {} })),
    );
    expect(run.checks[0]).toMatchObject({ outcome: 'timeout', reason: 'timeout' });
    expect(run.checks[0].detail).toContain('within 1 s');
    expect(run.checks[0].ms).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(20000);
  });
});
