import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROVIDER_MINIO_DEFAULT, PROVIDER_S3_DEFAULT, PROVIDER_S3_FROM_ENV } from '../../src/core/report';
import { FileState } from '../../src/core/snapshot';
import { StorageInput, inspectStorage } from '../../src/core/storage';

const PATH = '/home/kubeflow/.aws/credentials';
const enc = (s: string) => new TextEncoder().encode(s);
const file = (s: string | Uint8Array): FileState => ({
  kind: 'file',
  bytes: typeof s === 'string' ? enc(s) : s,
});

const GOOD =
  '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG\n';
const ENV_CREDS = {
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG',
};

function run(f: FileState | string, env: Record<string, string> = {}) {
  const input: StorageInput = { path: PATH, file: typeof f === 'string' ? file(f) : f, env };
  return inspectStorage(input);
}

function codes(f: FileState | string, env: Record<string, string> = {}): string[] {
  return run(f, env)
    .findings.map((x) => x.code)
    .sort();
}

// The storage part of contract/status.schema.json, and its finding shape.
const schema = JSON.parse(
  readFileSync(path.resolve(__dirname, '..', 'contract', 'status.schema.json'), 'utf8'),
);
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateSection = ajv.compile({ $defs: schema.$defs, ...schema.properties.storage });
const validateFinding = ajv.compile({ $defs: schema.$defs, ...schema.$defs.finding });

function expectValid(result: ReturnType<typeof inspectStorage>) {
  expect(validateSection(result.section) ? [] : validateSection.errors).toEqual([]);
  for (const f of result.findings) expect(validateFinding(f) ? [] : validateFinding.errors).toEqual([]);
}

describe('inspectStorage: the credentials file', () => {
  it('reads a good file', () => {
    const r = run(GOOD);
    expectValid(r);
    expect(r.findings).toEqual([]);
    expect(r.section).toEqual({
      credentialsFile: { path: PATH, status: 'ok', profiles: ['default'] },
      selectedProfile: 'default',
      fileCredentials: { accessKeyId: 'AKIA…MPLE', hasSecret: true, hasSessionToken: false },
      env: {
        present: false,
        accessKeyId: null,
        hasSecret: null,
        hasSessionToken: null,
        region: null,
        endpoint: null,
        endpointValid: null,
        forcePathStyle: null,
        signatureVersion: null,
      },
      usableProviders: [PROVIDER_MINIO_DEFAULT, PROVIDER_S3_DEFAULT],
    });
  });

  it.each<[string, FileState, string, string[]]>([
    ['missing', { kind: 'missing' }, 'missing', []],
    ['a directory', { kind: 'not_a_file' }, 'not_a_file', ['AWS_CREDENTIALS_NOT_A_FILE']],
    ['unreadable', { kind: 'unreadable' }, 'unreadable', ['AWS_CREDENTIALS_UNREADABLE']],
    ['over 8 MiB', { kind: 'too_large', size: 9 << 20 }, 'too_large', ['AWS_CREDENTIALS_TOO_LARGE']],
    ['empty', file(''), 'empty', ['AWS_CREDENTIALS_EMPTY', 'AWS_DEFAULT_PROFILE_MISSING']],
    ['not parsing', file('junk\n'), 'parse_error', ['AWS_CREDENTIALS_PARSE_ERROR']],
  ])('reports a file that is %s', (_name, state, status, expected) => {
    const r = run(state);
    expectValid(r);
    expect(r.section.credentialsFile).toEqual({ path: PATH, status, profiles: [] });
    expect(r.section.fileCredentials).toBeNull();
    expect(r.section.usableProviders).toEqual([PROVIDER_MINIO_DEFAULT]);
    expect(r.findings.map((f) => f.code).sort()).toEqual(expected);
    expect(r.findings.every((f) => f.subject === PATH)).toBe(true);
  });

  it('inspects a file over 1 MiB normally and adds AWS_CREDENTIALS_TOO_LARGE', () => {
    const big = `${GOOD}# ${'x'.repeat(1048576)}\n`;
    const r = run(big);
    expect(r.section.credentialsFile.status).toBe('ok');
    expect(r.section.usableProviders).toContain(PROVIDER_S3_DEFAULT);
    expect(r.findings.map((f) => f.code)).toEqual(['AWS_CREDENTIALS_TOO_LARGE']);
    // near miss: exactly 1 MiB
    const exact = GOOD + '#'.repeat(1048576 - GOOD.length);
    expect(enc(exact).length).toBe(1048576);
    expect(codes(exact)).toEqual([]);
  });

  it('passes the selected profile to AWS_SECRET_MISSING', () => {
    const text = `${GOOD}[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n`;
    expect(codes(text)).toEqual([]);
    expect(codes(text, { AWS_PROFILE: 'dev' })).toEqual(['AWS_PROFILE_NOT_DEFAULT', 'AWS_SECRET_MISSING']);
  });
});

