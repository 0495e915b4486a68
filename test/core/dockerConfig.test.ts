import {
  inspectDockerConfig,
  inspectDockerConfigContent,
  SECRET_MAX_BYTES,
  type DockerConfigInspection,
} from '../../src/core/dockerConfig';
import type { Finding } from '../../src/core/finding';

const PATH = '/home/kubeflow/.docker/config.json';
const HUB = 'https://index.docker.io/v1/';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const bytesOf = (text: string) => new TextEncoder().encode(text);

function inspect(text: string | Uint8Array, entrySubjects?: boolean): DockerConfigInspection {
  const bytes = typeof text === 'string' ? bytesOf(text) : text;
  return inspectDockerConfigContent(bytes, { subject: PATH, entrySubjects });
}

function codes(r: DockerConfigInspection): string[] {
  return r.findings.map((f) => f.code).sort();
}

function only(r: DockerConfigInspection, code: string): Finding {
  const found = r.findings.filter((f) => f.code === code);
  expect(found).toHaveLength(1);
  return found[0];
}

/** A config with one auths entry. */
function entry(fields: Record<string, unknown>, key = 'registry.example.com'): string {
  return JSON.stringify({ auths: { [key]: fields } });
}

const FILE_STATUS_CODES: Record<string, string> = {
  empty: 'DOCKER_CONFIG_EMPTY',
  invalid_json: 'DOCKER_CONFIG_INVALID_JSON',
  trailing_data: 'DOCKER_CONFIG_TRAILING_DATA',
  bom: 'DOCKER_CONFIG_BOM',
  not_object: 'DOCKER_CONFIG_NOT_OBJECT',
};
const STATUS_CODES = Object.values(FILE_STATUS_CODES);

