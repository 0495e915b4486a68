/**
 * The world the VS Code and JupyterLab suites check against (test/e2e/support/liveCheckWorld.ts), checked first
 * through the CLI: every row of its table gives the outcome it promises. When a face's suite fails, this one says
 * whether the face or the world is at fault.
 */
import { makeTempHome, type TempHome } from '../../support/tempHome';
import { startLiveCheckWorld, type LiveCheckWorld } from '../support/liveCheckWorld';
import { expectNoCanary, runCheckCli } from './checkCli';

let world: LiveCheckWorld;
let home: TempHome;

beforeAll(async () => {
  world = await startLiveCheckWorld();
  home = makeTempHome('kc-world-');
  home.write('.docker/config.json', world.dockerConfig, 0o600);
}, 175000);

afterAll(async () => {
  await world?.stop();
  home?.remove();
});

const outcomeOf = (checks: { target: string; outcome: string }[], target: string) =>
  checks.find((c) => c.target === target)?.outcome;

test('Docker: one auths entry per outcome; the TLS registry is ok once its certificate is the CA', async () => {
  const run = await runCheckCli(['docker', '--json', '--timeout', '2'], { HOME: home.dir, ...world.env });
  const { docker } = world;
  expect(Object.fromEntries(run.checks.map((c) => [c.target, c.outcome]))).toEqual({
    [docker.ok]: 'ok',
    [docker.unauthorized]: 'unauthorized',
    [docker.tls]: 'tls_error',
    [docker.noCredentials]: 'no_credentials',
    [docker.unreachable]: 'unreachable',
    [docker.timeout]: 'timeout',
  });
  home.write('.tls/certificate.crt', world.tlsCertificatePem);
  const trusted = await runCheckCli(['docker', '--json', '--timeout', '2'], { HOME: home.dir, ...world.env });
  expect(outcomeOf(trusted.checks, docker.tls)).toBe('ok');
  expectNoCanary(run.stdout + run.stderr + trusted.stdout + trusted.stderr, world.canaries);
});

test('storage: ok, bucket_missing and error (clock skew) for MinIO with its keys; unauthorized for the s3 provider', async () => {
  const { storage } = world;
  const env = { HOME: home.dir, ...world.env };
  const minio = (endpoint: string, bucket: string) =>
    runCheckCli(
      ['storage', '--json', '--minio-endpoint', endpoint, '--storage-uri', `s3://${bucket}/models`],
      env,
    );
  const runs = [
    await minio(storage.endpoint, storage.bucket),
    await minio(storage.endpoint, storage.missingBucket),
    await minio(storage.lateEndpoint, storage.bucket),
  ];
  expect(runs.map((r) => [r.checks[0]?.kind, r.checks[0]?.outcome, r.checks[0]?.reason])).toEqual([
    ['minio', 'ok', 'authenticated'],
    ['minio', 'bucket_missing', 'no_such_bucket'],
    ['minio', 'error', 'clock_skew'],
  ]);
  home.write('.aws/credentials', world.wrongAwsCredentials, 0o600);
  const s3 = await runCheckCli(
    ['storage', '--json', '--storage-provider', 's3', '--storage-uri', `s3://${storage.bucket}/models`],
    env,
  );
  expect(s3.checks[0]).toMatchObject({ kind: 's3', outcome: 'unauthorized', reason: 'signature_mismatch' });
  expectNoCanary([...runs, s3].map((r) => r.stdout + r.stderr).join('\n'), world.canaries);
});
