/**
 * Differential test: our reader against the real thing. Generated files are written to disk by ONE python3
 * process, which reads each with botocore's `raw_config_parse` (the exact call SharedCredentialProvider makes:
 * `open()` with the locale's UTF-8, universal newlines, RawConfigParser strict, `_parse_nested`), or with an
 * inlined copy of it when botocore is not installed. Sections, options and values, or the error kind and
 * line, must agree.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { IniError, IniParseResult, effectiveOptions, parseIniBytes } from '../../src/core/configparser';

const PYTHON = `
import base64, configparser, json, os, re, sys, tempfile
try:
    from botocore.configloader import raw_config_parse
    from botocore.exceptions import ConfigParseError
except ImportError:  # the same code, copied from botocore 1.43 configloader.py
    class ConfigParseError(Exception):
        def __init__(self, error):
            self.kwargs = {'error': error}
    def _parse_nested(config_value):
        parsed = {}
        for line in config_value.splitlines():
            line = line.strip()
            if not line:
                continue
            key, value = line.split('=', 1)
            parsed[key.strip()] = value.strip()
        return parsed
    def raw_config_parse(path):
        config = {}
        cp = configparser.RawConfigParser()
        try:
            cp.read([path])
        except (configparser.Error, UnicodeDecodeError) as e:
            raise ConfigParseError(e) from None
        for section in cp.sections():
            config[section] = {}
            for option in cp.options(section):
                value = cp.get(section, option)
                if value.startswith('\\n'):
                    try:
                        value = _parse_nested(value)
                    except ValueError as e:
                        raise ConfigParseError(e) from None
                config[section][option] = value
        return config

def enc(v):
    return {'nested': [[k, x] for k, x in v.items()]} if isinstance(v, dict) else v

d = tempfile.mkdtemp()
path = os.path.join(d, 'credentials')
out = []
for line in sys.stdin:
    data = base64.b64decode(line)
    with open(path, 'wb') as f:
        f.write(data)
    try:
        parsed = raw_config_parse(path)
        cp = configparser.RawConfigParser()
        cp.read([path])
        out.append({'ok': True,
                    'sections': [[s, [[k, enc(v)] for k, v in o.items()]] for s, o in parsed.items()],
                    'defaults': [[k, v] for k, v in cp.defaults().items()]})
    except ConfigParseError as e:
        err = e.kwargs['error']
        if isinstance(err, UnicodeDecodeError):
            pre = data[:err.start].decode('utf-8')
            out.append({'ok': False, 'kind': 'not_utf8', 'line': len(re.split(r'\\r\\n|\\r|\\n', pre))})
        elif isinstance(err, configparser.MissingSectionHeaderError):
            out.append({'ok': False, 'kind': 'missing_section_header', 'line': err.lineno})
        elif isinstance(err, configparser.DuplicateSectionError):
            out.append({'ok': False, 'kind': 'duplicate_section', 'line': err.lineno})
        elif isinstance(err, configparser.DuplicateOptionError):
            out.append({'ok': False, 'kind': 'duplicate_option', 'line': err.lineno})
        elif isinstance(err, configparser.ParsingError):
            out.append({'ok': False, 'kind': 'parsing', 'line': err.errors[0][0]})
        elif isinstance(err, ValueError):
            out.append({'ok': False, 'kind': 'nested', 'line': None})
        else:
            out.append({'ok': False, 'kind': type(err).__name__, 'line': None})
os.remove(path) if os.path.exists(path) else None
os.rmdir(d)
json.dump(out, sys.stdout)
`;

type PyResult =
  | { ok: true; sections: [string, [string, unknown][]][]; defaults: [string, string][] }
  | { ok: false; kind: string; line: number | null };

function runPython(inputs: Uint8Array[]): PyResult[] {
  const stdin = inputs.map((b) => Buffer.from(b).toString('base64')).join('\n') + '\n';
  const res = spawnSync('python3', ['-c', PYTHON], { input: stdin, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (res.status !== 0) throw new Error(`python3 failed: ${res.stderr}`);
  return JSON.parse(res.stdout) as PyResult[];
}

/** Our result in python's shape; a BOM is python's MissingSectionHeaderError on line 1. */
function ours(result: IniParseResult): PyResult {
  if (!result.ok) {
    const e: IniError = result.error;
    if (e.kind === 'bom') return { ok: false, kind: 'missing_section_header', line: 1 };
    return { ok: false, kind: e.kind, line: e.kind === 'nested' ? null : e.line };
  }
  const doc = result.document;
  return {
    ok: true,
    sections: doc.sections.map((s) => [
      s.name,
      (effectiveOptions(doc, s.name) ?? []).map((o) => [o.name, o.nested ? { nested: o.nested } : o.value]),
    ]),
    defaults: doc.defaults.map((o) => [o.name, o.value]),
  };
}

