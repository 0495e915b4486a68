import fc from 'fast-check';
import { inspectAwsCredentialsContent } from '../../src/core/awsCredentials';

const enc = (s: string) => new TextEncoder().encode(s);
const POD = { subject: '/home/kubeflow/.aws/credentials' };
const LINT = { subject: 'Secret/aws-credentials', objects: ['Secret/aws-credentials'] };

const GOOD =
  '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG\n';

function codes(text: string | Uint8Array, opts: { subject: string; profile?: string } = POD): string[] {
  const bytes = typeof text === 'string' ? enc(text) : text;
  return inspectAwsCredentialsContent(bytes, opts)
    .findings.map((f) => f.code)
    .sort();
}

describe('inspectAwsCredentialsContent: status and profiles', () => {
  it('reads a good file with no finding', () => {
    const r = inspectAwsCredentialsContent(enc(GOOD), POD);
    expect(r.status).toBe('ok');
    expect(r.profiles).toEqual(['default']);
    expect(r.findings).toEqual([]);
    expect(r.parsed?.credentials('default')).toEqual({
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG',
      sessionToken: null,
    });
  });

  it('is empty at 0 bytes, and ok with no profile when only whitespace or comments', () => {
    expect(inspectAwsCredentialsContent(new Uint8Array(), POD)).toMatchObject({
      status: 'empty',
      profiles: [],
    });
    expect(codes('')).toEqual(['AWS_CREDENTIALS_EMPTY', 'AWS_DEFAULT_PROFILE_MISSING']);
    for (const t of [' \n', '\n', '# nothing yet\n']) {
      expect(inspectAwsCredentialsContent(enc(t), POD)).toMatchObject({ status: 'ok', profiles: [] });
      expect(codes(t)).toEqual(['AWS_DEFAULT_PROFILE_MISSING']);
    }
  });

  it('lists profiles in file order, without [DEFAULT]', () => {
    const r = inspectAwsCredentialsContent(enc('[DEFAULT]\nregion = eu\n[b]\n[default]\n[a]\n'), POD);
    expect(r.profiles).toEqual(['b', 'default', 'a']);
  });

  it('takes aws_security_token over aws_session_token, even empty, and inherits [DEFAULT]', () => {
    const r = inspectAwsCredentialsContent(
      enc(
        '[DEFAULT]\naws_secret_access_key = S\n[default]\naws_access_key_id = A\naws_session_token = T\naws_security_token =\n',
      ),
      POD,
    );
    expect(r.parsed?.credentials('default')).toEqual({
      accessKeyId: 'A',
      secretAccessKey: 'S',
      sessionToken: '',
    });
    expect(r.parsed?.credentials('nope')).toBeNull();
  });
});

describe('inspectAwsCredentialsContent: parse errors', () => {
  it.each([
    [
      'a BOM',
      Uint8Array.from([0xef, 0xbb, 0xbf, ...enc(GOOD)]),
      ['AWS_CREDENTIALS_BOM', 'AWS_CREDENTIALS_PARSE_ERROR'],
    ],
    [
      'a duplicate key',
      `${GOOD}AWS_ACCESS_KEY_ID = B\n`,
      ['AWS_CREDENTIALS_DUPLICATE_KEY', 'AWS_CREDENTIALS_PARSE_ERROR'],
    ],
    [
      'a duplicate section',
      `${GOOD}[default]\n`,
      ['AWS_CREDENTIALS_DUPLICATE_SECTION', 'AWS_CREDENTIALS_PARSE_ERROR'],
    ],
    ['no header', `aws_access_key_id = A\n${GOOD}`, ['AWS_CREDENTIALS_PARSE_ERROR']],
    ['a line without =', `${GOOD}oops\n`, ['AWS_CREDENTIALS_PARSE_ERROR']],
    ['non-UTF-8', Uint8Array.from([...enc(GOOD), 0xff]), ['AWS_CREDENTIALS_PARSE_ERROR']],
    ['a broken nested block', `${GOOD}s3 =\n  addressing_style path\n`, ['AWS_CREDENTIALS_PARSE_ERROR']],
  ])('reports %s', (_name, input, expected) => {
    const r = inspectAwsCredentialsContent(typeof input === 'string' ? enc(input) : input, POD);
    expect(r.status).toBe('parse_error');
    expect(r.parsed).toBeNull();
    expect(r.profiles).toEqual([]);
    expect(r.findings.map((f) => f.code).sort()).toEqual(expected);
    expect(r.findings.every((f) => f.severity === 'error' && f.fix)).toBe(true);
  });

  it('names the line of the error', () => {
    const [f] = inspectAwsCredentialsContent(enc(`${GOOD}oops\n`), POD).findings;
    expect(f.message).toContain('line 4');
  });

  it('does not raise the near misses', () => {
    expect(codes(`${GOOD}[dev]\naws_access_key_id = B\naws_secret_access_key = C\n`)).toEqual([]);
    expect(codes(`[default]\n\ufeffk = v\n`)).toEqual([]);
    expect(codes(`${GOOD}s3 =\n  addressing_style = path\n`)).toEqual(['AWS_CONTINUATION_LINE']);
  });
});

