import fc from 'fast-check';
import { dockerCredentialsFor } from '../../../src/core/check/dockerCredentials';
import { inspectDockerConfig } from '../../../src/core/dockerConfig';
import { bucketOf, isLoopbackHost, planChecks } from '../../../src/core/check/plan';
import { runChecks } from '../../../src/core/check/run';
import { Sealed } from '../../../src/core/check/sealed';
import { CHECK_OUTCOMES } from '../../../src/core/check/types';
import { fixFor } from '../../../src/core/check/fixes';
import { clock, response } from './scripted';
import { b64, snapshotOf } from './snapshots';

const lookup = (config: object | string, key: string) => {
  const bytes = new TextEncoder().encode(typeof config === 'string' ? config : JSON.stringify(config));
  const inspected = inspectDockerConfig({ path: '/h/.docker/config.json', file: { kind: 'file', bytes } });
  return dockerCredentialsFor(inspected, bytes, key, '/h/.docker/config.json');
};

describe('the Docker credentials a push would use', () => {
  it('decodes auth to the exact user:password bytes, NULs trimmed from the password as docker/cli does', () => {
    const found = lookup({ auths: { 'r.io': { auth: b64('bob:pw\u0000\u0000') } } }, 'r.io');
    expect(found).toMatchObject({ ok: true, entry: 'r.io', username: 'bob' });
    if (!found.ok) throw new Error('not found');
    expect(found.credentials.open()).toEqual({ kind: 'basic', basic: b64('bob:pw') });
  });

  it('prefers auth over username/password, and a registry token over an identity token over both', () => {
    const both = lookup({ auths: { 'r.io': { auth: b64('a:1'), username: 'b', password: '2' } } }, 'r.io');
    expect(both.ok && both.credentials.open()).toEqual({ kind: 'basic', basic: b64('a:1') });
    const fields = lookup({ auths: { 'r.io': { username: 'b', password: '2' } } }, 'r.io');
    expect(fields.ok && fields.credentials.open()).toEqual({ kind: 'basic', basic: b64('b:2') });
    const tokens = lookup(
      { auths: { 'r.io': { auth: b64('a:1'), identitytoken: 'i', registrytoken: 'r' } } },
      'r.io',
    );
    expect(tokens.ok && tokens.credentials.open()).toEqual({ kind: 'registry_token', token: 'r' });
    const identity = lookup({ auths: { 'r.io': { identitytoken: 'i' } } }, 'r.io');
    expect(identity.ok && identity.credentials.open()).toEqual({ kind: 'identity_token', token: 'i' });
  });

  it('finds a legacy key by host, as the file store does; reads Go-style case-insensitive field names', () => {
    const legacy = lookup({ auths: { 'https://r.io/v1/': { auth: b64('a:1') } } }, 'r.io');
    expect(legacy).toMatchObject({ ok: true, entry: 'https://r.io/v1/' });
    const cased = lookup('{"Auths": {"r.io": {"Auth": "' + b64('a:1') + '"}}}', 'r.io');
    expect(cased).toMatchObject({ ok: true, username: 'a' });
  });

  it('says why there is nothing: no entry, empty entry, no password, credsStore, credHelpers, ambiguity, bad auth', () => {
    expect(lookup({ auths: {} }, 'r.io')).toMatchObject({ ok: false, reason: 'no_entry' });
    expect(lookup({ auths: { 'r.io': {} } }, 'r.io')).toMatchObject({ ok: false, reason: 'no_entry' });
    expect(lookup({ auths: { 'r.io': { username: 'a' } } }, 'r.io')).toMatchObject({
      ok: false,
      reason: 'no_password',
    });
    expect(
      lookup({ auths: { 'r.io': { auth: b64('a:1') } }, credsStore: 'osxkeychain' }, 'r.io'),
    ).toMatchObject({ ok: false, reason: 'creds_store' });
    expect(
      lookup({ auths: { 'r.io': { auth: b64('a:1') } }, credHelpers: { 'r.io': 'gcr' } }, 'r.io'),
    ).toMatchObject({ ok: false, reason: 'cred_helper' });
    expect(
      lookup(
        { auths: { 'http://r.io': { auth: b64('a:1') }, 'https://r.io': { auth: b64('b:2') } } },
        'r.io',
      ),
    ).toMatchObject({ ok: false, reason: 'no_entry' });
    expect(lookup({ auths: { 'r.io': { auth: 'bm90LWEtcGFpcg==' } } }, 'r.io')).toMatchObject({
      ok: false,
      reason: 'config_unusable',
    });
    expect(lookup('{"auths": ', 'r.io')).toMatchObject({ ok: false, reason: 'config_unusable' });
  });

  it('the sealed secret does not serialise', () => {
    const found = lookup({ auths: { 'r.io': { auth: b64('a:kc-canary-pw') } } }, 'r.io');
    expect(JSON.stringify(found)).not.toContain(b64('a:kc-canary-pw'));
    expect(String(new Sealed('kc-canary'))).toBe('[sealed]');
  });
});

