import fc from 'fast-check';
import { planChecks, type CheckOptions } from '../../../src/core/check/plan';
import { runChecks } from '../../../src/core/check/run';
import { s3ErrorCode } from '../../../src/core/check/s3Flow';
import { clock, failure, response, scripted } from './scripted';
import { snapshotOf } from './snapshots';

const AK = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'kc-canary-s3-secret';
const TOKEN = 'kc-canary-session-token';
const rid = { 'x-amz-request-id': 'tx1' };
const s3Error = (code: string) =>
  `<?xml version="1.0"?><Error><Code>${code}</Code><Message>echo ${SECRET}</Message></Error>`;

async function check(
  env: Record<string, string>,
  answers: Parameters<typeof scripted>[0],
  options: Partial<CheckOptions> = {},
  credentials?: string,
) {
  const snapshot = snapshotOf({ env, credentials });
  const plans = planChecks(snapshot, { docker: false, storage: true, storageProvider: 'env', ...options });
  const transport = scripted(answers);
  const results = await runChecks(plans, {
    send: transport.send,
    now: clock(Date.parse('2026-01-02T03:04:05Z')),
    timeoutMs: 5000,
  });
  const text = JSON.stringify(results);
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(AK);
  return { results, requests: transport.requests };
}

const keys = { AWS_ACCESS_KEY_ID: AK, AWS_SECRET_ACCESS_KEY: SECRET };
const minio = { S3_ENDPOINT: 'http://minio.kubeflow:9000', S3_FORCE_PATH_STYLE: 'true' };

