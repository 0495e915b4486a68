import fc from 'fast-check';
import {
  foldFieldName,
  GO_STRING,
  goMap,
  goSlice,
  goStruct,
  lineColumn,
  MAX_NESTING,
  readJsonAsGo,
  structField,
  type GoJsonRead,
  type GoMapValue,
  type GoStructValue,
  type GoType,
} from '../../src/core/goJson';

const ANY = goStruct({}); // an object type with no fields: everything inside is skipped

function read(text: string, type: GoType = ANY): GoJsonRead {
  return readJsonAsGo(text, 0, type);
}

function ok(text: string, type: GoType = ANY) {
  const r = read(text, type);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${r.reason} at ${r.offset}`);
  return r;
}

describe('syntax: Python json.loads decides what is valid', () => {
  // Each was checked with Python 3.11's json.loads (valid, or "Extra data" after the value shown).
  test.each([
    ['{}', 2],
    ['[]', 2],
    ['{"a": [1, -0.5e3, true, false, null, "x"]}', 42],
    ['NaN', 3],
    ['-Infinity', 9],
    ['{"a": Infinity}', 15],
    ['1.', 1], // Python reads 1, then ".": extra data
    ['1e', 1],
    ['1.e5', 1],
    ['01', 1],
    ['nullx', 4],
    ['{} x', 2],
    ['"\\ud800"', 8],
    ['{"a":"\u007f"}', 9],
    ['-0', 2],
  ])('%j is a value ending at %d', (text, end) => {
    expect(ok(text).end).toBe(end);
  });

  test.each([
    ['', 0],
    ['{"a":1,}', 7],
    ['[1,]', 3],
    ['{"a":"\u001f"}', 6],
    ['tru', 0],
    ['-', 0],
    ['{a:1}', 1],
    ["{'a':1}", 1],
    ['{"a" 1}', 5],
    ['[1 2]', 3],
    ['"abc', 0],
    ['"\\x"', 1],
    ['"\\u12g4"', 1],
    ['.5', 0],
    ['+1', 0],
    ['\f{}', 0],
    ['{"a":01}', 6],
    ['[-Infinit]', 1],
  ])('%j is invalid at offset %d', (text, offset) => {
    const r = read(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.offset).toBe(offset);
  });

  test('NaN, Infinity and -Infinity are flagged: Go rejects them', () => {
    expect(ok('{"a": NaN}').hasNonFinite).toBe(true);
    expect(ok('[1, -Infinity]').hasNonFinite).toBe(true);
    expect(ok('{"a": "NaN"}').hasNonFinite).toBe(false);
    expect(ok('{} NaN').hasNonFinite).toBe(false); // after the value: not read
  });

  test('an integer over 4300 digits is refused (Python cannot convert it); a float of any length is not', () => {
    expect(read(`[${'1'.repeat(4300)}]`).ok).toBe(true);
    expect(read(`[${'1'.repeat(4301)}]`).ok).toBe(false);
    expect(read(`[-${'1'.repeat(4301)}]`).ok).toBe(false);
    expect(read(`[${'1'.repeat(5000)}.0]`).ok).toBe(true);
  });

  test(`nesting deeper than ${MAX_NESTING} levels is invalid and never overflows the stack`, () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(read(deep(MAX_NESTING)).ok).toBe(true);
    expect(read(deep(MAX_NESTING + 1)).ok).toBe(false);
    expect(read('{"a":' + deep(MAX_NESTING) + '}').ok).toBe(false);
    const huge = read('['.repeat(200000));
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.reason).toMatch(/nested/);
  });

  test('reasons name what was expected, never the input', () => {
    const secret = 'S3CR3T-canary';
    for (const text of [
      `{"${secret}" ${secret}}`,
      `["${secret}\u0001"]`,
      `{${secret}}`,
      `[${secret}]`,
      `"${secret}`,
    ]) {
      const r = read(text);
      expect(r.ok).toBe(false);
      expect(JSON.stringify(r)).not.toContain('S3CR3T');
    }
  });

  test('agrees with JSON.parse on every string without NaN/Infinity (same grammar)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.string({ unit: 'binary' })), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const start = text.search(/[^ \t\n\r]|$/);
        const r = readJsonAsGo(text, start, ANY);
        const whole = r.ok && text.slice(r.end).trim() === '' && !/[^ \t\n\r]/.test(text.slice(r.end));
        if (r.ok && r.hasNonFinite) return;
        if (valid) expect(whole).toBe(true);
        if (whole) expect(valid).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.fullUnicodeString(), fc.nat(5), (text, start) => {
        void readJsonAsGo(text, Math.min(start, text.length), goMap(goMap(GO_STRING)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('strings as Go holds them', () => {
  const S = goSlice(GO_STRING);
  const strings = (text: string) => ok(text, S).value as readonly string[];

  test('escapes are decoded; a surrogate pair joins; a lone surrogate becomes U+FFFD', () => {
    expect(strings('["a\\nb\\t\\"\\\\\\/\\b\\f\\r", "\\u00e9", "\\ud83d\\ude00"]')).toEqual([
      'a\nb\t"\\/\b\f\r',
      'é',
      '😀',
    ]);
    expect(strings('["\\ud800", "\\udc00x", "\\ud800\\u0041", "\\ud800\\ud800\\udc00"]')).toEqual([
      '\ufffd',
      '\ufffdx',
      '\ufffdA',
      '\ufffd\ud800\udc00',
    ]);
  });

  test('raw non-ASCII text is kept as is', () => {
    expect(strings('["café 😀"]')).toEqual(['café 😀']);
  });
});

describe("decoding into Go types (encoding/json's rules)", () => {
  const ENTRY = goStruct({ auth: GO_STRING, username: GO_STRING });
  const CONFIG = goStruct({ auths: goMap(ENTRY), credsStore: GO_STRING, tags: goSlice(GO_STRING) });

  function config(text: string) {
    const r = ok(text, CONFIG);
    return { r, value: r.value as GoStructValue };
  }
  function auths(value: GoStructValue): GoMapValue | null | undefined {
    return structField(value, 'auths') as GoMapValue | null | undefined;
  }
  function entry(value: GoStructValue, key: string) {
    const e = auths(value)?.entries.get(key) as GoStructValue | undefined;
    return (
      e && { auth: structField(e, 'auth'), username: structField(e, 'username'), caseFolded: e.caseFolded }
    );
  }

  test('field names match exactly first, then case-insensitively, and the spelling is recorded', () => {
    const { value } = config('{"Auths": {"r": {"AUTH": "x"}}, "CREDSSTORE": "desktop"}');
    expect(entry(value, 'r')?.auth).toBe('x');
    expect(structField(value, 'credsStore')).toBe('desktop');
    expect(value.caseFolded?.get('auths')).toBe('Auths');
    expect(entry(value, 'r')?.caseFolded?.get('auth')).toBe('AUTH');
    const exact = config('{"auths": {"r": {"auth": "x"}}}').value;
    expect(exact.caseFolded).toBeNull();
  });

  test('long s (U+017F) and the Kelvin sign (U+212A) fold to s and k as in Go', () => {
    expect(foldFieldName('auth\u017f')).toBe(foldFieldName('auths'));
    expect(foldFieldName('\u212aey')).toBe(foldFieldName('key'));
    expect(foldFieldName('autHS')).toBe('AUTHS');
    expect(foldFieldName('authß')).not.toBe(foldFieldName('authss'));
    const { value } = config('{"auth\u017f": {"r": {}}}');
    expect([...(auths(value)?.entries.keys() ?? [])]).toEqual(['r']);
  });

  test('map keys are exact: registry keys are not folded', () => {
    const { value } = config('{"auths": {"Quay.io": {}, "quay.io": {}}}');
    expect([...(auths(value)?.entries.keys() ?? [])]).toEqual(['Quay.io', 'quay.io']);
  });

  test('a second `auths` (any spelling) merges into the first; a repeated registry key replaces its entry whole', () => {
    const { value } = config(
      '{"auths": {"a": {"auth": "1", "username": "u"}, "b": {}}, "AUTHS": {"a": {"auth": "2"}, "c": {}}}',
    );
    expect([...(auths(value)?.entries.keys() ?? [])]).toEqual(['a', 'b', 'c']);
    expect(entry(value, 'a')).toMatchObject({ auth: '2', username: undefined });
  });

  test('later keys overwrite earlier ones within a struct', () => {
    const { value } = config(
      '{"auths": {"a": {"auth": "1", "Auth": "2"}}, "credsStore": "x", "credsstore": "y"}',
    );
    expect(entry(value, 'a')?.auth).toBe('2');
    expect(structField(value, 'credsStore')).toBe('y');
  });

  test('null sets a map or slice to nil and leaves a string or struct alone', () => {
    const { value, r } = config(
      '{"auths": {"a": {"auth": "1"}}, "credsStore": "x", "tags": ["t"], "auths": null, "credsStore": null, "tags": null}',
    );
    expect(auths(value)).toBeNull();
    expect(structField(value, 'credsStore')).toBe('x');
    expect(structField(value, 'tags')).toBeNull();
    expect(r.typeErrors).toEqual([]);
    const nullEntry = config('{"auths": {"a": null}}').value;
    expect(entry(nullEntry, 'a')).toEqual({ auth: undefined, username: undefined, caseFolded: null });
    expect(config('null').r.kind).toBe('null');
  });

  test('a value of the wrong JSON type is a type error with its path; decoding goes on', () => {
    const { value, r } = config(
      '{"auths": {"a": {"auth": 5, "username": "u"}, "b": "str", "c": {"auth": "ok"}}, "credsStore": ["x"], "tags": [1, "t"]}',
    );
    expect(r.typeErrors).toEqual([
      { path: ['auths', 'a', 'auth'], expected: 'string', found: 'number' },
      { path: ['auths', 'b'], expected: 'object', found: 'string' },
      { path: ['credsStore'], expected: 'string', found: 'array' },
      { path: ['tags', '0'], expected: 'string', found: 'number' },
    ]);
    expect(entry(value, 'a')?.username).toBe('u');
    expect(entry(value, 'c')?.auth).toBe('ok');
    expect(entry(value, 'b')?.auth).toBeUndefined(); // Go stores the zero entry
    expect(config('{"auths": [], "credsStore": true}').r.typeErrors.map((e) => e.found)).toEqual([
      'array',
      'bool',
    ]);
  });

  test('unknown fields are skipped without type checks, at any depth', () => {
    const { r } = config(
      `{"experimental": 5, "email": [1, {"x": NaN}], "deep": ${'['.repeat(50)}${']'.repeat(50)}}`,
    );
    expect(r.typeErrors).toEqual([]);
    expect(r.hasNonFinite).toBe(true);
  });

  test('the top-level kind is reported for every kind of value', () => {
    const kinds = ['{}', '[]', '"s"', '1', 'true', 'null', 'NaN', '-Infinity'].map((t) => ok(t, CONFIG).kind);
    expect(kinds).toEqual(['object', 'array', 'string', 'number', 'bool', 'null', 'nonfinite', 'nonfinite']);
  });

  test('decoding a map of strings agrees with JSON.parse (later keys win)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.string()),
        fc.array(fc.tuple(fc.string(), fc.string())),
        (dict, extra) => {
          const members = [...Object.entries(dict), ...extra].map(
            ([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`,
          );
          const text = `{${members.join(',')}}`;
          const r = ok(text, goMap(GO_STRING));
          const expected = new Map<string, string>();
          for (const [k, v] of [...Object.entries(dict), ...extra]) expected.set(k, v);
          expect([...(r.value as GoMapValue).entries].sort()).toEqual([...expected].sort());
        },
      ),
    );
  });
});

describe('lineColumn', () => {
  test('counts lines as Python reads text (\\n, \\r\\n, \\r) and columns in characters', () => {
    expect(lineColumn('abc', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('a\nbc', 3)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('a\r\nbc', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('a\rbc', 3)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('😀x', 2)).toEqual({ line: 1, column: 2 });
    expect(lineColumn('ab', 99)).toEqual({ line: 1, column: 3 });
  });
});
