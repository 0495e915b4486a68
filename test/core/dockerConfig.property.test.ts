import fc from 'fast-check';
import { resolveConfigDefault } from '../../src/core/configDefault';
import { decodeBase64Strict } from '../../src/core/bytes';
import {
  decodeDockerAuth,
  inspectDockerConfig,
  inspectDockerConfigContent,
  type AuthDecoding,
  type DockerConfigInspection,
} from '../../src/core/dockerConfig';
import { schemaErrors, validateStatus } from '../support/schemas';

const PATH = '/home/kubeflow/.docker/config.json';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const bytesOf = (text: string) => new TextEncoder().encode(text);

const STATUS_CODES = [
  'DOCKER_CONFIG_EMPTY',
  'DOCKER_CONFIG_INVALID_JSON',
  'DOCKER_CONFIG_TRAILING_DATA',
  'DOCKER_CONFIG_BOM',
  'DOCKER_CONFIG_NOT_OBJECT',
];
const AUTH_ERRORS = ['DOCKER_AUTH_NOT_BASE64', 'DOCKER_AUTH_MISSING_COLON', 'DOCKER_AUTH_EMPTY_USERNAME'];

// ---- Generators: config.json-like text with planted secrets ----

/** A secret no output may contain: distinctive, so a hit is never a coincidence. */
const canary = fc.hexaString({ minLength: 8, maxLength: 8 }).map((h) => `CaNaRy${h}`);

const registryKey = fc.constantFrom(
  'https://index.docker.io/v1/',
  'docker.io',
  'quay.io',
  'https://quay.io/v2/',
  'quay.io/org',
  'registry.example.com:5000',
  'http://[::1]:5000',
  '__proto__',
);