describe('the S3 flow (scripted answers)', () => {
  it('a signed HeadBucket, path style, SigV4 with x-amz-content-sha256 and the session token', async () => {
    const { results, requests } = await check(
      { ...keys, ...minio, AWS_SESSION_TOKEN: TOKEN, AWS_REGION: 'eu-west-1' },
      [response(200, rid)],
    );
    expect(results[0]).toMatchObject({
      target: 'http://minio.kubeflow:9000/kaptain',
      kind: 's3',
      outcome: 'ok',
      reason: 'authenticated',
    });
    expect(results[0].detail).toContain('AKIA…MPLE and session token');
    const [head] = requests;
    expect(head).toMatchObject({ method: 'HEAD', url: 'http://minio.kubeflow:9000/kaptain', body: null });
    expect(head.headers.host).toBe('minio.kubeflow:9000');
    expect(head.headers['x-amz-date']).toBe('20260102T030405Z');
    expect(head.headers['x-amz-security-token']).toBe(TOKEN);
    expect(head.headers['x-amz-content-sha256']).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(head.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/20260102\/eu-west-1\/s3\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
    );
  });

  it('virtual-host style by default for a named endpoint, path style for an IP address', async () => {
    const named = await check({ ...keys, S3_ENDPOINT: 'https://s3.example.com/' }, [response(200, rid)]);
    expect(named.requests[0].url).toBe('https://kaptain.s3.example.com/');
    expect(named.requests[0].headers.host).toBe('kaptain.s3.example.com');
    const ip = await check({ ...keys, S3_ENDPOINT: 'http://10.0.0.1:9000' }, [response(200, rid)]);
    expect(ip.requests[0].url).toBe('http://10.0.0.1:9000/kaptain');
    const aws = await check({ ...keys, AWS_REGION: 'eu-west-1' }, [response(200, rid)]);
    expect(aws.requests[0].url).toBe('https://kaptain.s3.eu-west-1.amazonaws.com/');
  });

  it('a refused HEAD is asked again as ListObjectsV2 to read the S3 error code', async () => {
    const cases: [string, number, string, string][] = [
      ['SignatureDoesNotMatch', 403, 'unauthorized', 'signature_mismatch'],
      ['InvalidAccessKeyId', 403, 'unauthorized', 'invalid_access_key'],
      ['AccessDenied', 403, 'unauthorized', 'access_denied'],
      ['ExpiredToken', 400, 'unauthorized', 'expired_token'],
      ['InvalidToken', 400, 'unauthorized', 'invalid_token'],
      ['NoSuchBucket', 404, 'bucket_missing', 'no_such_bucket'],
      ['RequestTimeTooSkewed', 403, 'error', 'clock_skew'],
      ['AuthorizationHeaderMalformed', 400, 'error', 'wrong_region'],
      ['InternalError', 500, 'error', 'server_error'],
      ['SlowDown', 429, 'error', 'unexpected_answer'],
    ];
    for (const [code, status, outcome, reason] of cases) {
      const { results, requests } = await check({ ...keys, ...minio }, [
        response(status, rid),
        response(status, rid, s3Error(code)),
      ]);
      expect(results[0]).toMatchObject({ outcome, reason });
      expect(results[0].detail).toContain(`HeadBucket on kaptain answered ${status} ${code}`);
      expect(requests[1].url).toBe('http://minio.kubeflow:9000/kaptain?list-type=2&max-keys=0');
      expect(requests[1].method).toBe('GET');
    }
  });

  it("radosgw's InvalidArgument for a session token it cannot read is an invalid token; without a token it is not", async () => {
    const withToken = await check({ ...keys, ...minio, AWS_SESSION_TOKEN: TOKEN }, [
      response(400, rid),
      response(400, rid, s3Error('InvalidArgument')),
    ]);
    expect(withToken.results[0]).toMatchObject({ outcome: 'unauthorized', reason: 'invalid_token' });
    const without = await check({ ...keys, ...minio }, [
      response(400, rid),
      response(400, rid, s3Error('InvalidArgument')),
    ]);
    expect(without.results[0]).toMatchObject({ outcome: 'error', reason: 'unexpected_answer' });
  });

  it('never calls an answer without S3 signs a success', async () => {
    const plain200 = await check({ ...keys, ...minio }, [response(200)]);
    expect(plain200.results[0]).toMatchObject({ outcome: 'error', reason: 'not_s3' });
    const html404 = await check({ ...keys, ...minio }, [
      response(404),
      response(404, {}, '<html>nope</html>'),
    ]);
    expect(html404.results[0]).toMatchObject({ outcome: 'error', reason: 'not_s3' });
    const list = await check({ ...keys, ...minio }, [response(200, rid, '<html/>')], { storageUri: 's3://' });
    expect(list.results[0]).toMatchObject({ outcome: 'error', reason: 'not_s3' });
  });

  it('the region hint of a redirect names the bucket region', async () => {
    const { results } = await check(keys, [
      response(301, { ...rid, 'x-amz-bucket-region': 'eu-central-1' }),
      response(301, { ...rid, 'x-amz-bucket-region': 'eu-central-1' }, s3Error('PermanentRedirect')),
    ]);
    expect(results[0]).toMatchObject({ outcome: 'error', reason: 'wrong_region' });
    expect(results[0].detail).toContain('AWS_REGION=eu-central-1');
  });

  it('ListBuckets when the storage URI has no bucket', async () => {
    const { results, requests } = await check(
      { ...keys, ...minio },
      [response(200, rid, '<ListAllMyBucketsResult></ListAllMyBucketsResult>')],
      { storageUri: 's3://' },
    );
    expect(requests[0]).toMatchObject({ method: 'GET', url: 'http://minio.kubeflow:9000/' });
    expect(results[0]).toMatchObject({ outcome: 'ok', target: 'http://minio.kubeflow:9000/' });
  });

  it('SigV2 for S3_SIGNATURE_VERSION=s3: Date and AWS KEY:SIGNATURE', async () => {
    const { requests } = await check({ ...keys, ...minio, S3_SIGNATURE_VERSION: 's3' }, [response(200, rid)]);
    expect(requests[0].headers.date).toBe('Fri, 02 Jan 2026 03:04:05 GMT');
    expect(requests[0].headers.authorization).toMatch(/^AWS AKIAIOSFODNN7EXAMPLE:[A-Za-z0-9+/]{27}=$/);
  });

  it('settings the SDK refuses and missing keys are decided without a request', async () => {
    for (const env of [
      { ...keys, S3_ENDPOINT: 'minio.kubeflow:9000' },
      { ...keys, S3_FORCE_PATH_STYLE: 'yes' },
      { ...keys, S3_SIGNATURE_VERSION: 'v2' },
      { ...keys, AWS_ACCESS_KEY_ID: `${AK}\n` },
    ]) {
      const { results, requests } = await check(env, []);
      expect(results[0]).toMatchObject({ outcome: 'error', reason: 'invalid_setting', ms: 0 });
      expect(requests).toEqual([]);
    }
    const none = await check({ AWS_ACCESS_KEY_ID: AK }, []);
    expect(none.results[0]).toMatchObject({ outcome: 'no_credentials', reason: 'no_keys' });
    const notS3 = await check(keys, [], { storageUri: 'gs://bucket' });
    expect(notS3.results[0]).toMatchObject({ outcome: 'error', reason: 'invalid_setting' });
  });

  it('S3ConfigurationProvider.default() reads the selected profile of ~/.aws/credentials', async () => {
    const file = `[default]\naws_access_key_id = AKIADEFAULTKEY000000\naws_secret_access_key = x\n[team]\naws_access_key_id = ${AK}\naws_secret_access_key = ${SECRET}\naws_session_token = ${TOKEN}\n`;
    const { requests, results } = await check(
      { ...minio, AWS_PROFILE: 'team' },
      [response(200, rid)],
      { storageProvider: 's3' },
      file,
    );
    expect(requests[0].headers.authorization).toContain(`Credential=${AK}/`);
    expect(requests[0].headers['x-amz-security-token']).toBe(TOKEN);
    expect(results[0].provider).toBe('S3ConfigurationProvider.default()');
    const noFile = await check(minio, [], { storageProvider: 's3' });
    expect(noFile.results[0]).toMatchObject({ outcome: 'no_credentials', reason: 'no_keys' });
    expect(noFile.results[0].detail).toContain('missing');
    const noProfile = await check({ ...minio, AWS_PROFILE: 'nope' }, [], { storageProvider: 's3' }, file);
    expect(noProfile.results[0]).toMatchObject({ outcome: 'no_credentials', reason: 'profile_not_found' });
  });

  it('MinIO: path style at the configured endpoint; reachability only without keys', async () => {
    const reach = await check({}, [response(403, {}, s3Error('AccessDenied'))], { storageProvider: 'minio' });
    expect(reach.requests[0]).toMatchObject({ method: 'GET', url: 'http://minio.kubeflow/' });
    expect(reach.requests[0].headers.authorization).toBeUndefined();
    expect(reach.results[0]).toMatchObject({
      kind: 'minio',
      outcome: 'ok',
      reason: 'reachable_only',
      provider: 'DefaultMinioConfigurationProvider.default()',
    });
    const signed = await check({ MINIO_ACCESS_KEY: AK, MINIO_SECRET_KEY: SECRET }, [response(200, rid)], {
      storageProvider: 'minio',
      minioEndpoint: 'http://minio.example:9000',
    });
    expect(signed.requests[0].url).toBe('http://minio.example:9000/kaptain');
    expect(signed.results[0]).toMatchObject({ kind: 'minio', outcome: 'ok', reason: 'authenticated' });
    const down = await check({}, [failure('unreachable', 'ENOTFOUND')], { storageProvider: 'minio' });
    expect(down.results[0]).toMatchObject({ outcome: 'unreachable', reason: 'dns' });
  });

  it('reads only an identifier as the S3 error code', () => {
    expect(s3ErrorCode('<Error><Code>NoSuchBucket</Code></Error>')).toBe('NoSuchBucket');
    expect(s3ErrorCode('<Code>a b</Code>')).toBeNull();
    fc.assert(
      fc.property(fc.string(), (s) => {
        const code = s3ErrorCode(s);
        expect(code === null || /^[A-Za-z][A-Za-z0-9.]*$/.test(code)).toBe(true);
      }),
    );
  });
});