describe('planChecks', () => {
  it('without images: one check per auths entry, Docker Hub at registry-1.docker.io', () => {
    const snapshot = snapshotOf({
      config: {
        auths: { 'https://index.docker.io/v1/': { auth: b64('a:1') }, 'r.io:5000': { auth: b64('b:2') } },
      },
    });
    const plans = planChecks(snapshot, { docker: true, storage: false });
    expect(plans.map((p) => [p.target, 'apiHost' in p ? p.apiHost : null])).toEqual([
      ['docker.io', 'registry-1.docker.io'],
      ['r.io:5000', 'r.io:5000'],
    ]);
  });

  it('docker and storage by default options; storage alone; MinIO by default', () => {
    const snapshot = snapshotOf({ config: { auths: {} } });
    expect(planChecks(snapshot, { docker: true, storage: true }).map((p) => p.kind)).toEqual([
      'docker',
      'minio',
    ]);
    expect(planChecks(snapshot, { docker: false, storage: true })).toEqual([
      expect.objectContaining({ kind: 'minio', target: 'http://minio.kubeflow/kaptain' }),
    ]);
  });

  it('reads buckets from storage URIs and knows loopback hosts', () => {
    expect(bucketOf('s3://kaptain/models')).toBe('kaptain');
    expect(bucketOf('s3://b')).toBe('b');
    expect(bucketOf('s3://')).toBeNull();
    expect(bucketOf('')).toBeNull();
    expect(bucketOf('https://x/y')).toBeUndefined();
    expect(['localhost:5000', '127.0.0.1', '127.1.2.3:80', '[::1]:5000'].map(isLoopbackHost)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['registry.local:5000', '128.0.0.1', '[::2]'].map(isLoopbackHost)).toEqual([false, false, false]);
  });

  it('no result ever carries a planted secret, whatever the inputs and the answers', async () => {
    const canary = 'kc-canary-Zq9';
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          user: fc.string({ maxLength: 8 }).filter((s) => !s.includes(':') && !s.includes(canary)),
          field: fc.constantFrom('auth', 'password', 'identitytoken', 'registrytoken'),
          status: fc.constantFrom(200, 301, 400, 401, 403, 404, 500),
          challenge: fc.constantFrom('Basic realm=x', 'Bearer realm="https://t/x",service=s', '', 'garbage'),
          body: fc.constantFrom(
            '',
            `{"errors":[{"code":"${canary}","message":"${canary}"}]}`,
            `<Error><Code>AccessDenied</Code><Message>${canary}</Message></Error>`,
            `{"token":"${canary}"}`,
          ),
          provider: fc.constantFrom('minio' as const, 's3' as const, 'env' as const),
        }),
        async (c) => {
          const value = c.field === 'auth' ? b64(`${c.user || 'u'}:${canary}`) : canary;
          const snapshot = snapshotOf({
            config: { auths: { 'r.io': { username: c.user, [c.field]: value } } },
            credentials: `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${canary}\n`,
            env: {
              AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
              AWS_SECRET_ACCESS_KEY: canary,
              AWS_SESSION_TOKEN: canary,
              S3_ENDPOINT: 'http://s3.local',
              MINIO_ACCESS_KEY: 'AKIAIOSFODNN7EXAMPLE',
              MINIO_SECRET_KEY: canary,
            },
          });
          const plans = planChecks(snapshot, {
            docker: true,
            storage: true,
            images: ['r.io/team/model'],
            storageProvider: c.provider,
          });
          const answer = () =>
            response(c.status, { 'www-authenticate': c.challenge, 'x-amz-request-id': 't' }, c.body);
          const results = await runChecks(plans, {
            send: async () => answer(),
            now: clock(),
            timeoutMs: 5000,
          });
          const text = JSON.stringify([results, plans]);
          expect(text).not.toContain(canary);
          expect(text).not.toContain('AKIAIOSFODNN7EXAMPLE');
          for (const r of results) {
            expect(CHECK_OUTCOMES).toContain(r.outcome);
            expect(r.outcome === 'ok' ? fixFor(r) : 'fine').not.toBeUndefined();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