describe('inspectStorage: fileCredentials', () => {
  it('masks the key, with [DEFAULT] inheritance, and reads the session token as botocore does', () => {
    const r = run(
      '[DEFAULT]\naws_secret_access_key = S\n[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_session_token = T\naws_security_token =\n',
    );
    expect(r.section.fileCredentials).toEqual({
      accessKeyId: 'AKIA…MPLE',
      hasSecret: true,
      hasSessionToken: false,
    });
    const t = run(`${GOOD}aws_session_token = T\n`);
    expect(t.section.fileCredentials?.hasSessionToken).toBe(true);
  });

  it('gives "…" for an empty key and null without the option', () => {
    expect(
      run('[default]\naws_access_key_id =\naws_secret_access_key = S\n').section.fileCredentials,
    ).toEqual({
      accessKeyId: '…',
      hasSecret: true,
      hasSessionToken: false,
    });
    expect(run('[default]\nregion = eu\n').section.fileCredentials).toBeNull();
    expect(
      run('[default]\naws_access_key_id =\naws_secret_access_key = S\n').section.usableProviders,
    ).toEqual([PROVIDER_MINIO_DEFAULT]);
  });
});

describe('inspectStorage: profile selection', () => {
  const TWO = `${GOOD}[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\n`;

  it('takes AWS_DEFAULT_PROFILE, then AWS_PROFILE, then default', () => {
    expect(run(TWO, { AWS_PROFILE: 'dev' }).section.selectedProfile).toBe('dev');
    expect(run(TWO, { AWS_DEFAULT_PROFILE: 'dev', AWS_PROFILE: 'default' }).section.selectedProfile).toBe(
      'dev',
    );
    expect(run(TWO, {}).section.selectedProfile).toBe('default');
  });

  it('AWS_PROFILE_NOT_DEFAULT for an existing other profile, not for default', () => {
    const r = run(TWO, { AWS_PROFILE: 'dev' });
    expect(r.findings.map((f) => [f.code, f.subject])).toEqual([['AWS_PROFILE_NOT_DEFAULT', 'AWS_PROFILE']]);
    expect(r.section.usableProviders).toEqual([PROVIDER_MINIO_DEFAULT, PROVIDER_S3_DEFAULT]);
    expect(codes(TWO, { AWS_PROFILE: 'default' })).toEqual([]);
  });

  it('AWS_PROFILE_NOT_FOUND for an absent profile, even default, and for an empty variable', () => {
    const r = run(TWO, { AWS_PROFILE: 'prod' });
    expect(r.findings.map((f) => [f.code, f.subject])).toEqual([['AWS_PROFILE_NOT_FOUND', 'AWS_PROFILE']]);
    expect(r.section.usableProviders).toEqual([PROVIDER_MINIO_DEFAULT]);
    expect(codes('[dev]\n', { AWS_PROFILE: 'default' })).toEqual([
      'AWS_DEFAULT_PROFILE_MISSING',
      'AWS_PROFILE_NOT_FOUND',
    ]);
    const empty = run(TWO, { AWS_DEFAULT_PROFILE: '', AWS_PROFILE: 'dev' });
    expect(empty.section.selectedProfile).toBe('default');
    expect(empty.section.usableProviders).toEqual([PROVIDER_MINIO_DEFAULT]);
    expect(empty.findings.map((f) => f.code).sort()).toEqual([
      'AWS_PROFILE_ENV_CONFLICT',
      'AWS_PROFILE_NOT_FOUND',
    ]);
  });

  it('AWS_PROFILE_NOT_FOUND when there is no file to find it in, not when the file does not parse', () => {
    expect(codes({ kind: 'missing' }, { AWS_PROFILE: 'dev' })).toEqual(['AWS_PROFILE_NOT_FOUND']);
    expect(codes({ kind: 'unreadable' }, { AWS_PROFILE: 'dev' })).toEqual([
      'AWS_CREDENTIALS_UNREADABLE',
      'AWS_PROFILE_NOT_FOUND',
    ]);
    expect(codes('junk\n', { AWS_PROFILE: 'dev' })).toEqual([
      'AWS_CREDENTIALS_PARSE_ERROR',
      'AWS_PROFILE_NOT_DEFAULT',
    ]);
  });

  it('AWS_PROFILE_ENV_CONFLICT when both are set and differ', () => {
    const r = run(TWO, { AWS_DEFAULT_PROFILE: 'dev', AWS_PROFILE: 'default' });
    expect(r.findings.map((f) => f.code).sort()).toEqual([
      'AWS_PROFILE_ENV_CONFLICT',
      'AWS_PROFILE_NOT_DEFAULT',
    ]);
    expect(codes(TWO, { AWS_DEFAULT_PROFILE: 'dev', AWS_PROFILE: 'dev' })).toEqual([
      'AWS_PROFILE_NOT_DEFAULT',
    ]);
  });
});

