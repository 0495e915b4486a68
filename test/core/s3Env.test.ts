import fc from 'fast-check';
import {
  FROM_ENV_VARIABLES,
  checkS3Endpoint,
  inspectFromEnvValues,
  parseForcePathStyle,
} from '../../src/core/s3Env';

function codes(values: Record<string, string>): string[] {
  return inspectFromEnvValues(values)
    .findings.map((f) => f.code)
    .sort();
}

describe('FROM_ENV_VARIABLES', () => {
  it('lists the seven variables of cli.md', () => {
    expect([...FROM_ENV_VARIABLES].sort()).toEqual(
      [
        'AWS_ACCESS_KEY_ID',
        'AWS_SECRET_ACCESS_KEY',
        'AWS_SESSION_TOKEN',
        'AWS_REGION',
        'S3_ENDPOINT',
        'S3_SIGNATURE_VERSION',
        'S3_FORCE_PATH_STYLE',
      ].sort(),
    );
  });
});

describe('checkS3Endpoint', () => {
  it.each([
    ['http://minio.kubeflow:9000', 'valid'],
    ['https://s3.amazonaws.com', 'valid'],
    ['HTTP://minio:9000/', 'valid'],
    ['  http://minio:9000', 'valid'],
    ['http://user@minio', 'valid'],
    ['http://[::1]:9000', 'valid'],
    ['http://1.2.3.4:9000/path', 'valid'],
    ['minio.kubeflow:9000', 'missing_scheme'],
    ['minio', 'missing_scheme'],
    ['http:/minio', 'missing_scheme'],
    ['ftp://minio', 'invalid'],
    ['s3://bucket', 'invalid'],
    ['://minio', 'invalid'],
    ['http://', 'invalid'],
    ['http://:9000', 'invalid'],
    ['http:///path', 'invalid'],
    ['http://user@', 'invalid'],
    ['http://[]:9000', 'invalid'],
    ['http://minio:9000\n', 'invalid'],
    ['http://minio:9000\r\n', 'invalid'],
    ['http://minio:9000 ', 'invalid'],
    ['\thttp://minio:9000', 'invalid'],
    ['http://mi nio', 'invalid'],
    ['http://minio\x00', 'invalid'],
    ['http://minio\u00a0', 'invalid'],
  ])('%j is %s', (value, expected) => {
    expect(checkS3Endpoint(value)).toBe(expected);
  });
});