/** Every way a secret can sit in an auths entry, including auth values that do not decode. */
function secretField(secret: string): fc.Arbitrary<[string, unknown]> {
  return fc.constantFrom<[string, unknown]>(
    ['password', secret],
    ['Password', secret],
    ['identitytoken', secret],
    ['registrytoken', secret],
    ['auth', b64(`ml-bot:${secret}`)],
    ['AUTH', b64(`ml-bot:${secret}\n`)],
    ['auth', b64(`ml-bot:${secret}`).replace(/=+$/, '')], // missing padding
    ['auth', b64(`ml-bot:${secret}??>>`).replace(/\+/g, '-').replace(/\//g, '_')], // URL-safe
    ['auth', `ml-bot:${secret}`], // raw, not base64
    ['auth', b64(secret)], // no colon
    ['auth', b64(`:${secret}`)], // empty user
    ['auth', `${b64(`ml-bot:${secret}`)}\n${secret}`], // trailing garbage
    ['auth', [secret]], // wrong type
    ['password', { nested: secret }],
    ['email', secret], // unknown field
    ['serveraddress', secret],
  );
}

const entryText = canary.chain((secret) =>
  fc
    .tuple(
      fc.array(secretField(secret), { maxLength: 3 }),
      fc.option(fc.constantFrom('ml-bot', 'robot$team+ci'), { nil: undefined }),
    )
    .map(([fields, username]) => ({
      secret,
      text: `{${[...fields, ...(username ? [['username', username]] : [])]
        .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
        .join(',')}}`,
    })),
);

const configText = fc
  .tuple(
    fc.array(fc.tuple(registryKey, entryText), { maxLength: 4 }),
    canary,
    fc.constantFrom('auths', 'Auths', 'AUTHS'),
    fc.constantFrom('', ',"credsStore":"desktop"', ',"credHelpers":{"gcr.io":"gcloud"}', ',"credsStore":7'),
    fc.integer({ min: 0, max: 9 }),
  )
  .map(([entries, other, authsKey, extra, mutation]) => {
    const secrets = [other, ...entries.map(([, e]) => e.secret)];
    const members = entries.map(([k, e]) => `${JSON.stringify(k)}:${e.text}`).join(',');
    let text = `{"${authsKey}":{${members}},"HttpHeaders":{"Authorization":"Bearer ${other}"},"proxies":{"default":{"httpProxy":"http://u:${other}@proxy"}}${extra}}`;
    if (mutation === 1) text += ` {"auth":"${other}"}`; // trailing data
    if (mutation === 2) text = '\ufeff' + text;
    if (mutation === 3) text = text.replace(`"${authsKey}"`, `"a": NaN, "${authsKey}"`);
    if (mutation === 4) text = text.slice(0, Math.floor(text.length / 2)); // invalid JSON mid-secret
    if (mutation === 5) text = `[${text}]`;
    if (mutation === 6) text = text.replace(/,/g, ',\r\n');
    return { text, secrets };
  });

function forbidden(secret: string): string[] {
  return [secret, b64(secret), b64(`ml-bot:${secret}`), b64(`:${secret}`)];
}

function leaks(result: unknown, secrets: readonly string[]): string[] {
  const out = JSON.stringify(result);
  return secrets.flatMap(forbidden).filter((s) => out.includes(s));
}

// ---- A full status report around the docker section, to check it against the contract's schema ----

function reportWith(docker: DockerConfigInspection) {
  return {
    home: '/home/kubeflow',
    docker: {
      path: PATH,
      status: docker.status,
      dockerCliLoadOk: docker.dockerCliLoadOk,
      registries: docker.registries,
      credsStore: docker.credsStore,
      credHelpers: docker.credHelpers,
      lookups: [],
    },
    storage: {
      credentialsFile: { path: '/home/kubeflow/.aws/credentials', status: 'missing', profiles: [] },
      selectedProfile: 'default',
      fileCredentials: null,
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
      usableProviders: ['DefaultMinioConfigurationProvider.default()'],
    },
    certificate: {
      path: '/home/kubeflow/.tls/certificate.crt',
      status: 'missing',
      names: [],
      notAfter: null,
    },
    configDefault: resolveConfigDefault(docker.status),
    findings: docker.findings,
  };
}

function checkInvariants(r: DockerConfigInspection): void {
  const codes = r.findings.map((f) => f.code);
  const statusCodes = codes.filter((c) => STATUS_CODES.includes(c));
  expect(statusCodes).toHaveLength(r.status === 'ok' ? 0 : 1);
  expect(codes.includes('DOCKER_CONFIG_REJECTED_BY_DOCKER_CLI')).toBe(
    codes.some((c) => AUTH_ERRORS.includes(c)),
  );
  expect(codes.filter((c) => c === 'DOCKER_CONFIG_REJECTED_BY_DOCKER_CLI').length).toBeLessThanOrEqual(1);
  if (r.status === 'ok' && codes.includes('DOCKER_CONFIG_REJECTED_BY_DOCKER_CLI'))
    expect(r.dockerCliLoadOk).toBe(false);
  for (const reg of r.registries)
    if (!reg.valid) expect([reg.username, reg.hasPassword]).toEqual([null, false]);
  expect(r.authKeys).toEqual(r.registries.map((x) => x.key));
  expect(schemaErrors(validateStatus, reportWith(r))).toBe('');
}

// ---- The properties ----

describe('secrets never leave (canaries)', () => {
  test('no password, token or auth value, nor its base64, appears in anything returned', () => {
    fc.assert(
      fc.property(configText, fc.boolean(), ({ text, secrets }, entrySubjects) => {
        const r = inspectDockerConfigContent(bytesOf(text), {
          subject: 'Secret/docker-secret',
          entrySubjects,
        });
        expect(leaks(r, secrets)).toEqual([]);
        const file = inspectDockerConfig({ path: PATH, file: { kind: 'file', bytes: bytesOf(text) } });
        expect(leaks(file, secrets)).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });

  test('hand-picked cases: every decode failure, every field, trailing data and broken JSON', () => {
    const secret = 'CaNaRyHandPicked1';
    const texts = [
      JSON.stringify({ auths: { a: { auth: secret } } }),
      JSON.stringify({ auths: { a: { auth: b64(secret) } } }),
      JSON.stringify({ auths: { a: { auth: b64(`:${secret}`) } } }),
      JSON.stringify({ auths: { a: { auth: b64(`u:${secret}\n`), username: 'u', password: secret } } }),
      JSON.stringify({ auths: { a: { identitytoken: secret, registrytoken: secret, password: secret } } }),
      JSON.stringify({ auths: { a: { auth: 5, password: [secret] } } }),
      `{"auths": {"a": {"auth": "${b64(`u:${secret}`)}"}}} {"password": "${secret}"}`,
      `{"auths": {"a": {"password": "${secret}"}`,
      `{"auths": {"a": {"password": "${secret}\u0001"}}}`,
      `{"auths": {"a": {"password": ${secret}}}}`,
      `\ufeff{"auths": {"a": {"password": "${secret}"}}}`,
      `["${secret}"]`,
      `"${secret}"`,
    ];
    for (const text of texts) {
      expect(leaks(inspectDockerConfigContent(bytesOf(text), { subject: PATH }), [secret])).toEqual([]);
    }
    const nonUtf8 = Uint8Array.from([
      ...bytesOf(`{"auths":{"a":{"password":"${secret}`),
      0xff,
      ...bytesOf('"}}}'),
    ]);
    expect(leaks(inspectDockerConfigContent(nonUtf8, { subject: PATH }), [secret])).toEqual([]);
  });
});

/** docker/cli's decodeAuth written plainly on top of bytes.ts, to hold the fast one to it. */
function referenceDecodeAuth(auth: string): AuthDecoding {
  const bytes = decodeBase64Strict(auth);
  if (bytes === null) return { ok: false, failure: 'not_base64' };
  const colon = bytes.indexOf(0x3a);
  if (colon < 0) return { ok: false, failure: 'missing_colon' };
  if (colon === 0) return { ok: false, failure: 'empty_username' };
  let password = Array.from(bytes.subarray(colon + 1));
  while (password[0] === 0) password = password.slice(1);
  while (password[password.length - 1] === 0) password = password.slice(0, -1);
  return {
    ok: true,
    username: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, colon)),
    hasPassword: password.length > 0,
    endsInNewline: password[password.length - 1] === 0x0a,
  };
}

describe('decodeDockerAuth', () => {
  test('equals decodeAuth built on bytes.ts decodeBase64Strict, for base64-like and arbitrary text', () => {
    const b64ish = fc
      .array(fc.constantFrom(...'ABCxyz019+/-_=\r\n :é'.split('')), { maxLength: 24 })
      .map((chars) => chars.join(''));
    const encoded = fc
      .tuple(fc.uint8Array({ maxLength: 40 }), fc.nat(60), fc.constantFrom('', '\n', '\r\n', '=', 'A'))
      .map(([bytes, at, insert]) => {
        const text = Buffer.from(bytes).toString('base64');
        return text.slice(0, at) + insert + text.slice(at);
      });
    // Few characters, so padding in every position and every count is reached.
    const padding = fc
      .array(fc.constantFrom('Q', 'O', '6', '=', '\n', '-'), { maxLength: 12 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(padding, (auth) => {
        expect(decodeDockerAuth(auth)).toEqual(referenceDecodeAuth(auth));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.oneof(b64ish, encoded, fc.string(), fc.fullUnicodeString()), (auth) => {
        expect(decodeDockerAuth(auth)).toEqual(referenceDecodeAuth(auth));
      }),
      { numRuns: 5000 },
    );
  });

  test('a long auth after a short one, and a short one after a long one, decode alike', () => {
    const long = b64(`user:${'p'.repeat(5000)}\n`);
    const short = b64('u:');
    for (const auth of [short, long, short, b64('nocolon'), long]) {
      expect(decodeDockerAuth(auth)).toEqual(referenceDecodeAuth(auth));
    }
  });
});

describe('never throws, and keeps the contract', () => {
  test('arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        checkInvariants(inspectDockerConfigContent(bytes, { subject: PATH }));
      }),
      { numRuns: 1500 },
    );
  });

  test('arbitrary text and arbitrary JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.fullUnicodeString(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ auths: v })),
        ),
        (text) => {
          checkInvariants(inspectDockerConfigContent(bytesOf(text), { subject: PATH }));
        },
      ),
      { numRuns: 1500 },
    );
  });

  test('config-shaped text with every mutation', () => {
    fc.assert(
      fc.property(configText, ({ text }) => {
        const r = inspectDockerConfig({ path: PATH, file: { kind: 'file', bytes: bytesOf(text) } });
        checkInvariants(r);
      }),
      { numRuns: 1500 },
    );
  });

  test('the same input gives the same output', () => {
    fc.assert(
      fc.property(configText, ({ text }) => {
        const a = inspectDockerConfigContent(bytesOf(text), { subject: PATH });
        const b = inspectDockerConfigContent(bytesOf(text), { subject: PATH });
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 200 },
    );
  });

  test('every file state keeps the schema', () => {
    for (const file of [
      { kind: 'missing' as const },
      { kind: 'not_a_file' as const },
      { kind: 'unreadable' as const },
      { kind: 'too_large' as const, size: 9 * 1024 * 1024 },
    ]) {
      expect(schemaErrors(validateStatus, reportWith(inspectDockerConfig({ path: PATH, file })))).toBe('');
    }
  });
});

describe('performance', () => {
  test('a 1 MiB config.json with thousands of registries is inspected quickly', () => {
    const auths: Record<string, { auth: string }> = {};
    let text = '';
    for (let i = 0; text.length < 1024 * 1024; i++) {
      auths[`registry-${i}.example.com`] = { auth: b64(`u${i}:p${i}`) };
      if (i % 500 === 0) text = JSON.stringify({ auths });
    }
    const bytes = bytesOf(JSON.stringify({ auths }));
    inspectDockerConfigContent(bytes, { subject: PATH }); // warm up
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const r = inspectDockerConfigContent(bytes, { subject: PATH });
      times.push(performance.now() - start);
      expect(r.status).toBe('ok');
    }
    // Generous bound for shared CI machines; `npm run bench` measures the real figure.
    expect(Math.min(...times)).toBeLessThan(200);
  });
});
