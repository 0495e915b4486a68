import { b64, codes, lintDocs, lintText, one, only, secret } from './lintHelpers';

const DOCKER_CONFIG = JSON.stringify({
  auths: { 'https://index.docker.io/v1/': { auth: b64('ml-bot:s3cr3t-pw') } },
});

describe('Secret names and keys', () => {
  test('SECRET_NAME_INVALID for a name that is not a DNS-1123 subdomain', () => {
    const r = lintDocs([secret('Docker_Secret', { data: { 'config.json': b64(DOCKER_CONFIG) } })]);
    const f = one(r, 'SECRET_NAME_INVALID');
    expect(f).toMatchObject({
      severity: 'error',
      subject: 'Secret/Docker_Secret',
      objects: ['Secret/Docker_Secret'],
    });
    expect(f.fix).toContain('docker-secret');
    expect(f.location).toMatchObject({ file: 'set.yaml', line: 4, column: 9, endLine: 4, endColumn: 22 });
  });

  test('near miss: dots and dashes are fine', () => {
    expect(
      codes(lintDocs([secret('docker.secret-1', { data: { 'config.json': b64(DOCKER_CONFIG) } })])),
    ).toEqual([]);
  });

  test('SECRET_KEY_INVALID for a key with a slash, "..", or over 253 characters, in data or stringData', () => {
    const r = lintDocs([
      secret('s', { data: { 'a/b': b64('x'), '..x': b64('x') }, stringData: { ['k'.repeat(254)]: 'x' } }),
    ]);
    expect(only(r, 'SECRET_KEY_INVALID')).toHaveLength(3);
    expect(only(r, 'SECRET_KEY_INVALID')[0].objects).toEqual(['Secret/s']);
  });

  test('near miss: letters, digits, "-", "_" and "." are valid keys', () => {
    expect(codes(lintDocs([secret('s', { data: { '.dockerconfigjson-x_1': b64('x') } })]))).toEqual([]);
  });
});

describe('data and stringData', () => {
  test('SECRET_DATA_NOT_BASE64: missing padding, URL-safe alphabet, raw text', () => {
    const r = lintDocs([secret('s', { data: { A: 'YWJj ZA', B: 'YWJjZA', C: '-_-_', D: 'user:pw' } })]);
    const found = only(r, 'SECRET_DATA_NOT_BASE64');
    expect(found.map((f) => f.message.match(/"(\w)"/)?.[1])).toEqual(['A', 'B', 'C', 'D']);
    expect(found[1].message).toContain('multiple of 4');
    expect(found[2].message).toContain('URL-safe');
    for (const f of found) expect(f.objects).toEqual(['Secret/s']);
  });

  test('a value that is not base64 is not inspected further', () => {
    const r = lintDocs([secret('s', { data: { S3_ENDPOINT: 'minio:9000' } })]);
    expect(codes(r)).toEqual(['SECRET_DATA_NOT_BASE64']);
  });

  test('near miss: line breaks inside base64 are skipped, as Go base64.StdEncoding does', () => {
    const encoded = b64('a value long enough to wrap');
    const text = `apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: user}\ndata:\n  k: |\n    ${encoded.slice(0, 12)}\n    ${encoded.slice(12)}\n`;
    expect(codes(lintText(text))).toEqual([]);
  });

  test('a null data value is an empty value, as Go decodes it', () => {
    expect(
      codes(lintText('apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: u}\ndata:\n  k:\n')),
    ).toEqual([]);
  });

  test('SECRET_STRINGDATA_OVERRIDES_DATA when a key is in both; the stringData value is the one inspected', () => {
    const r = lintDocs([
      secret('s', {
        data: { S3_ENDPOINT: b64('minio:9000') },
        stringData: { S3_ENDPOINT: 'http://minio:9000' },
      }),
    ]);
    expect(codes(r)).toEqual(['SECRET_STRINGDATA_OVERRIDES_DATA']);
    expect(one(r, 'SECRET_STRINGDATA_OVERRIDES_DATA').severity).toBe('warning');
  });

  test('near miss: different keys in data and stringData', () => {
    const r = lintDocs([
      secret('s', {
        data: { AWS_REGION: b64('us-east-1') },
        stringData: { S3_ENDPOINT: 'http://minio:9000' },
      }),
    ]);
    expect(codes(r)).toEqual([]);
  });

  test('SECRET_SCHEMA_INVALID for an unquoted boolean or number in stringData, and data that is not a mapping', () => {
    const r = lintText(
      'apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: u}\nstringData:\n  S3_FORCE_PATH_STYLE: yes\n  PORT: 9000\n',
    );
    expect(only(r, 'SECRET_SCHEMA_INVALID')).toHaveLength(2);
    expect(only(r, 'SECRET_SCHEMA_INVALID')[0].fix).toContain('Quote');
    const list = lintText('apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: u}\ndata: [a, b]\n');
    expect(codes(list)).toEqual(['SECRET_SCHEMA_INVALID']);
  });

  test('SECRET_SCHEMA_INVALID for a wrong apiVersion and for a dockerconfigjson Secret without .dockerconfigjson', () => {
    const wrong = lintDocs([{ ...secret('s', { data: { k: b64('v') } }), apiVersion: 'apps/v1' }]);
    expect(codes(wrong)).toEqual(['SECRET_SCHEMA_INVALID']);
    const typed = lintDocs([
      secret('s', { type: 'kubernetes.io/dockerconfigjson', data: { 'config.json': b64(DOCKER_CONFIG) } }),
    ]);
    expect(codes(typed)).toEqual(['SECRET_SCHEMA_INVALID']);
    const ok = lintDocs([
      secret('s', {
        type: 'kubernetes.io/dockerconfigjson',
        data: { '.dockerconfigjson': b64(DOCKER_CONFIG) },
      }),
    ]);
    expect(codes(ok)).toEqual([]);
  });

  test('near miss: quoted "yes" and "9000" in stringData are strings', () => {
    const r = lintText(
      'apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: u}\nstringData:\n  S3_FORCE_PATH_STYLE: "true"\n  PORT: "9000"\n',
    );
    expect(codes(r)).toEqual([]);
  });
});