describe('status (Python json) and dockerCliLoadOk (Go), against both readers', () => {
  // status: what Python's json.loads does to the text; loadOk: docker/cli's LoadFromReader, run under Go 1.26.
  // Both columns were produced by running the real readers on these inputs. One row differs from Go on
  // purpose: cli.md's table makes trailing_data always `true`, even where Go would refuse the first value.
  test.each([
    ['', 'empty', true],
    [' \n\t\r ', 'empty', true],
    ['\ufeff{}', 'bom', false],
    ['\ufeff', 'bom', false],
    ['{', 'invalid_json', false],
    ['{"auths": {}', 'invalid_json', false],
    ['{} x', 'trailing_data', true],
    ['{"auths":{}}\n{"auths":{}}', 'trailing_data', true],
    ['{}}', 'trailing_data', true],
    ['[]', 'not_object', false],
    ['null', 'not_object', true],
    ['null x', 'not_object', true],
    ['"x"', 'not_object', false],
    ['1', 'not_object', false],
    ['true', 'not_object', false],
    ['NaN', 'not_object', false],
    ['[] x', 'not_object', false],
    ['{}', 'ok', true],
    ['{"auths": {"a": {"x": NaN}}}', 'ok', false],
    ['{"auths": []}', 'ok', false],
    ['{"auths": {"a": "x"}}', 'ok', false],
    ['{"credsStore": 5}', 'ok', false],
    ['{"HttpHeaders": {"X": 1}}', 'ok', false],
    ['{"proxies": {"default": {"httpProxy": 1}}}', 'ok', false],
    ['{"plugins": {"p": {"k": 1}}}', 'ok', false],
    ['{"pruneFilters": [1]}', 'ok', false],
    ['{"experimental": 5, "email": 1}', 'ok', true],
    ['{"auths": {"a": {"email": 5}}}', 'ok', true],
    ['{"auths": {"a": {"auth": "dTpw"}}}', 'ok', true],
    ['{"auths": {"a": {"auth": "bm9jb2xvbg=="}}}', 'ok', false],
    ['{"auths": {"a": {"auth": "OnA="}}}', 'ok', false],
    ['{"auths": {"a": {"auth": "u:p"}}}', 'ok', false],
    ['{"auths": {"a": {"auth": "dTpwAAA="}}}', 'ok', true],
    ['{"auths": {"a": {"auth": "dToA"}}}', 'ok', true],
    ['{"auths": {"a": {"auth": "dTpwdwo="}}}', 'ok', true],
    ['{"auths": {"a": {"AUTH": "dTpw"}}}', 'ok', true],
    ['{"Auths": {"a": {"auth": "dTpw"}}}', 'ok', true],
    ['{"auth\u017f": {"a": {"auth": "dTpw"}}}', 'ok', true],
    ['{"auths": {"a": {"auth": "dTpwOnE="}}}', 'ok', true],
    ['{"auths": {"a": {"auth": "dTpw"}}} trailing', 'trailing_data', true],
    ['{"auths": {"a": {"auth": "!!"}}} x', 'trailing_data', true], // Go: false (see above)
    ['{"auths": {"a": {"auth": ""}}}', 'ok', true],
    ['{"auths": {"a": {"auth": "\\n"}}}', 'ok', false],
    ['{"auths": {"a": {"username": "u", "password": "p"}}}', 'ok', true],
    ['{"auths": {"a": {"identitytoken": "t"}}}', 'ok', true],
    ['{"auths": {"a": null}}', 'ok', true],
    ['{"auths": {"a": {}}, "auths": null}', 'ok', true],
    ['{"credsStore": "desktop", "credsStore": null}', 'ok', true],
  ])('%j: %s, dockerCliLoadOk %s', (text, status, loadOk) => {
    const r = inspect(text);
    expect(r.status).toBe(status);
    expect(r.dockerCliLoadOk).toBe(loadOk);
    // Exactly one file-level code, the one the status names; none for ok.
    const statusCodes = r.findings.filter((f) => STATUS_CODES.includes(f.code)).map((f) => f.code);
    expect(statusCodes).toEqual(status === 'ok' ? [] : [FILE_STATUS_CODES[status]]);
  });

  test('bytes that are not UTF-8 are invalid_json: Python cannot read them (Go would accept them inside strings)', () => {
    const r = inspect(
      Uint8Array.from([...bytesOf('{"auths": {"a": {"username": "'), 0xff, ...bytesOf('"}}}')]),
    );
    expect(r.status).toBe('invalid_json');
    expect(r.dockerCliLoadOk).toBe(false);
    expect(only(r, 'DOCKER_CONFIG_INVALID_JSON').message).toMatch(/not UTF-8 text .* offset 30/);
  });

  test('UTF-16 (PowerShell `>`) is named as such', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Array.from(bytesOf('{}')).flatMap((b) => [b, 0])]);
    const f = only(inspect(utf16), 'DOCKER_CONFIG_INVALID_JSON');
    expect(f.message).toMatch(/UTF-16/);
    expect(f.fix).toMatch(/iconv/);
  });

  test('a BOM wins over emptiness; invalid UTF-8 wins over a BOM', () => {
    expect(inspect('\ufeff  ').status).toBe('bom');
    expect(inspect(Uint8Array.from([0xef, 0xbb, 0xbf, 0xff])).status).toBe('invalid_json');
  });

  test('invalid JSON names line and column', () => {
    const f = only(inspect('{\n  "auths": {\n    "a": {"auth": "x"},\n  }\n}'), 'DOCKER_CONFIG_INVALID_JSON');
    expect(f.message).toMatch(/line 4, column 3/);
    expect(f.severity).toBe('error');
  });

  test('trailing data names where the extra text starts', () => {
    expect(only(inspect('{}\n\n  {}'), 'DOCKER_CONFIG_TRAILING_DATA').message).toMatch(/line 3, column 3/);
  });

  test('null is not an object for the SDK, though docker/cli reads it as an empty config', () => {
    expect(only(inspect('null'), 'DOCKER_CONFIG_NOT_OBJECT').message).toMatch(/null/);
    expect(only(inspect('[1]'), 'DOCKER_CONFIG_NOT_OBJECT').message).toMatch(/a list/);
  });

  test('nothing but the status code for unparsed files, with empty sections', () => {
    for (const text of ['', '\ufeff{}', '{', '[]']) {
      const r = inspect(text);
      expect(r.findings).toHaveLength(1);
      expect(r).toMatchObject({ registries: [], credsStore: null, credHelpers: {}, authKeys: [] });
    }
  });
});

