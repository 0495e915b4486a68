/**
 * `check storage` against Ceph radosgw from Debian, which verifies SigV4, SigV2 and STS session tokens for real:
 * right keys, a wrong secret, an unknown key, a key without permission, a bucket that does not exist,
 * ListBuckets, path-style and virtual-host addressing, SigV2, the credentials file provider, session tokens
 * (right, tampered, expired), a clock off by 20 minutes, the MinIO setting with and without keys, and a TLS
 * endpoint and a silent one. The cluster is the run's shared one (sharedCeph.ts). Every secret is a canary.
 */
import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { planChecks } from '../../../src/core/check/plan';
import { runChecks } from '../../../src/core/check/run';
import type { AwsCredentials } from '../../../src/core/check/sigv4';
import { sendWithNode } from '../../../src/node/check/nodeTransport';
import { readSnapshot } from '../../../src/node/readSnapshot';
import { makeTempHome, type TempHome } from '../../support/tempHome';
import { getSessionToken, signedRequest, type RunningCeph } from '../support/ceph';
import { sharedCeph } from '../support/sharedCeph';
import { freePort } from '../support/serverProcesses';
import { makeSelfSigned } from '../support/testCertificates';
import { expectNoCanary, runCheckCli } from './checkCli';

const hex = (n: number) => randomBytes(n).toString('hex');
const WRONG_SECRET = `kc-canary-wrong-${hex(12)}`;
const canaries = [WRONG_SECRET];

let dir: string;
let ceph: RunningCeph;
/** The shared Ceph's two users (their secrets are canaries). */
let USER: AwsCredentials;
let OTHER: AwsCredentials;
let session: AwsCredentials;
const homes: TempHome[] = [];

function home(files: Record<string, string> = {}): TempHome {
  const h = makeTempHome('kc-check-s3-');
  homes.push(h);
  for (const [name, content] of Object.entries(files)) h.write(name, content);
  return h;
}

const fromEnv = (endpoint: string, keys: AwsCredentials, extra: Record<string, string> = {}) => ({
  HOME: home().dir,
  AWS_ACCESS_KEY_ID: keys.accessKeyId,
  AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
  ...(keys.sessionToken ? { AWS_SESSION_TOKEN: keys.sessionToken } : {}),
  S3_ENDPOINT: endpoint,
  S3_FORCE_PATH_STYLE: 'true',
  ...extra,
});

const check = (env: Record<string, string>, ...args: string[]) =>
  runCheckCli(['storage', '--json', '--storage-provider', 'from-env', ...args], env);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kc-ceph-e2e-'));
  ceph = await sharedCeph();
  USER = ceph.user;
  OTHER = ceph.otherUser;
  const made = await signedRequest(ceph.plainEndpoint, 'PUT', '/kaptain', USER);
  expect(made.status).toBe(200);
  session = await getSessionToken(ceph.stsEndpoint, USER);
  canaries.push(USER.secretAccessKey, OTHER.secretAccessKey);
  canaries.push(session.secretAccessKey, session.sessionToken as string);
}, 175000);