// DIFF_RUNS / DIFF_SEED widen the search when run by hand (e.g. DIFF_RUNS=20000).
const RUNS = Number(process.env.DIFF_RUNS ?? 600);
const SEED = Number(process.env.DIFF_SEED ?? 20240611);

const pythonAvailable = spawnSync('python3', ['--version']).status === 0;
const describeWithPython = pythonAvailable ? describe : describe.skip;

// The grammar: the pieces that make configparser's corner cases, combined freely.
const indent = fc.constantFrom('', '', '', ' ', '  ', '\t', '    ', '\u00a0', '\x0c');
const sectionName = fc.constantFrom(
  'default',
  'default',
  'Default',
  'DEFAULT',
  'profile dev',
  'dev',
  ' default ',
  'a]b',
  'é',
  'x.y',
  '',
  '[',
);
const afterHeader = fc.constantFrom('', '', ' # c', ' junk', ']', ' = v');
const optionName = fc.constantFrom(
  'aws_access_key_id',
  'aws_secret_access_key',
  'AWS_Session_Token',
  'region',
  's3',
  'k',
  'K',
  '',
  ' ',
  'a b',
  'İ',
  'ΑΣ',
  '[x',
  '#x',
);
const separator = fc.constantFrom('=', ':', ' = ', ' : ', '\t=\t', '==', ': =', '=:');
const optionValue = fc.constantFrom(
  'v',
  'AKIAIOSFODNN7EXAMPLE',
  '"q"',
  "'q'",
  '',
  ' ',
  'a #b',
  'a ;b',
  'c=d:e',
  '\u00a0x\u00a0',
  '\x0bx',
  'x\x85y',
  'x\u2028y = z',
  '\ufeff',
  '😀',
  '%(x)s',
  '[s]',
);
const line = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(indent, sectionName, afterHeader).map(([i, n, a]) => `${i}[${n}]${a}`) },
  {
    weight: 6,
    arbitrary: fc.tuple(indent, optionName, separator, optionValue).map(([i, n, s, v]) => `${i}${n}${s}${v}`),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(indent, fc.constantFrom('#', '; c', '# c', '#[x]')).map(([i, c]) => i + c),
  },
  { weight: 2, arbitrary: fc.constantFrom('', '', ' ', '\t', '\u00a0', '\x1c', '\u3000') },
  { weight: 3, arbitrary: fc.tuple(indent, optionValue).map(([i, v]) => `${i}  ${v}`) },
  { weight: 1, arbitrary: fc.constantFrom('junk', '[', ']', '[]', '=', ':x', 'no separator') },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.fullUnicodeString({ maxLength: 6 }) },
);
const newline = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
const file = fc
  .record({
    startWithHeader: fc.boolean(),
    lines: fc.array(fc.tuple(line, newline), { maxLength: 14 }),
    finalNewline: fc.boolean(),
    bom: fc.integer({ min: 0, max: 19 }),
    badByte: fc.integer({ min: 0, max: 24 }),
    badAt: fc.nat(),
  })
  .map(({ startWithHeader, lines, finalNewline, bom, badByte, badAt }) => {
    let text = startWithHeader ? '[default]\n' : '';
    lines.forEach(([l, nl], i) => (text += l + (i < lines.length - 1 || finalNewline ? nl : '')));
    let bytes = new TextEncoder().encode(text);
    if (bom === 0) bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
    if (badByte === 0) {
      const at = bytes.length === 0 ? 0 : badAt % bytes.length;
      bytes = Uint8Array.from([...bytes.slice(0, at), 0xff, ...bytes.slice(at)]);
    }
    return bytes;
  });