describe('registries (cli.md)', () => {
  test('username and hasPassword come from auth, which wins over the fields', () => {
    const r = inspect(entry({ auth: b64('ml-bot:s3cr3t'), username: 'other', password: 'x' }, HUB));
    expect(r.registries).toEqual([
      { key: HUB, host: 'docker.io', username: 'ml-bot', hasPassword: true, valid: true },
    ]);
  });

  test('without auth, the username field; an empty username is null', () => {
    expect(inspect(entry({ username: 'u', password: 'p' })).registries[0]).toMatchObject({
      username: 'u',
      hasPassword: true,
      valid: true,
    });
    expect(inspect(entry({ username: '', password: 'p' })).registries[0].username).toBeNull();
  });

  test('an empty entry and a token-only entry are valid, with no user and no password', () => {
    expect(inspect(entry({})).registries[0]).toMatchObject({
      username: null,
      hasPassword: false,
      valid: true,
    });
    expect(inspect(entry({ identitytoken: 't' })).registries[0]).toMatchObject({
      username: null,
      hasPassword: false,
      valid: true,
    });
  });

  test('an auth that does not decode is invalid, with no user and no password', () => {
    for (const auth of [
      'user:pw',
      b64('nocolon'),
      b64(':pw'),
      b64('user:pw').replace(/=/g, ''),
      'dXNlcjpw-w==',
    ]) {
      expect(inspect(entry({ auth, username: 'u', password: 'p' })).registries[0]).toMatchObject({
        username: null,
        hasPassword: false,
        valid: false,
      });
    }
  });

  test('decodeAuth cuts at the first colon and trims NUL from the password', () => {
    expect(inspect(entry({ auth: b64('u:p:q') })).registries[0]).toMatchObject({
      username: 'u',
      hasPassword: true,
    });
    expect(inspect(entry({ auth: b64('u:\u0000\u0000') })).registries[0]).toMatchObject({
      hasPassword: false,
    });
    expect(inspect(entry({ auth: b64('u:\u0000p\u0000') })).registries[0]).toMatchObject({
      hasPassword: true,
    });
  });

  test('\\r and \\n inside auth are skipped, as Go does', () => {
    expect(inspect(entry({ auth: 'dXNl\r\ncjpwdw==' })).registries[0]).toMatchObject({
      username: 'user',
      valid: true,
    });
  });

  test('a non-UTF-8 user name shows U+FFFD', () => {
    const auth = Buffer.from([0x75, 0xff, 0x3a, 0x70]).toString('base64');
    expect(inspect(entry({ auth })).registries[0].username).toBe('u\ufffd');
  });

  test('keys are listed as written, in order, with their hosts; authKeys follow them', () => {
    const r = inspect(
      JSON.stringify({
        auths: {
          'https://quay.io/v2/': {},
          'index.docker.io': {},
          'localhost:5000': {},
          'https://[::1]:6555/v2/': {},
        },
      }),
    );
    expect(r.registries.map((x) => [x.key, x.host])).toEqual([
      ['https://quay.io/v2/', 'quay.io'],
      ['index.docker.io', 'docker.io'],
      ['localhost:5000', 'localhost:5000'],
      ['https://[::1]:6555/v2/', '[::1]:6555'],
    ]);
    expect(r.authKeys).toEqual(r.registries.map((x) => x.key));
  });

  test('Go merges `Auths` into `auths`; a repeated registry key keeps its first position and its last value', () => {
    const r = inspect(
      `{"auths": {"a": {"auth": "${b64('u1:p')}"}, "b": {}}, "Auths": {"c": {}, "a": {"username": "u2"}}}`,
    );
    expect(r.registries.map((x) => [x.key, x.username])).toEqual([
      ['a', 'u2'],
      ['b', null],
      ['c', null],
    ]);
  });

  test('credsStore and credHelpers as found (null for an empty credsStore; any key is safe)', () => {
    const r = inspect(
      '{"credsStore": "", "credHelpers": {"gcr.io": "gcloud", "__proto__": "x", "null": null}}',
    );
    expect(r.credsStore).toBeNull();
    expect(Object.keys(r.credHelpers)).toEqual(['gcr.io', '__proto__', 'null']);
    expect(r.credHelpers['__proto__']).toBe('x');
    expect(r.credHelpers['null']).toBe('');
    expect(JSON.parse(JSON.stringify(r.credHelpers))).toEqual({
      'gcr.io': 'gcloud',
      ['__proto__']: 'x',
      null: '',
    });
    expect(inspect('{"credsStore": "desktop"}').credsStore).toBe('desktop');
    expect(inspect('{}').credHelpers).toEqual({});
  });
});