describe('parseForcePathStyle', () => {
  it('takes true/false in any letter case and nothing else', () => {
    expect(['true', 'TRUE', 'True', 'false', 'FaLsE'].map(parseForcePathStyle)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(['yes', '1', 'true\n', ' true', 't', ''].map(parseForcePathStyle)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('inspectFromEnvValues', () => {
  it('reports nothing for a good MinIO setup, and everything unset is fine', () => {
    const r = inspectFromEnvValues({
      AWS_ACCESS_KEY_ID: 'minio',
      AWS_SECRET_ACCESS_KEY: 'minio123',
      S3_ENDPOINT: 'http://minio-service.kubeflow:9000',
      S3_FORCE_PATH_STYLE: 'true',
      S3_SIGNATURE_VERSION: 's3v4',
    });
    expect(r).toEqual({
      findings: [],
      endpointValid: true,
      forcePathStyle: true,
      endpointOk: true,
      forcePathStyleOk: true,
      signatureVersionOk: true,
    });
    expect(inspectFromEnvValues({})).toEqual({
      findings: [],
      endpointValid: null,
      forcePathStyle: null,
      endpointOk: true,
      forcePathStyleOk: true,
      signatureVersionOk: true,
    });
  });

  it('counts an empty value as unset', () => {
    const r = inspectFromEnvValues({ S3_ENDPOINT: '', S3_FORCE_PATH_STYLE: '', S3_SIGNATURE_VERSION: '' });
    expect(r).toMatchObject({ findings: [], endpointValid: null, forcePathStyle: null, endpointOk: true });
  });

  it('TRAILING_NEWLINE: one finding naming every variable, not for other keys or a \\r alone', () => {
    const r = inspectFromEnvValues({
      AWS_SECRET_ACCESS_KEY: 'secret\n',
      AWS_REGION: 'us-east-1\r\n',
      AWS_ACCESS_KEY_ID: 'minio',
      HOME: '/home/kubeflow\n',
      'config.json': '{}\n',
    });
    const trailing = r.findings.filter((f) => f.code === 'TRAILING_NEWLINE');
    expect(trailing).toHaveLength(1);
    expect(trailing[0]).toMatchObject({ severity: 'warning', subject: 'AWS_SECRET_ACCESS_KEY' });
    expect(trailing[0].keys).toEqual(['AWS_SECRET_ACCESS_KEY', 'AWS_REGION']);
    expect(codes({ AWS_REGION: 'us-east-1\r', AWS_ACCESS_KEY_ID: 'x' })).toEqual([]);
  });

  it('S3_ENDPOINT_MISSING_SCHEME and S3_ENDPOINT_INVALID', () => {
    expect(codes({ S3_ENDPOINT: 'minio.kubeflow:9000' })).toEqual(['S3_ENDPOINT_MISSING_SCHEME']);
    expect(codes({ S3_ENDPOINT: 'ftp://minio' })).toEqual(['S3_ENDPOINT_INVALID']);
    expect(codes({ S3_ENDPOINT: 'http://minio:9000\n' })).toEqual([
      'S3_ENDPOINT_INVALID',
      'TRAILING_NEWLINE',
    ]);
    expect(codes({ S3_ENDPOINT: ' http://minio:9000/' })).toEqual([]);
    const r = inspectFromEnvValues({ S3_ENDPOINT: 'minio:9000' });
    expect(r).toMatchObject({ endpointValid: false, endpointOk: false });
    expect(r.findings[0]).toMatchObject({ severity: 'error', subject: 'S3_ENDPOINT' });
  });

  it('S3_FORCE_PATH_STYLE_INVALID and _NONCANONICAL', () => {
    expect(codes({ S3_FORCE_PATH_STYLE: 'yes' })).toEqual(['S3_FORCE_PATH_STYLE_INVALID']);
    expect(codes({ S3_FORCE_PATH_STYLE: 'true\n' })).toEqual([
      'S3_FORCE_PATH_STYLE_INVALID',
      'TRAILING_NEWLINE',
    ]);
    expect(codes({ S3_FORCE_PATH_STYLE: 'True' })).toEqual(['S3_FORCE_PATH_STYLE_NONCANONICAL']);
    expect(codes({ S3_FORCE_PATH_STYLE: 'FALSE' })).toEqual(['S3_FORCE_PATH_STYLE_NONCANONICAL']);
    expect(codes({ S3_FORCE_PATH_STYLE: 'false' })).toEqual([]);
    expect(inspectFromEnvValues({ S3_FORCE_PATH_STYLE: 'True' })).toMatchObject({
      forcePathStyle: true,
      forcePathStyleOk: true,
    });
    expect(inspectFromEnvValues({ S3_FORCE_PATH_STYLE: '1' })).toMatchObject({
      forcePathStyle: null,
      forcePathStyleOk: false,
    });
  });

  it('S3_SIGNATURE_VERSION_INVALID and _LEGACY', () => {
    for (const bad of ['v2', 'S3V4', 'sigv4', 'unsigned', 's3v4\n']) {
      expect(codes({ S3_SIGNATURE_VERSION: bad })).toContain('S3_SIGNATURE_VERSION_INVALID');
    }
    expect(codes({ S3_SIGNATURE_VERSION: 's3' })).toEqual(['S3_SIGNATURE_VERSION_LEGACY']);
    expect(codes({ S3_SIGNATURE_VERSION: 'v4' })).toEqual([]);
    expect(inspectFromEnvValues({ S3_SIGNATURE_VERSION: 's3' }).signatureVersionOk).toBe(true);
    expect(inspectFromEnvValues({ S3_SIGNATURE_VERSION: 'v2' }).signatureVersionOk).toBe(false);
  });

  it('names the Secret in lint', () => {
    const r = inspectFromEnvValues(
      { S3_ENDPOINT: 'minio:9000', AWS_REGION: 'eu\n' },
      { subjectFor: () => 'Secret/aws-configuration', objects: ['Secret/aws-configuration'] },
    );
    expect(r.findings.map((f) => [f.code, f.subject, f.objects])).toEqual([
      ['TRAILING_NEWLINE', 'Secret/aws-configuration', ['Secret/aws-configuration']],
      ['S3_ENDPOINT_MISSING_SCHEME', 'Secret/aws-configuration', ['Secret/aws-configuration']],
    ]);
  });

  it('never carries a planted secret, and never throws', () => {
    const SECRET = 'CANARYsecret0123456789/abcdefXYZ';
    const TOKEN = 'CANARYtoken////abcdef9876543210==';
    const MIDDLE = 'CANARYMIDDLE';
    const value = fc.oneof(fc.string(), fc.constantFrom('', '\n', 'true', 'http://x', 's3'));
    fc.assert(
      fc.property(value, value, value, value, fc.boolean(), (endpoint, style, sig, region, newline) => {
        const nl = newline ? '\n' : '';
        const out = JSON.stringify(
          inspectFromEnvValues({
            AWS_ACCESS_KEY_ID: `AKIA${MIDDLE}WXYZ${nl}`,
            AWS_SECRET_ACCESS_KEY: SECRET + nl,
            AWS_SESSION_TOKEN: TOKEN + nl,
            S3_ENDPOINT: endpoint,
            S3_FORCE_PATH_STYLE: style,
            S3_SIGNATURE_VERSION: sig,
            AWS_REGION: region,
          }),
        );
        return !out.includes(SECRET) && !out.includes(TOKEN) && !out.includes(MIDDLE);
      }),
      { numRuns: 300 },
    );
  });
});
