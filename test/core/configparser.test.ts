import fc from 'fast-check';
import {
  IniDocument,
  IniParseResult,
  effectiveOptions,
  parseIniBytes,
  parseIniText,
  pyStrip,
} from '../../src/core/configparser';

const enc = (s: string) => new TextEncoder().encode(s);

function doc(text: string): IniDocument {
  const r = parseIniBytes(enc(text));
  if (!r.ok) throw new Error(`unexpected ${r.error.kind} on line ${r.error.line}`);
  return r.document;
}

function values(text: string, section: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of effectiveOptions(doc(text), section) ?? []) out[o.name] = o.value;
  return out;
}

function errorOf(r: IniParseResult) {
  return r.ok ? null : r.error;
}

describe('configparser: what parses', () => {
  it('reads sections in order, lower-cases option names and strips values', () => {
    const d = doc('[default]\nAWS_Access_Key_ID =  AKIA  \n[dev]\nregion:eu-west-1\n');
    expect(d.sections.map((s) => s.name)).toEqual(['default', 'dev']);
    expect(values('[default]\nAWS_Access_Key_ID =  AKIA  \n', 'default')).toEqual({
      aws_access_key_id: 'AKIA',
    });
    expect(d.sections[1].options[0]).toMatchObject({ name: 'region', value: 'eu-west-1', line: 4 });
  });

  it('splits at the first = or :', () => {
    expect(values('[a]\nk: c=d:e\nx = y:z\n', 'a')).toEqual({ k: 'c=d:e', x: 'y:z' });
  });

  it('keeps inline comments, quotes and % literally', () => {
    const d = doc('[a]\nk = v # c\nq = "v"\np = %(x)s\n');
    expect(d.sections[0].options.map((o) => o.value)).toEqual(['v # c', '"v"', '%(x)s']);
    expect(d.sections[0].options.map((o) => [o.inlineComment, o.quoted])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
  });

  it('does not flag near misses of inline comments and quotes', () => {
    const d = doc('[a]\nk = v#c\nu = http://x/#frag\nq = "v\nr = "v\'\n');
    expect(d.sections[0].options.every((o) => !o.inlineComment && !o.quoted)).toBe(true);
  });

  it('folds deeper-indented lines into the value, keeps blank lines inside, skips comments', () => {
    const d = doc('[a]\nk = one\n  two\n\n  # comment\n  three\n\nnext = 1\n');
    const k = d.sections[0].options[0];
    expect(k).toMatchObject({ value: 'one\ntwo\n\nthree', continued: true });
    expect(d.sections[0].options[1]).toMatchObject({ name: 'next', continued: false });
  });

  it('reads an indented header as a header when no option precedes it', () => {
    expect(doc('  [default]\nk = v\n').sections[0].name).toBe('default');
    // ...but as a continuation when one does.
    expect(values('[a]\nk = v\n  [b]\n', 'a')).toEqual({ k: 'v\n[b]' });
  });

  it('keeps header names as written and ignores text after the last ]', () => {
    expect(doc('[ default ] junk\n').sections[0].name).toBe(' default ');
    expect(doc('[a]b]\n').sections[0].name).toBe('a]b');
    expect(doc('[x.y]\n').sections[0].name).toBe('x.y');
  });

  it('applies [DEFAULT] to every section and lists it as no section', () => {
    const d = doc('[DEFAULT]\nregion = eu\nk = base\n[a]\nk = own\n');
    expect(d.sections.map((s) => s.name)).toEqual(['a']);
    expect(d.hasDefaultHeader).toBe(true);
    expect(values('[DEFAULT]\nregion = eu\nk = base\n[a]\nk = own\n', 'a')).toEqual({
      k: 'own',
      region: 'eu',
    });
    expect(effectiveOptions(d, 'DEFAULT')).toBeNull();
  });

  it('parses nested blocks as botocore does', () => {
    const d = doc('[a]\ns3 =\n  addressing_style = path\n\n  signature_version=s3v4\n');
    expect(d.sections[0].options[0].nested).toEqual([
      ['addressing_style', 'path'],
      ['signature_version', 's3v4'],
    ]);
    expect(doc('[a]\nk = v\n  x\n').sections[0].options[0].nested).toBeNull();
  });

  it('reads CRLF and lone CR line endings', () => {
    expect(values('[a]\r\nk = v\r\n', 'a')).toEqual({ k: 'v' });
    expect(values('[a]\rk = v\r  more\r', 'a')).toEqual({ k: 'v\nmore' });
  });

  it('parses empty, whitespace-only and comment-only input to no section', () => {
    for (const t of ['', ' \n\t\n', '# c\n; c\n']) expect(doc(t).sections).toEqual([]);
  });

  it("strips Python's whitespace, not JavaScript's", () => {
    expect(pyStrip('\x1c\x85 v \u00a0')).toBe('v');
    expect(pyStrip('\ufeffv')).toBe('\ufeffv');
  });
});

describe('configparser: errors', () => {
  const cases: Array<[string, string | Uint8Array, string, number]> = [
    ['a BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...enc('[default]\n')]), 'bom', 1],
    ['non-UTF-8', Uint8Array.from([...enc('[a]\nk = v\n'), 0xe9, 0x0a]), 'not_utf8', 3],
    ['an option before any header', '# c\nk = v\n[a]\n', 'missing_section_header', 2],
    ['a duplicate section', '[a]\n[b]\n[a]\n', 'duplicate_section', 3],
    ['a duplicate option, any case', '[a]\nk = 1\nK = 2\n', 'duplicate_option', 3],
    ['a duplicate option across [DEFAULT] blocks', '[DEFAULT]\nk=1\n[DEFAULT]\nk=2\n', 'duplicate_option', 4],
    ['a line without separator', '[a]\nk = v\njunk\n', 'parsing', 3],
    ['an empty option name', '[a]\n= v\n', 'parsing', 2],
    ['a nested line without =', '[a]\ns3 =\n  a = 1\n  bad\n', 'nested', 4],
    ['a nested line with : only', '[a]\ns3 =\n  a: 1\n', 'nested', 3],
    ['a broken nested [DEFAULT] inherited', '[DEFAULT]\ns3 =\n  bad\n[x]\n', 'nested', 3],
  ];
  it.each(cases)('rejects %s', (_name, input, kind, line) => {
    const bytes = typeof input === 'string' ? enc(input) : input;
    expect(errorOf(parseIniBytes(bytes))).toMatchObject({ kind, line });
  });

  it('accepts the near misses', () => {
    for (const t of [
      '[DEFAULT]\n[DEFAULT]\n',
      '[a]\nk=1\n[b]\nk=2\n',
      '[a]\ns3 =\n  a = 1\n',
      '[DEFAULT]\ns3 =\n  bad\n',
      '[a]\n\ufeffk = v\n',
    ]) {
      expect(parseIniBytes(enc(t)).ok).toBe(true);
    }
  });

  it('raises a duplicate before a deferred parsing error, as configparser does', () => {
    expect(errorOf(parseIniText('[a]\njunk\n[a]\n'))).toMatchObject({ kind: 'duplicate_section', line: 3 });
    expect(errorOf(parseIniText('[a]\njunk\nother junk\n'))).toMatchObject({ kind: 'parsing', line: 2 });
  });
});

describe('configparser: robustness', () => {
  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        parseIniBytes(b);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary unicode text', () => {
    fc.assert(
      fc.property(fc.fullUnicodeString({ maxLength: 300 }), (s) => {
        parseIniText(s);
      }),
      { numRuns: 500 },
    );
  });

  it('parses 1 MiB quickly', () => {
    const profile =
      '[p{i}]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG\n';
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 1 << 20; i++) {
      const p = profile.replace('{i}', String(i));
      parts.push(p);
      size += p.length;
    }
    const bytes = enc(parts.join(''));
    // Its speed is measured by npm run bench.
    expect(parseIniBytes(bytes).ok).toBe(true);
  });

  it('stays linear with many sections and [DEFAULT] options', () => {
    const defaults = Array.from({ length: 20000 }, (_, i) => `k${i} = v\n`).join('');
    const text = `[DEFAULT]\n${defaults}` + Array.from({ length: 20000 }, (_, i) => `[s${i}]\n`).join('');
    expect(parseIniText(text).ok).toBe(true);
  });
});