describe('codes: each raised by its trigger, and not by a near miss', () => {
  test('DOCKER_CONFIG_KEY_CASE: `Auths` (file) and `AUTH` (entry)', () => {
    const top = only(inspect(`{"Auths": {"r": {"auth": "${b64('u:p')}"}}}`), 'DOCKER_CONFIG_KEY_CASE');
    expect(top).toMatchObject({ severity: 'warning', subject: PATH });
    expect(top.message).toContain('"Auths"');
    const inner = only(inspect(entry({ AUTH: b64('u:p') }, 'r')), 'DOCKER_CONFIG_KEY_CASE');
    expect(inner.subject).toBe('r');
    expect(inner.message).toContain('"AUTH"');
    expect(codes(inspect(entry({ auth: b64('u:p'), Username: 'x' })))).not.toContain(
      'DOCKER_CONFIG_KEY_CASE',
    );
    expect(codes(inspect(`{"auths": {}, "AUTHSX": 1}`))).not.toContain('DOCKER_CONFIG_KEY_CASE');
  });

  test('DOCKER_NO_INLINE_CREDENTIALS: ok or trailing_data, and no entry carries anything', () => {
    for (const text of [
      '{}',
      '{"auths": {}}',
      '{"auths": {"a": {}, "b": {"serveraddress": "x", "email": "e"}}}',
      '{"auths": {"a": {}}} x',
      '{"auths": {"a": {"auth": ""}}}',
    ]) {
      expect(only(inspect(text), 'DOCKER_NO_INLINE_CREDENTIALS')).toMatchObject({
        severity: 'warning',
        subject: PATH,
      });
    }
    for (const fields of [
      { auth: b64('u:p') },
      { auth: 'not base64!' },
      { username: 'u' },
      { password: 'p' },
      { identitytoken: 't' },
      { registrytoken: 't' },
      { AUTH: b64('u:p') },
    ]) {
      expect(codes(inspect(entry(fields)))).not.toContain('DOCKER_NO_INLINE_CREDENTIALS');
    }
    for (const text of ['', '[]', 'null', '{', '\ufeff{}']) {
      expect(codes(inspect(text))).not.toContain('DOCKER_NO_INLINE_CREDENTIALS');
    }
  });

  test('DOCKER_CREDS_STORE_UNUSABLE_IN_POD and DOCKER_CREDS_STORE_SHADOWS_INLINE_AUTH', () => {
    const desktop = inspect(`{"auths": {"${HUB}": {}}, "credsStore": "desktop"}`);
    expect(only(desktop, 'DOCKER_CREDS_STORE_UNUSABLE_IN_POD').message).toContain(
      'docker-credential-desktop',
    );
    expect(codes(desktop)).not.toContain('DOCKER_CREDS_STORE_SHADOWS_INLINE_AUTH');
    const shadow = inspect(`{"auths": {"${HUB}": {"auth": "${b64('u:p')}"}}, "credsStore": "osxkeychain"}`);
    expect(only(shadow, 'DOCKER_CREDS_STORE_SHADOWS_INLINE_AUTH')).toMatchObject({
      severity: 'error',
      subject: PATH,
    });
    expect(codes(shadow)).toContain('DOCKER_CREDS_STORE_UNUSABLE_IN_POD');
    for (const text of [
      '{"credsStore": ""}',
      `{"auths": {"a": {"auth": "${b64('u:p')}"}}}`,
      '{"credsStore": null}',
    ]) {
      expect(codes(inspect(text))).not.toContain('DOCKER_CREDS_STORE_UNUSABLE_IN_POD');
      expect(codes(inspect(text))).not.toContain('DOCKER_CREDS_STORE_SHADOWS_INLINE_AUTH');
    }
  });

  test('DOCKER_CRED_HELPER_UNUSABLE_IN_POD: helpers with a name; an empty map or empty names are not', () => {
    const f = only(
      inspect('{"credHelpers": {"gcr.io": "gcloud", "us.gcr.io": "gcloud"}}'),
      'DOCKER_CRED_HELPER_UNUSABLE_IN_POD',
    );
    expect(f).toMatchObject({ severity: 'warning', subject: PATH });
    expect(f.message).toContain('gcr.io, us.gcr.io');
    expect(codes(inspect('{"credHelpers": {}}'))).not.toContain('DOCKER_CRED_HELPER_UNUSABLE_IN_POD');
    expect(codes(inspect('{"credHelpers": {"gcr.io": ""}}'))).not.toContain(
      'DOCKER_CRED_HELPER_UNUSABLE_IN_POD',
    );
  });

  test('DOCKER_AUTH_ENTRY_EMPTY: {} (or null) entries; not one with any credential', () => {
    const r = inspect(
      JSON.stringify({ auths: { a: {}, b: null, c: { auth: b64('u:p') }, d: { identitytoken: 't' } } }),
    );
    expect(
      r.findings.filter((f) => f.code === 'DOCKER_AUTH_ENTRY_EMPTY').map((f) => [f.subject, f.severity]),
    ).toEqual([
      ['a', 'info'],
      ['b', 'info'],
    ]);
    expect(codes(inspect('{"auths": {"a": {"auth": 5}}}'))).not.toContain('DOCKER_AUTH_ENTRY_EMPTY');
  });

  test.each([
    ['user:pw', 'DOCKER_AUTH_NOT_BASE64'],
    ['dXNlcjpw_w==', 'DOCKER_AUTH_NOT_BASE64'],
    [b64('user:pw').replace(/=+$/, ''), 'DOCKER_AUTH_NOT_BASE64'],
    ['dXNlcjpwdw==dXNl', 'DOCKER_AUTH_NOT_BASE64'],
    [b64('tokenonly'), 'DOCKER_AUTH_MISSING_COLON'],
    ['\n', 'DOCKER_AUTH_MISSING_COLON'],
    [b64(':pw'), 'DOCKER_AUTH_EMPTY_USERNAME'],
    [b64(':'), 'DOCKER_AUTH_EMPTY_USERNAME'],
  ])('auth %j gives %s and DOCKER_CONFIG_REJECTED_BY_DOCKER_CLI', (auth, code) => {
    const r = inspect(entry({ auth }, 'quay.io'));
    expect(only(r, code)).toMatchObject({ severity: 'error', subject: 'quay.io' });
    expect(only(r, 'DOCKER_CONFIG_REJECTED_BY_DOCKER_CLI')).toMatchObject({
      severity: 'error',
      subject: PATH,
    });
    expect(r.dockerCliLoadOk).toBe(false);
    expect(
      r.findings.filter((f) => f.code.startsWith('DOCKER_AUTH_') && f.severity === 'error'),
    ).toHaveLength(1);
  });

  test('DOCKER_CONFIG_REJECTED_BY_DOCKER_CLI is raised once per file, and never without a bad auth', () => {
    const two = inspect(JSON.stringify({ auths: { a: { auth: 'x' }, b: { auth: b64('nocolon') } } }));
    expect(codes(two).filter((c) => c === 'DOCKER_CONFIG_REJECTED_BY_DOCKER_CLI')).toHaveLength(1);
    for (const text of [
      '{"auths": []}',
      '{"a": NaN}',
      '{',
      '',
      '[]',
      entry({ auth: b64('u:p') }),
      entry({ auth: b64('u:') }),
    ]) {
      expect(codes(inspect(text))).not.toContain('DOCKER_CONFIG_REJECTED_BY_DOCKER_CLI');
    }
  });

  test('near misses of the decode errors: \\r\\n inside, a colon later, padding present', () => {
    for (const auth of ['dXNl\ncjpwdw==', b64('u:p:q'), b64('u:'), b64('user:pw')]) {
      const found = codes(inspect(entry({ auth })));
      expect(found).not.toContain('DOCKER_AUTH_NOT_BASE64');
      expect(found).not.toContain('DOCKER_AUTH_MISSING_COLON');
      expect(found).not.toContain('DOCKER_AUTH_EMPTY_USERNAME');
    }
  });

  test('DOCKER_AUTH_TRAILING_NEWLINE: the `echo user:pw | base64` mistake', () => {
    expect(
      only(inspect(entry({ auth: b64('user:pw\n') }, 'r')), 'DOCKER_AUTH_TRAILING_NEWLINE'),
    ).toMatchObject({
      severity: 'warning',
      subject: 'r',
    });
    expect(codes(inspect(entry({ auth: b64('user:pw\r\n') })))).toContain('DOCKER_AUTH_TRAILING_NEWLINE');
    expect(codes(inspect(entry({ auth: b64('user:pw\n\u0000') })))).toContain('DOCKER_AUTH_TRAILING_NEWLINE');
    expect(codes(inspect(entry({ auth: b64('user:pw') })))).not.toContain('DOCKER_AUTH_TRAILING_NEWLINE');
    expect(codes(inspect(entry({ auth: b64('user:pw\n') + '\n' })))).toContain(
      'DOCKER_AUTH_TRAILING_NEWLINE',
    );
    expect(codes(inspect(entry({ auth: b64('user:pw') + '\n' })))).not.toContain(
      'DOCKER_AUTH_TRAILING_NEWLINE',
    );
    expect(codes(inspect(entry({ auth: b64('usernl\n') })))).not.toContain('DOCKER_AUTH_TRAILING_NEWLINE'); // no colon: an error instead
  });

  test('DOCKER_AUTH_EMPTY_PASSWORD: a user with no password and no token', () => {
    expect(only(inspect(entry({ auth: b64('u:') }, 'r')), 'DOCKER_AUTH_EMPTY_PASSWORD')).toMatchObject({
      severity: 'warning',
      subject: 'r',
    });
    expect(codes(inspect(entry({ auth: b64('u:\u0000') })))).toContain('DOCKER_AUTH_EMPTY_PASSWORD');
    expect(codes(inspect(entry({ username: 'u' })))).toContain('DOCKER_AUTH_EMPTY_PASSWORD');
    for (const fields of [
      { auth: b64('u:'), identitytoken: 't' },
      { auth: b64('u:'), registrytoken: 't' },
      { auth: b64('u:p') },
      {},
      { identitytoken: 't' },
    ]) {
      expect(codes(inspect(entry(fields)))).not.toContain('DOCKER_AUTH_EMPTY_PASSWORD');
    }
  });

  test('DOCKER_AUTH_OVERRIDES_USERNAME_PASSWORD: auth with username or password', () => {
    for (const fields of [{ username: 'u' }, { password: 'p' }, { username: 'u', password: 'p' }]) {
      const r = inspect(entry({ auth: b64('a:b'), ...fields }, 'r'));
      expect(only(r, 'DOCKER_AUTH_OVERRIDES_USERNAME_PASSWORD')).toMatchObject({
        severity: 'warning',
        subject: 'r',
      });
    }
    for (const fields of [
      { auth: b64('a:b') },
      { username: 'u', password: 'p' },
      { auth: b64('a:b'), identitytoken: 't' },
      { auth: '', username: 'u', password: 'p' },
    ]) {
      expect(codes(inspect(entry(fields)))).not.toContain('DOCKER_AUTH_OVERRIDES_USERNAME_PASSWORD');
    }
  });

  test('DOCKER_HUB_KEY_NONCANONICAL: Hub credentials under another key', () => {
    for (const key of [
      'docker.io',
      'index.docker.io',
      'registry-1.docker.io',
      'https://index.docker.io/v2/',
      'https://index.docker.io/v1',
      'http://index.docker.io/v1/',
    ]) {
      expect(only(inspect(entry({}, key)), 'DOCKER_HUB_KEY_NONCANONICAL')).toMatchObject({
        severity: 'warning',
        subject: key,
      });
    }
    for (const key of [HUB, 'quay.io', 'mydocker.io', 'docker.example.com']) {
      expect(codes(inspect(entry({}, key)))).not.toContain('DOCKER_HUB_KEY_NONCANONICAL');
    }
  });

  test('DOCKER_REGISTRY_KEY_LEGACY_FORMAT: a scheme or a path, but never the canonical Hub key', () => {
    for (const key of [
      'https://registry.example.com/v2/',
      'http://legacy.example.org',
      'quay.io/myorg',
      'https://index.docker.io/v2/',
    ]) {
      expect(only(inspect(entry({}, key)), 'DOCKER_REGISTRY_KEY_LEGACY_FORMAT')).toMatchObject({
        severity: 'info',
        subject: key,
      });
    }
    expect(only(inspect(entry({}, 'quay.io/myorg')), 'DOCKER_REGISTRY_KEY_LEGACY_FORMAT').message).toContain(
      'all of "quay.io"',
    );
    const hubV2 = codes(inspect(entry({}, 'https://index.docker.io/v2/')));
    expect(hubV2).toEqual(
      expect.arrayContaining(['DOCKER_HUB_KEY_NONCANONICAL', 'DOCKER_REGISTRY_KEY_LEGACY_FORMAT']),
    );
    for (const key of [HUB, 'quay.io', 'registry.example.com:5000', '[::1]:5000']) {
      expect(codes(inspect(entry({}, key)))).not.toContain('DOCKER_REGISTRY_KEY_LEGACY_FORMAT');
    }
  });

  test('DOCKER_REGISTRY_KEY_DUPLICATE_HOST: two legacy keys of one host and no bare host key', () => {
    const r = inspect(JSON.stringify({ auths: { 'https://quay.io': {}, 'quay.io/org': {}, 'gcr.io': {} } }));
    const f = only(r, 'DOCKER_REGISTRY_KEY_DUPLICATE_HOST');
    expect(f).toMatchObject({ severity: 'warning', subject: 'quay.io' });
    expect(f.message).toContain('"https://quay.io", "quay.io/org"');
    const near = [
      { 'https://quay.io': {}, 'quay.io/org': {}, 'quay.io': {} }, // the bare host is exact
      { 'https://quay.io': {}, 'https://gcr.io/v2/': {} }, // different hosts
      { 'https://quay.io': {} }, // one key
      { 'https://index.docker.io/v2/': {}, 'index.docker.io/v1/': {} }, // Hub: looked up by its key only
    ];
    for (const auths of near) {
      expect(codes(inspect(JSON.stringify({ auths })))).not.toContain('DOCKER_REGISTRY_KEY_DUPLICATE_HOST');
    }
  });

  test('DOCKER_CONFIG_WRONG_TYPE (this project): a field of the wrong JSON type stops docker/cli', () => {
    const f = only(
      inspect('{"auths": {"quay.io": {"auth": 5}}, "credsStore": 1}'),
      'DOCKER_CONFIG_WRONG_TYPE',
    );
    expect(f).toMatchObject({ severity: 'error', subject: PATH });
    expect(f.message).toContain(
      '"auths" → "quay.io" → "auth" is a number, but it must be a string (1 more value is of the wrong type)',
    );
    expect(codes(inspect('{"email": 5, "auths": {"a": {"email": []}}}'))).not.toContain(
      'DOCKER_CONFIG_WRONG_TYPE',
    );
  });

  test('DOCKER_CONFIG_NON_FINITE_NUMBER (this project): NaN/Infinity that Python reads and Go refuses', () => {
    const r = inspect('{"x": -Infinity}');
    expect(only(r, 'DOCKER_CONFIG_NON_FINITE_NUMBER').severity).toBe('error');
    expect(r.dockerCliLoadOk).toBe(false);
    expect(codes(inspect('{"x": "NaN"}'))).not.toContain('DOCKER_CONFIG_NON_FINITE_NUMBER');
  });

  test('a healthy config raises nothing', () => {
    const r = inspect(
      JSON.stringify({
        auths: { [HUB]: { auth: b64('ml-bot:s3cr3t') }, 'registry.example.com:5000': { auth: b64('u:p') } },
      }),
    );
    expect(r.findings).toEqual([]);
    expect(r.status).toBe('ok');
    expect(r.dockerCliLoadOk).toBe(true);
  });
});