describe('inspectAwsCredentialsContent: content codes', () => {
  it('AWS_CREDENTIALS_CRLF on CRLF, not on LF or a lone CR', () => {
    expect(codes(GOOD.replace(/\n/g, '\r\n'))).toEqual(['AWS_CREDENTIALS_CRLF']);
    expect(inspectAwsCredentialsContent(enc(GOOD.replace(/\n/g, '\r\n')), POD).findings[0].severity).toBe(
      'info',
    );
    expect(codes(GOOD)).toEqual([]);
    expect(codes(GOOD.replace(/\n/g, '\r'))).toEqual([]);
  });

  it('AWS_DEFAULT_PROFILE_MISSING without an exact [default]', () => {
    expect(codes(GOOD.replace('[default]', '[dev]'))).toEqual(['AWS_DEFAULT_PROFILE_MISSING']);
    expect(codes(GOOD)).toEqual([]);
  });

  it('AWS_SECTION_NAME_CASE for [Default] and [DEFAULT], not for [default] or [defaults]', () => {
    expect(codes(GOOD.replace('[default]', '[Default]'))).toEqual([
      'AWS_DEFAULT_PROFILE_MISSING',
      'AWS_SECTION_NAME_CASE',
    ]);
    expect(codes(GOOD.replace('[default]', '[DEFAULT]'))).toEqual([
      'AWS_DEFAULT_PROFILE_MISSING',
      'AWS_SECTION_NAME_CASE',
    ]);
    expect(codes(`${GOOD}[defaults]\n`)).toEqual([]);
  });

  it('AWS_PROFILE_PREFIX_IN_CREDENTIALS_FILE for [profile dev], not [profiles] or [profile]', () => {
    const r = inspectAwsCredentialsContent(enc(`${GOOD}[profile dev]\nregion = eu\n`), POD);
    expect(r.findings.map((f) => f.code)).toEqual(['AWS_PROFILE_PREFIX_IN_CREDENTIALS_FILE']);
    expect(r.findings[0].fix).toContain('[dev]');
    expect(codes(`${GOOD}[profiles]\n[profile]\n[profiledev]\n`)).toEqual([]);
  });

  it('AWS_SECRET_MISSING for the profile asked for (default by default)', () => {
    const noSecret = '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n';
    expect(codes(noSecret)).toEqual(['AWS_SECRET_MISSING']);
    expect(codes('[default]\naws_access_key_id = A\naws_secret_access_key =\n')).toEqual([
      'AWS_SECRET_MISSING',
    ]);
    expect(codes('[default]\naws_access_key_id =\n')).toEqual(['AWS_SECRET_MISSING']);
    // near misses: no key ID at all, a secret inherited from [DEFAULT], another profile than the one asked for.
    expect(codes('[default]\nregion = eu\n')).toEqual([]);
    expect(codes('[DEFAULT]\naws_secret_access_key = S\n[default]\naws_access_key_id = A\n')).toEqual([
      'AWS_SECTION_NAME_CASE',
    ]);
    expect(codes(`${GOOD}[dev]\naws_access_key_id = A\n`)).toEqual([]);
    expect(codes(`${GOOD}[dev]\naws_access_key_id = A\n`, { ...POD, profile: 'dev' })).toEqual([
      'AWS_SECRET_MISSING',
    ]);
  });

  it('AWS_INLINE_COMMENT for " #" and " ;" in a value, not "#" without a space', () => {
    expect(codes(`${GOOD}region = eu-west-1 # Ireland\n`)).toEqual(['AWS_INLINE_COMMENT']);
    expect(codes(`${GOOD}region = eu-west-1\t;x\n`)).toEqual(['AWS_INLINE_COMMENT']);
    expect(codes(`${GOOD}endpoint_url = http://x/#frag\n# own line comment\n`)).toEqual([]);
  });

  it('AWS_VALUE_QUOTED for "v" and \'v\', not for mixed or single quotes', () => {
    expect(codes(GOOD.replace('= wJalrXUtnFEMI/K7MDENG', '= "wJalrXUtnFEMI/K7MDENG"'))).toEqual([
      'AWS_VALUE_QUOTED',
    ]);
    expect(codes(`${GOOD}region = 'eu'\n`)).toEqual(['AWS_VALUE_QUOTED']);
    expect(codes(`${GOOD}region = "eu'\nx = "\n`)).toEqual([]);
  });

  it('AWS_CONTINUATION_LINE for an indented line after an option, not for an indented header', () => {
    expect(codes(GOOD.replace('= wJalrXUtnFEMI/K7MDENG', '= wJalrXUtnFEMI/\n  K7MDENG'))).toEqual([
      'AWS_CONTINUATION_LINE',
    ]);
    expect(codes(`  ${GOOD}`)).toEqual([]);
    expect(codes(`${GOOD}\n  [dev]\n`.replace('\n\n', '\n# c\n'))).toEqual(['AWS_CONTINUATION_LINE']);
  });

  it('summarises repeated findings in one, with the lines', () => {
    const r = inspectAwsCredentialsContent(enc(`${GOOD}a = "1"\nb = "2"\nc = "3"\nd = "4"\nf = "5"\n`), POD);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0].message).toContain('5 values: lines 4, 5, 6 and 2 more');
  });
});

