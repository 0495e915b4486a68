import fc from 'fast-check';
import { formatReference, parseNormalizedNamed, parseReference } from '../../src/core/imageReference';

/** Go's regexp.go patterns, written out as JS regexps: an independent oracle, fine on short inputs. */
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|\\[(?:[a-fA-F0-9:]+)\\])`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const tag = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const namePat = `(?:${domainAndPort}/)?${remoteName}`;
const referenceRegexp = new RegExp(`^(${namePat})(?::(${tag}))?(?:@(${digestPat}))?$`);
const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);

/** Strings over the grammar's own alphabet, so that many of them are valid. */
const referenceLike = fc
  .array(
    fc.constantFrom(
      'a',
      'b',
      '0',
      '9',
      'A',
      '.',
      '_',
      '__',
      '-',
      '/',
      ':',
      '@',
      '[',
      ']',
      '::1',
      'f',
      'localhost',
      'docker.io',
      'index.docker.io',
      'example.com',
      ':5000',
      `sha256:${'e'.repeat(64)}`,
      `sha512:${'e'.repeat(128)}`,
      'sha384:',
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('parseNormalizedNamed properties', () => {
  test('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.fullUnicodeString(), referenceLike), (s) => {
        const r = parseNormalizedNamed(s);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });

  test('anything accepted re-parses to the same reference', () => {
    fc.assert(
      fc.property(referenceLike, (s) => {
        const r = parseNormalizedNamed(s);
        if (!r.ok) return;
        expect(parseNormalizedNamed(formatReference(r))).toEqual(r);
      }),
      { numRuns: 5000 },
    );
  });

  test('reference.Parse agrees with the Go regexps (grammar, captures, then length and digest)', () => {
    fc.assert(
      fc.property(referenceLike, (s) => {
        const r = parseReference(s);
        const m = referenceRegexp.exec(s);
        if (m === null) {
          expect(r.ok).toBe(false);
          return;
        }
        const n = anchoredNameRegexp.exec(m[1]);
        const domain = n?.[1] ?? '';
        const path = n?.[2] ?? m[1];
        const digest = m[3] ?? null;
        const digestOk =
          digest === null || /^(sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128})$/.test(digest);
        if (path.length > 255 || !digestOk) {
          expect(r.ok).toBe(false);
        } else {
          expect(r).toEqual({ ok: true, domain, path, tag: m[2] ?? null, digest });
        }
      }),
      { numRuns: 5000 },
    );
  });

  test('no catastrophic backtracking: 100 KB inputs parse in a few ms', () => {
    const n = 100 * 1024;
    const inputs = [
      'a'.repeat(n),
      `${'a'.repeat(n)}!`,
      'a/'.repeat(n / 2),
      `${'a-'.repeat(n / 2)}-!`,
      `${'a.'.repeat(n / 2)}/x`,
      `${'a-a.'.repeat(n / 4)}:5000/x`,
      `[${':'.repeat(n)}`,
      `x@${'a.'.repeat(n / 2)}`,
      `x@sha256:${'f'.repeat(n)}`,
      `x:${'t'.repeat(n)}`,
      `${'A'.repeat(n)}/b`,
      `a/${'a__'.repeat(n / 3)}`,
    ];
    for (const input of inputs) {
      // Speed is for `npm run bench`; here the long inputs must simply come back with an answer.
      expect(typeof parseNormalizedNamed(input).ok).toBe('boolean');
    }
  });
});