afterAll(async () => {
  for (const h of homes) h.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('S3ConfigurationProvider.from_env() against radosgw', () => {
  it('right keys: ok, HeadBucket on the bucket of base_model_storage_uri, exit 0', async () => {
    const run = await check(fromEnv(ceph.plainEndpoint, USER));
    expect(run.status).toBe(0);
    expect(run.checks).toEqual([
      expect.objectContaining({
        target: `${ceph.plainEndpoint}/kaptain`,
        kind: 's3',
        outcome: 'ok',
        reason: 'authenticated',
        provider: 'S3ConfigurationProvider.from_env()',
      }),
    ]);
    expect(run.checks[0].detail).toContain('HeadBucket on kaptain answered 200 (SigV4)');
    expect(run.checks[0].detail).toContain(`${USER.accessKeyId.slice(0, 4)}…${USER.accessKeyId.slice(-4)}`);
    expectNoCanary(run.stdout + run.stderr, canaries);
  });

  it('a wrong secret: unauthorized (SignatureDoesNotMatch), exit 1', async () => {
    const run = await check(fromEnv(ceph.plainEndpoint, { ...USER, secretAccessKey: WRONG_SECRET }));
    expect(run.status).toBe(1);
    expect(run.checks[0]).toMatchObject({ outcome: 'unauthorized', reason: 'signature_mismatch' });
    expect(run.checks[0].detail).toContain('403 SignatureDoesNotMatch');
    expectNoCanary(run.stdout + run.stderr, canaries);
  });

  it('an unknown access key: unauthorized (InvalidAccessKeyId)', async () => {
    const run = await check(
      fromEnv(ceph.plainEndpoint, { ...USER, accessKeyId: `KCNOBODY${hex(6).toUpperCase()}` }),
    );
    expect(run.checks[0]).toMatchObject({ outcome: 'unauthorized', reason: 'invalid_access_key' });
    expect(run.checks[0].detail).toContain('403 InvalidAccessKeyId');
  });

  it("another user's valid keys on this bucket: unauthorized (AccessDenied)", async () => {
    const run = await check(fromEnv(ceph.plainEndpoint, OTHER));
    expect(run.checks[0]).toMatchObject({ outcome: 'unauthorized', reason: 'access_denied' });
    expect(run.checks[0].detail).toContain('403 AccessDenied');
  });

  it('a bucket that does not exist: bucket_missing (NoSuchBucket)', async () => {
    const run = await check(
      fromEnv(ceph.plainEndpoint, USER),
      '--storage-uri',
      's3://kc-no-such-bucket/models',
    );
    expect(run.status).toBe(1);
    expect(run.checks[0]).toMatchObject({ outcome: 'bucket_missing', reason: 'no_such_bucket' });
    expect(run.checks[0].detail).toContain('404 NoSuchBucket');
  });

  it('no bucket in the storage URI: ListBuckets, ok; with a wrong secret, refused', async () => {
    const run = await check(fromEnv(ceph.plainEndpoint, USER), '--storage-uri', 's3://');
    expect(run.checks[0]).toMatchObject({ outcome: 'ok', target: `${ceph.plainEndpoint}/` });
    expect(run.checks[0].detail).toContain('ListBuckets answered 200');
    const wrong = await check(
      fromEnv(ceph.plainEndpoint, { ...USER, secretAccessKey: WRONG_SECRET }),
      '--storage-uri',
      's3://',
    );
    expect(wrong.checks[0]).toMatchObject({ outcome: 'unauthorized', reason: 'signature_mismatch' });
  });

  it('SigV2 (S3_SIGNATURE_VERSION=s3): right keys ok, a wrong secret refused', async () => {
    const env = fromEnv(ceph.plainEndpoint, USER, { S3_SIGNATURE_VERSION: 's3' });
    const run = await check(env);
    expect(run.checks[0]).toMatchObject({ outcome: 'ok' });
    expect(run.checks[0].detail).toContain('(SigV2)');
    const wrong = await check({ ...env, AWS_SECRET_ACCESS_KEY: WRONG_SECRET });
    expect(wrong.checks[0]).toMatchObject({ outcome: 'unauthorized', reason: 'signature_mismatch' });
  });

  it('path-style addressing as S3_FORCE_PATH_STYLE says; virtual-host style needs the bucket name to resolve', async () => {
    const port = new URL(ceph.plainEndpoint).port;
    const named = `http://localhost:${port}`;
    const pathStyle = await check(fromEnv(named, USER, { S3_FORCE_PATH_STYLE: 'true' }));
    expect(pathStyle.checks[0]).toMatchObject({ outcome: 'ok', target: `${named}/kaptain` });
    const virtual = await check(fromEnv(named, USER, { S3_FORCE_PATH_STYLE: 'false' }));
    const resolves = await lookup('kaptain.localhost').then(
      () => true,
      () => false,
    );
    // botocore's default for a named endpoint is virtual-host style: kaptain.localhost:PORT.
    if (resolves) expect(virtual.checks[0]).toMatchObject({ outcome: 'ok' });
    else expect(virtual.checks[0]).toMatchObject({ outcome: 'unreachable', reason: 'dns' });
  });

  it('no keys: no_credentials without contacting anything; an endpoint without scheme: error', async () => {
    const none = await check({ HOME: home().dir, S3_ENDPOINT: ceph.plainEndpoint });
    expect(none.checks[0]).toMatchObject({ outcome: 'no_credentials', reason: 'no_keys', ms: 0 });
    const bad = await check(fromEnv(ceph.plainEndpoint.replace('http://', ''), USER));
    expect(bad.checks[0]).toMatchObject({ outcome: 'error', reason: 'invalid_setting' });
  });
});

describe('S3ConfigurationProvider.default() (~/.aws/credentials)', () => {
  const file = () =>
    `[default]\naws_access_key_id = ${USER.accessKeyId}\naws_secret_access_key = ${USER.secretAccessKey}\n`;

  it('the [default] profile: ok', async () => {
    const h = home({ '.aws/credentials': file() });
    const run = await runCheckCli(['storage', '--json', '--storage-provider', 's3'], {
      HOME: h.dir,
      S3_ENDPOINT: ceph.plainEndpoint,
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(run.checks[0]).toMatchObject({ outcome: 'ok', provider: 'S3ConfigurationProvider.default()' });
    expectNoCanary(run.stdout + run.stderr, canaries);
  });

  it('AWS_PROFILE naming a profile the file lacks: no_credentials (profile_not_found)', async () => {
    const h = home({ '.aws/credentials': file() });
    const run = await runCheckCli(['storage', '--json', '--storage-provider', 's3'], {
      HOME: h.dir,
      AWS_PROFILE: 'team',
      S3_ENDPOINT: ceph.plainEndpoint,
    });
    expect(run.checks[0]).toMatchObject({ outcome: 'no_credentials', reason: 'profile_not_found' });
  });
});

describe('session tokens (STS GetSessionToken on radosgw)', () => {
  it('the right token: ok, signed with the session token', async () => {
    const run = await check(fromEnv(ceph.stsEndpoint, session));
    expect(run.checks[0]).toMatchObject({ outcome: 'ok', reason: 'authenticated' });
    expect(run.checks[0].detail).toContain('and session token');
    expectNoCanary(run.stdout + run.stderr, canaries);
  });

  it('a tampered token: unauthorized (invalid_token; radosgw answers 400 InvalidArgument)', async () => {
    const token = session.sessionToken as string;
    const tampered = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    const run = await check(fromEnv(ceph.stsEndpoint, { ...session, sessionToken: tampered }));
    expect(run.checks[0]).toMatchObject({ outcome: 'unauthorized', reason: 'invalid_token' });
    expect(run.checks[0].detail).toContain('400 InvalidArgument');
    expectNoCanary(run.stdout + run.stderr, [...canaries, tampered]);
  });

  it('the keys without their token: unauthorized', async () => {
    const run = await check(fromEnv(ceph.stsEndpoint, { ...session, sessionToken: null }));
    expect(run.checks[0]).toMatchObject({ outcome: 'unauthorized' });
  });

  it('an expired token (a gateway 20 minutes ahead, the engine signing with that clock): unauthorized', async () => {
    const env = fromEnv(ceph.lateEndpoint, session);
    const plans = planChecks(readSnapshot(env), { docker: false, storage: true, storageProvider: 'env' });
    const [result] = await runChecks(plans, {
      send: sendWithNode,
      now: () => Date.now() + 20 * 60 * 1000,
      timeoutMs: 5000,
    });
    // radosgw (Pacific) answers an expired session token with AccessDenied; AWS says ExpiredToken (expired_token).
    expect(result).toMatchObject({ outcome: 'unauthorized', reason: 'access_denied' });
    expect(result.detail).toContain('expired');
    // The same token is fine on the gateway whose clock is right.
    const [fresh] = await runChecks(
      planChecks(readSnapshot(fromEnv(ceph.stsEndpoint, session)), {
        docker: false,
        storage: true,
        storageProvider: 'env',
      }),
      {
        send: sendWithNode,
        now: Date.now,
        timeoutMs: 5000,
      },
    );
    expect(fresh.outcome).toBe('ok');
    expectNoCanary(JSON.stringify([result, fresh]), canaries);
  });

  it('a clock 20 minutes off: error (clock_skew, RequestTimeTooSkewed)', async () => {
    const run = await check(fromEnv(ceph.lateEndpoint, USER));
    expect(run.checks[0]).toMatchObject({ outcome: 'error', reason: 'clock_skew' });
    expect(run.checks[0].detail).toContain('RequestTimeTooSkewed');
  });
});

describe('the in-cluster MinIO setting (Config.default())', () => {
  it('without keys, reachability only: ok (reachable_only); check with no target does docker and MinIO', async () => {
    const run = await runCheckCli(['--json', '--minio-endpoint', ceph.plainEndpoint], { HOME: home().dir });
    const minio = run.checks.find((c) => c.kind === 'minio');
    expect(minio).toMatchObject({
      outcome: 'ok',
      reason: 'reachable_only',
      provider: 'DefaultMinioConfigurationProvider.default()',
    });
    expect(run.checks.find((c) => c.kind === 'docker')).toMatchObject({ outcome: 'no_credentials' });
    expect(run.status).toBe(1);
  });

  it('with MINIO_ACCESS_KEY and MINIO_SECRET_KEY: a signed check, right and wrong', async () => {
    const env = {
      HOME: home().dir,
      KAPTAIN_MINIO_ENDPOINT: ceph.plainEndpoint,
      MINIO_ACCESS_KEY: USER.accessKeyId,
    };
    const good = await runCheckCli(['storage', '--json'], { ...env, MINIO_SECRET_KEY: USER.secretAccessKey });
    expect(good.checks[0]).toMatchObject({ kind: 'minio', outcome: 'ok', reason: 'authenticated' });
    expect(good.status).toBe(0);
    const bad = await runCheckCli(['storage', '--json'], { ...env, MINIO_SECRET_KEY: WRONG_SECRET });
    expect(bad.checks[0]).toMatchObject({
      kind: 'minio',
      outcome: 'unauthorized',
      reason: 'signature_mismatch',
    });
    expectNoCanary(good.stdout + bad.stdout + good.stderr + bad.stderr, canaries);
  });

  it('a MinIO endpoint where nothing listens: unreachable', async () => {
    const port = await freePort();
    const run = await runCheckCli(['storage', '--json', '--minio-endpoint', `http://127.0.0.1:${port}`], {
      HOME: home().dir,
    });
    expect(run.checks[0]).toMatchObject({
      kind: 'minio',
      outcome: 'unreachable',
      reason: 'connection_refused',
    });
  });
});

describe('endpoints that fail below HTTP', () => {
  let silent: Server;
  let tls: TlsServer;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const cert = makeSelfSigned(dir, 's3-tls', 'kc-s3', ['IP:127.0.0.1']);
    tls = createTlsServer({ cert: cert.certPem, key: cert.keyPem }, (_req, res) => res.end());
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
    await new Promise((resolve) => tls.close(resolve));
  });
  const portOf = (server: Server | TlsServer) => {
    const address = server.address();
    return typeof address === 'object' && address ? address.port : 0;
  };

  it('an endpoint that never answers: timeout', async () => {
    const run = await check(fromEnv(`http://127.0.0.1:${portOf(silent)}`, USER), '--timeout', '1');
    expect(run.checks[0]).toMatchObject({ outcome: 'timeout', reason: 'timeout' });
  });

  it('an https endpoint with a self-signed certificate: tls_error', async () => {
    const run = await check(fromEnv(`https://127.0.0.1:${portOf(tls)}`, USER));
    expect(run.checks[0]).toMatchObject({ outcome: 'tls_error', reason: 'certificate' });
  });
});