describe('inspectAwsCredentialsContent: subjects and objects', () => {
  it('names the path in the pod and the Secret in lint', () => {
    const pod = inspectAwsCredentialsContent(enc('[dev]\n'), POD).findings[0];
    expect(pod).toMatchObject({ subject: POD.subject, objects: [] });
    expect(pod.fix).toContain(POD.subject);
    const lint = inspectAwsCredentialsContent(enc('[dev]\n'), LINT).findings[0];
    expect(lint).toMatchObject({ subject: 'Secret/aws-credentials', objects: ['Secret/aws-credentials'] });
    expect(lint.fix).toContain('kubectl create secret generic aws-credentials --from-file=credentials=');
  });
});

describe('inspectAwsCredentialsContent: secrets never leave', () => {
  const SECRET = 'CANARYsecretKEY0123456789abcdefXYZ/+';
  const TOKEN = 'CANARYsessionTOKEN////abcdef9876543210==';
  const KEY_MIDDLE = 'CANARYMIDDLE';
  const ACCESS_KEY = `AKIA${KEY_MIDDLE}WXYZ`;

  const texts = [
    `[default]\naws_access_key_id = ${ACCESS_KEY}\naws_secret_access_key = ${SECRET}\naws_session_token = ${TOKEN}\n`,
    `[default]\naws_access_key_id = ${ACCESS_KEY}\naws_secret_access_key = "${SECRET}" # c\n  ${TOKEN}\n`,
    `[default]\naws_secret_access_key ${SECRET}\n`,
    `[default]\n${SECRET}:${TOKEN}\n${SECRET}:${TOKEN}\n`,
    `[default]\n${TOKEN}=x\n${TOKEN}=y\n`,
    `[default]\ns3 =\n  ${SECRET}\n`,
    `${SECRET}\n`,
    `\ufeff[default]\naws_secret_access_key = ${SECRET}\n`,
  ];

  it.each(texts.map((t, i) => [i, t]))('case %i carries no planted value', (_i, text) => {
    for (const opts of [POD, LINT]) {
      const out = JSON.stringify(inspectAwsCredentialsContent(enc(text as string), opts));
      for (const canary of [SECRET, TOKEN, KEY_MIDDLE, SECRET.toLowerCase(), TOKEN.toLowerCase()]) {
        expect(out).not.toContain(canary);
      }
    }
  });

  it('keeps planted values out of any result (property)', () => {
    const fragment = fc.constantFrom(
      '[default]\n',
      '[dev]\n',
      `aws_access_key_id = ${ACCESS_KEY}\n`,
      `aws_secret_access_key = ${SECRET}\n`,
      `aws_session_token = ${TOKEN}\n`,
      `aws_secret_access_key = "${SECRET}" ; c\n`,
      `  ${TOKEN}\n`,
      `${SECRET}\n`,
      `${TOKEN}: x\n`,
      's3 =\n',
      '\r\n',
      '# c\n',
      '[DEFAULT]\n',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 10 }), fc.boolean(), (parts, lint) => {
        const out = JSON.stringify(inspectAwsCredentialsContent(enc(parts.join('')), lint ? LINT : POD));
        return [SECRET, TOKEN, KEY_MIDDLE].every((c) => !out.includes(c) && !out.includes(c.toLowerCase()));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (b) => {
        const r = inspectAwsCredentialsContent(b, POD);
        expect(['ok', 'empty', 'parse_error']).toContain(r.status);
      }),
      { numRuns: 400 },
    );
  });
});