describe('inspectStorage: the environment', () => {
  it('fills env from the seven variables, values byte for byte, secrets as booleans', () => {
    const r = run(
      { kind: 'missing' },
      {
        ...ENV_CREDS,
        AWS_SESSION_TOKEN: 'tok',
        AWS_REGION: 'us-east-1',
        S3_ENDPOINT: 'http://minio.kubeflow:9000',
        S3_FORCE_PATH_STYLE: 'true',
        S3_SIGNATURE_VERSION: 's3v4',
      },
    );
    expectValid(r);
    expect(r.section.env).toEqual({
      present: true,
      accessKeyId: 'AKIA…MPLE',
      hasSecret: true,
      hasSessionToken: true,
      region: 'us-east-1',
      endpoint: 'http://minio.kubeflow:9000',
      endpointValid: true,
      forcePathStyle: true,
      signatureVersion: 's3v4',
    });
    expect(r.section.usableProviders).toEqual([PROVIDER_MINIO_DEFAULT, PROVIDER_S3_FROM_ENV]);
  });

  it('treats empty variables as unset; hasSecret is false, not null, once anything is present', () => {
    const r = run(
      { kind: 'missing' },
      { AWS_REGION: 'eu-west-1', AWS_SECRET_ACCESS_KEY: '', S3_ENDPOINT: '' },
    );
    expectValid(r);
    expect(r.section.env).toMatchObject({
      present: true,
      hasSecret: false,
      hasSessionToken: false,
      endpoint: null,
    });
    expect(run({ kind: 'missing' }, { AWS_REGION: '' }).section.env.present).toBe(false);
  });

  it('from_env() is unusable with an invalid S3 variable, usable with one that only warns', () => {
    const usable = (env: Record<string, string>) =>
      run({ kind: 'missing' }, { ...ENV_CREDS, ...env }).section.usableProviders;
    expect(usable({ S3_ENDPOINT: 'minio:9000' })).toEqual([PROVIDER_MINIO_DEFAULT]);
    expect(usable({ S3_FORCE_PATH_STYLE: 'yes' })).toEqual([PROVIDER_MINIO_DEFAULT]);
    expect(usable({ S3_SIGNATURE_VERSION: 'v2' })).toEqual([PROVIDER_MINIO_DEFAULT]);
    expect(usable({ S3_FORCE_PATH_STYLE: 'True', S3_SIGNATURE_VERSION: 's3' })).toEqual([
      PROVIDER_MINIO_DEFAULT,
      PROVIDER_S3_FROM_ENV,
    ]);
    expect(usable({ AWS_SECRET_ACCESS_KEY: '' })).toEqual([PROVIDER_MINIO_DEFAULT]);
  });

  it('AWS_ENV_SECRET_MISSING and AWS_ENV_ACCESS_KEY_MISSING', () => {
    expect(codes({ kind: 'missing' }, { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE' })).toEqual([
      'AWS_ENV_SECRET_MISSING',
    ]);
    expect(codes({ kind: 'missing' }, { AWS_ACCESS_KEY_ID: 'A', AWS_SECRET_ACCESS_KEY: '' })).toEqual([
      'AWS_ENV_SECRET_MISSING',
    ]);
    expect(codes({ kind: 'missing' }, { AWS_SECRET_ACCESS_KEY: 'S' })).toEqual([
      'AWS_ENV_ACCESS_KEY_MISSING',
    ]);
    expect(codes({ kind: 'missing' }, { AWS_SECRET_ACCESS_KEY: 'S', AWS_ACCESS_KEY_ID: '' })).toEqual([
      'AWS_ENV_ACCESS_KEY_MISSING',
    ]);
    expect(codes({ kind: 'missing' }, ENV_CREDS)).toEqual([]);
    expect(codes({ kind: 'missing' }, { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' })).toEqual([]);
  });

  it('AWS_ENV_OVERRIDES_FILE when both hold different credentials', () => {
    const r = run(GOOD, { ...ENV_CREDS, AWS_SECRET_ACCESS_KEY: 'other' });
    expect(r.findings.map((f) => [f.code, f.severity, f.subject])).toEqual([
      ['AWS_ENV_OVERRIDES_FILE', 'info', 'AWS_ACCESS_KEY_ID'],
    ]);
    expect(codes(GOOD, ENV_CREDS)).toEqual([]);
    expect(codes(GOOD, { ...ENV_CREDS, AWS_SESSION_TOKEN: 't' })).toEqual(['AWS_ENV_OVERRIDES_FILE']);
    expect(codes('[default]\nregion = eu\n', ENV_CREDS)).toEqual([]);
  });

  it('AWS_REGION_ONLY_DEFAULT_REGION', () => {
    expect(codes({ kind: 'missing' }, { AWS_DEFAULT_REGION: 'eu-west-1' })).toEqual([
      'AWS_REGION_ONLY_DEFAULT_REGION',
    ]);
    expect(codes({ kind: 'missing' }, { AWS_DEFAULT_REGION: 'eu-west-1', AWS_REGION: 'eu-west-1' })).toEqual(
      [],
    );
    expect(codes({ kind: 'missing' }, { AWS_DEFAULT_REGION: '' })).toEqual([]);
  });

  it('AWS_SHARED_CREDENTIALS_FILE_ENV_IGNORED when it points elsewhere', () => {
    expect(codes(GOOD, { AWS_SHARED_CREDENTIALS_FILE: '/etc/aws/credentials' })).toEqual([
      'AWS_SHARED_CREDENTIALS_FILE_ENV_IGNORED',
    ]);
    for (const same of [
      PATH,
      '~/.aws/credentials',
      '$HOME/.aws/credentials',
      '${HOME}//.aws/./credentials',
      '',
    ]) {
      expect(codes(GOOD, { HOME: '/home/kubeflow', AWS_SHARED_CREDENTIALS_FILE: same })).toEqual([]);
    }
  });

  it('adds the S3 codes of the environment', () => {
    expect(
      codes(
        { kind: 'missing' },
        { S3_ENDPOINT: 'minio:9000', S3_SIGNATURE_VERSION: 's3', AWS_REGION: 'eu\n' },
      ),
    ).toEqual(['S3_ENDPOINT_MISSING_SCHEME', 'S3_SIGNATURE_VERSION_LEGACY', 'TRAILING_NEWLINE']);
  });

  it('sorts findings: errors first, then code, then subject', () => {
    const r = run('[dev]\n', { AWS_ACCESS_KEY_ID: 'A', AWS_DEFAULT_REGION: 'eu', S3_ENDPOINT: 'x' });
    expect(r.findings.map((f) => f.code)).toEqual([
      'AWS_ENV_SECRET_MISSING',
      'S3_ENDPOINT_MISSING_SCHEME',
      'AWS_DEFAULT_PROFILE_MISSING',
      'AWS_REGION_ONLY_DEFAULT_REGION',
    ]);
  });
});

describe('inspectStorage: secrets never leave', () => {
  const SECRET = 'CANARYsecretKEY0123456789abcdefXYZ/+';
  const TOKEN = 'CANARYsessionTOKEN////abcdef9876543210==';
  const MIDDLE = 'CANARYMIDDLE';
  const KEY = `AKIA${MIDDLE}WXYZ`;

  it('in the file, the environment and every finding', () => {
    const fragment = fc.constantFrom(
      '[default]\n',
      '[dev]\n',
      '[DEFAULT]\n',
      `aws_access_key_id = ${KEY}\n`,
      `aws_secret_access_key = ${SECRET}\n`,
      `aws_session_token = ${TOKEN}\n`,
      `aws_security_token = "${TOKEN}" # c\n`,
      `  ${SECRET}\n`,
      `${TOKEN}\n`,
      '\r\n',
    );
    const envValue = fc.constantFrom(undefined, '', SECRET, `${SECRET}\n`, TOKEN, KEY, `${KEY}\n`);
    fc.assert(
      fc.property(
        fc.array(fragment, { maxLength: 8 }),
        envValue,
        envValue,
        envValue,
        fc.constantFrom(undefined, '', 'dev', 'default'),
        (parts, ak, sk, st, profile) => {
          const env: Record<string, string> = {};
          if (ak !== undefined) env.AWS_ACCESS_KEY_ID = ak;
          if (sk !== undefined) env.AWS_SECRET_ACCESS_KEY = sk;
          if (st !== undefined) env.AWS_SESSION_TOKEN = st;
          if (profile !== undefined) env.AWS_PROFILE = profile;
          const out = JSON.stringify(run(parts.join(''), env));
          return [SECRET, TOKEN, MIDDLE].every((c) => !out.includes(c) && !out.includes(c.toLowerCase()));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws and always validates, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expectValid(run(file(bytes), { AWS_PROFILE: 'dev' }));
      }),
      { numRuns: 200 },
    );
  });

  it('inspects a 1 MiB file of many profiles (its speed is in npm run bench)', () => {
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 1 << 20; i++) {
      const p = `[p${i}]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = "x" # c\n`;
      parts.push(p);
      size += p.length;
    }
    const state = file(parts.join(''));
    const r = run(state, { AWS_PROFILE: 'p7' });
    expect(r.section.credentialsFile.profiles.length).toBeGreaterThan(10000);
    expect(r.section.selectedProfile).toBe('p7');
  });
});