/** Raw text from the characters that matter to configparser, in any order: finds what the grammar misses. */
const soup = fc
  .array(
    fc.constantFrom(
      '[',
      ']',
      '=',
      ':',
      '#',
      ';',
      ' ',
      '\t',
      '\n',
      '\r',
      '\r\n',
      '\x0b',
      '\x1c',
      '\u00a0',
      '\u2028',
      'a',
      'A',
      'İ',
      '\ufeff',
      'default',
      'DEFAULT',
    ),
    { maxLength: 40 },
  )
  .map((parts) => new TextEncoder().encode(parts.join('')));

const HAND_WRITTEN = [
  '[default]\naws_access_key_id = A\n',
  '\ufeff[default]\nk=v\n',
  '[default]\r\nk = v\r\n  more\r\n\r\n  after blank\r\n',
  '[default]\nk: c=d:e\n',
  '[default]\ns3 =\n  a = 1\n\n  b = 2\n',
  '[default]\ns3 =\n  a: 1\n',
  '[DEFAULT]\ns3 =\n  bad\n',
  '[DEFAULT]\ns3 =\n  bad\n[x]\n',
  '[DEFAULT]\ns3 =\n  bad\n[x]\ns3 = fine\n',
  '[a]\n[b]\n[a]\n',
  '[DEFAULT]\n[DEFAULT]\n',
  '[DEFAULT]\nk=1\n[DEFAULT]\nK=2\n',
  '[a]\nk=1\nK=2\n',
  '[a]\nbad\n[a]\n',
  '[a]\n=x\n=y\n',
  'k = v\n[a]\n',
  '  [default]\nk=v\n',
  '[default]\nk=v\nbad\n  cont\n',
  '[default]\nk=v\r  cont\r',
  '[ default ] trailing\n',
  '[default]\n#c\n  ;c\nk = a #b\n',
  '',
  ' \n\t\n',
  '# only a comment\n',
  '[a]\nk=\n\n\n',
  '[a]\nk=\n  x\x0by = z\n',
  '[a]\nk=v\n\u00a0 cont\n',
];

describeWithPython('configparser agrees with botocore/python3 (differential)', () => {
  it('hand-written corner cases and several hundred generated files', () => {
    const inputs: Uint8Array[] = HAND_WRITTEN.map((s) => new TextEncoder().encode(s));
    inputs.push(Uint8Array.from([0x5b, 0x61, 0x5d, 0x0a, 0x6b, 0x3d, 0xc3, 0x28]));
    inputs.push(...fc.sample(file, { numRuns: RUNS, seed: SEED }));
    inputs.push(...fc.sample(soup, { numRuns: Math.ceil(RUNS / 3), seed: SEED }));
    const expected = runPython(inputs);
    const mismatches: string[] = [];
    inputs.forEach((bytes, i) => {
      const mine = ours(parseIniBytes(bytes));
      if (JSON.stringify(mine) !== JSON.stringify(expected[i])) {
        mismatches.push(
          `input ${JSON.stringify(new TextDecoder().decode(bytes))} (${Buffer.from(bytes).toString('hex')})\n` +
            `  python: ${JSON.stringify(expected[i])}\n  ours:   ${JSON.stringify(mine)}`,
        );
      }
    });
    // A sanity check that the generator reaches both outcomes.
    expect(expected.filter((r) => r.ok).length).toBeGreaterThan(100);
    expect(expected.filter((r) => !r.ok).length).toBeGreaterThan(100);
    expect(mismatches.slice(0, 5)).toEqual([]);
  }, 60_000); // one python3 process; generous for a busy machine
});