describe('subjects and objects', () => {
  test('per-entry findings name the registry key; file-level ones the subject', () => {
    const r = inspect(JSON.stringify({ auths: { 'quay.io': { auth: 'bad' } } }));
    expect(r.findings.map((f) => [f.code, f.subject])).toEqual([
      ['DOCKER_AUTH_NOT_BASE64', 'quay.io'],
      ['DOCKER_CONFIG_REJECTED_BY_DOCKER_CLI', PATH],
    ]);
  });

  test('entrySubjects false (lint of a Secret): every finding names the Secret and carries its objects', () => {
    const text = JSON.stringify({
      auths: { 'quay.io': { auth: 'bad' }, 'https://quay.io/v2/': {}, 'quay.io/x': {} },
      credsStore: 'desktop',
    });
    const r = inspectDockerConfigContent(bytesOf(text), {
      subject: 'Secret/docker-secret',
      objects: ['Secret/docker-secret'],
      entrySubjects: false,
    });
    expect(r.findings.length).toBeGreaterThan(4);
    for (const f of r.findings) {
      expect(f.subject).toBe('Secret/docker-secret');
      expect(f.objects).toEqual(['Secret/docker-secret']);
    }
    // The message still names the registry.
    expect(only(r, 'DOCKER_AUTH_NOT_BASE64').message).toContain('"quay.io"');
  });

  test('without objects, findings carry []', () => {
    expect(inspect('').findings[0].objects).toEqual([]);
  });
});