describe('sizes', () => {
  test('SECRET_TOO_LARGE over 1 MiB of decoded data, with the kubectl apply warning', () => {
    const big = Buffer.alloc(600 * 1024, 7).toString('base64');
    const r = lintDocs([secret('s', { data: { a: big, b: big } })]);
    expect(codes(r)).toEqual(['SECRET_TOO_LARGE', 'SECRET_TOO_LARGE_FOR_KUBECTL_APPLY']);
    expect(one(r, 'SECRET_TOO_LARGE').objects).toEqual(['Secret/s']);
  });

  test('near miss: exactly 1 MiB is allowed', () => {
    const half = Buffer.alloc(512 * 1024, 7).toString('base64');
    expect(codes(lintDocs([secret('s', { data: { a: half, b: half } })]))).not.toContain('SECRET_TOO_LARGE');
  });

  test('SECRET_TOO_LARGE_FOR_KUBECTL_APPLY when the base64 of the values together is over 262144 bytes', () => {
    const part = Buffer.alloc(100 * 1024, 1).toString('base64'); // 136536 characters each
    const r = lintDocs([secret('s', { data: { a: part, b: part } })]);
    expect(codes(r)).toEqual(['SECRET_TOO_LARGE_FOR_KUBECTL_APPLY']);
    expect(one(r, 'SECRET_TOO_LARGE_FOR_KUBECTL_APPLY').severity).toBe('warning');
  });

  test('near miss: 196608 bytes (262144 characters of base64) is at the limit, not over', () => {
    const exact = Buffer.alloc(196608, 1).toString('base64');
    expect(exact.length).toBe(262144);
    expect(codes(lintDocs([secret('s', { data: { a: exact } })]))).toEqual([]);
  });
});