describe('inspectDockerConfig: the file as the reader found it', () => {
  test.each([
    ['missing', 'DOCKER_CONFIG_MISSING', null],
    ['not_a_file', 'DOCKER_CONFIG_NOT_A_FILE', false],
    ['unreadable', 'DOCKER_CONFIG_UNREADABLE', false],
  ] as const)('%s raises %s only', (kind, code, loadOk) => {
    const r = inspectDockerConfig({ path: PATH, file: { kind } });
    expect(r.status).toBe(kind);
    expect(r.dockerCliLoadOk).toBe(loadOk);
    expect(r.findings.map((f) => [f.code, f.severity, f.subject])).toEqual([[code, 'error', PATH]]);
    expect(r).toMatchObject({ registries: [], credsStore: null, credHelpers: {}, authKeys: [] });
    expect(r.findings[0].fix).toBeTruthy();
  });

  test('too_large (over 8 MiB, not read) raises DOCKER_CONFIG_TOO_LARGE with a null load result', () => {
    const r = inspectDockerConfig({ path: PATH, file: { kind: 'too_large', size: 9_000_000 } });
    expect(r.status).toBe('too_large');
    expect(r.dockerCliLoadOk).toBeNull();
    expect(r.findings.map((f) => f.code)).toEqual(['DOCKER_CONFIG_TOO_LARGE']);
    expect(r.findings[0].message).toContain('9000000 bytes');
  });

  test('a read file over 1 MiB is inspected normally and also gets DOCKER_CONFIG_TOO_LARGE', () => {
    const auth = b64('u:p');
    const base = JSON.stringify({ auths: { 'quay.io': { auth } } });
    const padded = (size: number) =>
      bytesOf(base.slice(0, -1) + ',"pad":"' + 'x'.repeat(size - base.length - 9) + '"}');
    const over = inspectDockerConfig({
      path: PATH,
      file: { kind: 'file', bytes: padded(SECRET_MAX_BYTES + 1) },
    });
    expect(over.status).toBe('ok');
    expect(over.registries).toHaveLength(1);
    expect(over.findings.map((f) => f.code)).toEqual(['DOCKER_CONFIG_TOO_LARGE']);
    const exact = inspectDockerConfig({
      path: PATH,
      file: { kind: 'file', bytes: padded(SECRET_MAX_BYTES) },
    });
    expect(exact.findings).toEqual([]);
  });

  test('a read file is inspected as content with the path as subject', () => {
    const r = inspectDockerConfig({ path: PATH, file: { kind: 'file', bytes: bytesOf('') } });
    expect(r.status).toBe('empty');
    expect(r.findings.map((f) => [f.code, f.subject])).toEqual([['DOCKER_CONFIG_EMPTY', PATH]]);
  });
});

describe('messages', () => {
  test('every finding has a one-line message and a fix', () => {
    const texts = [
      '',
      '\ufeff',
      '{',
      '{} x',
      '[]',
      '{"a": NaN, "auths": 1}',
      JSON.stringify({
        Auths: {
          'docker.io': {},
          'https://quay.io': { AUTH: b64('u:\n'), username: 'x' },
          'quay.io/y': { auth: 'bad' },
          'gcr.io': { auth: b64(':x') },
          'ghcr.io': { auth: b64('x') },
        },
        credsStore: 'desktop',
        credHelpers: { a: 'b' },
      }),
    ];
    const seen = new Set<string>();
    for (const text of texts) {
      for (const f of inspect(text).findings) {
        seen.add(f.code);
        expect(f.message).not.toMatch(/\n/);
        expect(f.message.length).toBeGreaterThan(20);
        expect(f.fix).toBeTruthy();
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(20);
  });
});