describe('decoded content (findings.md item 10)', () => {
  test('config.json gets the Docker codes, naming the Secret', () => {
    const bad = JSON.stringify({ auths: { 'quay.io': { auth: 'bm9jb2xvbg==' } } }); // "nocolon"
    const r = lintDocs([secret('docker-secret', { data: { 'config.json': b64(bad) } })]);
    expect(codes(r)).toContain('DOCKER_AUTH_MISSING_COLON');
    expect(codes(r)).toContain('DOCKER_CONFIG_REJECTED_BY_DOCKER_CLI');
    for (const f of r.findings) {
      expect(f.subject).toBe('Secret/docker-secret');
      expect(f.objects).toEqual(['Secret/docker-secret']);
      expect(f.message).toContain('Secret/docker-secret');
    }
  });

  test('config.json that is not JSON is DOCKER_CONFIG_INVALID_JSON; .dockerconfigjson is read the same way', () => {
    expect(codes(lintDocs([secret('s', { stringData: { 'config.json': '{"auths": ' } })]))).toEqual([
      'DOCKER_CONFIG_INVALID_JSON',
    ]);
    const typed = secret('s', {
      type: 'kubernetes.io/dockerconfigjson',
      stringData: { '.dockerconfigjson': '[]' },
    });
    expect(codes(lintDocs([typed]))).toEqual(['DOCKER_CONFIG_NOT_OBJECT']);
  });

  test('near miss: a good config.json raises nothing, and other keys are never read as Docker configs', () => {
    expect(
      codes(lintDocs([secret('s', { data: { 'config.json': b64(DOCKER_CONFIG), 'other.json': b64('{') } })])),
    ).toEqual([]);
  });

  test('credentials gets the AWS file-content codes, never the pod-dependent ones', () => {
    const file =
      '[Default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG # x\n';
    const r = lintDocs([secret('aws-credentials', { data: { credentials: b64(file) } })]);
    expect(codes(r)).toEqual(
      expect.arrayContaining(['AWS_DEFAULT_PROFILE_MISSING', 'AWS_SECTION_NAME_CASE', 'AWS_INLINE_COMMENT']),
    );
    expect(codes(r).filter((c) => /^AWS_(PROFILE_NOT|ENV_|REGION_)/.test(c))).toEqual([]);
    expect(one(r, 'AWS_SECTION_NAME_CASE').subject).toBe('Secret/aws-credentials');
  });

  test('a credentials file without a section header is AWS_CREDENTIALS_PARSE_ERROR', () => {
    expect(
      codes(lintDocs([secret('s', { stringData: { credentials: 'aws_access_key_id = x\n' } })])),
    ).toContain('AWS_CREDENTIALS_PARSE_ERROR');
  });

  test('near miss: a clean credentials file', () => {
    const file = '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = abc\n';
    expect(codes(lintDocs([secret('s', { data: { credentials: b64(file) } })]))).toEqual([]);
  });

  test('from_env() keys: TRAILING_NEWLINE (naming the keys) and the S3_* codes', () => {
    const r = lintDocs([
      secret('aws-configuration', {
        data: {
          AWS_ACCESS_KEY_ID: b64('AKIAIOSFODNN7EXAMPLE\n'),
          S3_ENDPOINT: b64('minio.kubeflow:9000'),
          S3_FORCE_PATH_STYLE: b64('True'),
          S3_SIGNATURE_VERSION: b64('s3'),
        },
      }),
    ]);
    expect(codes(r).sort()).toEqual(
      [
        'S3_ENDPOINT_MISSING_SCHEME',
        'S3_FORCE_PATH_STYLE_NONCANONICAL',
        'S3_SIGNATURE_VERSION_LEGACY',
        'TRAILING_NEWLINE',
      ].sort(),
    );
    expect(one(r, 'TRAILING_NEWLINE').keys).toEqual(['AWS_ACCESS_KEY_ID']);
    expect(one(r, 'S3_ENDPOINT_MISSING_SCHEME').location?.line).toBe(8);
  });

  test('an invalid endpoint and signature version', () => {
    const r = lintDocs([
      secret('s', {
        stringData: { S3_ENDPOINT: 'ftp://x', S3_SIGNATURE_VERSION: 'v2', S3_FORCE_PATH_STYLE: 'yes' },
      }),
    ]);
    expect(codes(r).sort()).toEqual([
      'S3_ENDPOINT_INVALID',
      'S3_FORCE_PATH_STYLE_INVALID',
      'S3_SIGNATURE_VERSION_INVALID',
    ]);
  });

  test('near miss: a newline in a file key (config.json, credentials, a certificate) is no TRAILING_NEWLINE', () => {
    const r = lintDocs([
      secret('s', {
        data: {
          'config.json': b64(`${DOCKER_CONFIG}\n`),
          'certificate.crt': b64('-----BEGIN CERTIFICATE-----\n'),
          OTHER_VARIABLE: b64('x\n'),
        },
      }),
    ]);
    expect(codes(r)).toEqual([]);
  });
});

test('MANIFEST_NAMESPACE_MISSING for a Secret without metadata.namespace, naming the assumed namespace', () => {
  const r = lintDocs([secret('s', { ns: null, data: { k: b64('v') } })], { namespace: 'team-a' });
  const f = one(r, 'MANIFEST_NAMESPACE_MISSING');
  expect(f).toMatchObject({ severity: 'warning', subject: 'Secret/s', objects: ['Secret/s'] });
  expect(f.message).toContain('team-a');
  expect(codes(lintDocs([secret('s', { data: { k: b64('v') } })]))).toEqual([]);
});
