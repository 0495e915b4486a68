/**
 * The parsing tables of distribution/reference v0.6.0 (normalize_test.go, reference_test.go, regexp_test.go),
 * ported as data, plus edge cases whose expected values were taken from running the Go library itself.
 */
import {
  formatReference,
  isRegistryDomain,
  parseNormalizedNamed,
  parseReference,
  splitRepositoryName,
  type ParsedReference,
} from '../../src/core/imageReference';

const hex = (n: number, c = 'f'): string => c.repeat(n);
const SHA256_FF = `sha256:${hex(64)}`;

function ok(r: ParsedReference): Extract<ParsedReference, { ok: true }> {
  if (!r.ok) throw new Error(`expected a valid reference, got: ${r.reason}`);
  return r;
}

describe('normalize_test.go TestValidateReferenceName', () => {
  const valid = [
    'docker/docker',
    'library/debian',
    'debian',
    'localhost/library/debian',
    'localhost/debian',
    'LOCALDOMAIN/library/debian',
    'LOCALDOMAIN/debian',
    'docker.io/docker/docker',
    'docker.io/library/debian',
    'docker.io/debian',
    'index.docker.io/docker/docker',
    'index.docker.io/library/debian',
    'index.docker.io/debian',
    '127.0.0.1:5000/docker/docker',
    '127.0.0.1:5000/library/debian',
    '127.0.0.1:5000/debian',
    '192.168.0.1',
    '192.168.0.1:80',
    '192.168.0.1:8/debian',
    '192.168.0.2:25000/debian',
    'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
    '[fc00::1]:5000/docker',
    '[fc00::1]:5000/docker/docker',
    '[fc00:1:2:3:4:5:6:7]:5000/library/debian',
    'docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
    'Docker/docker',
    'DOCKER/docker',
  ];
  const invalid = [
    'https://github.com/docker/docker',
    'docker/Docker',
    '-docker',
    '-docker/docker',
    '-docker.io/docker/docker',
    'docker///docker',
    'docker.io/docker/Docker',
    'docker.io/docker///docker',
    '[fc00::1]',
    '[fc00::1]:5000',
    'fc00::1:5000/debian',
    '[fe80::1%eth0]:5000/debian',
    '[2001:db8:3:4::192.0.2.33]:5000/debian',
    '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
  ];
  test.each(valid)('valid: %s', (name) => expect(parseNormalizedNamed(name).ok).toBe(true));
  test.each(invalid)('invalid: %s', (name) => expect(parseNormalizedNamed(name).ok).toBe(false));
});

describe('normalize_test.go TestValidateRemoteName', () => {
  const valid = [
    'docker/docker',
    'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
    'docker-rules/docker',
    'docker---rules/docker',
    'doc/docker',
    'd/docker',
    'jess/t',
    'dock__er/docker',
  ];
  const invalid = [
    'docker/Docker',
    'docker///docker',
    '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
    '-docker/docker',
    'docker-/docker',
    '-docker-/docker',
    '____/____',
    '_docker/_docker',
    'dock..er/docker',
    'dock_.er/docker',
    'dock-.er/docker',
    'docker/',
    'this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255/docker',
  ];
  test.each(valid)('valid: %s', (name) => expect(parseNormalizedNamed(name).ok).toBe(true));
  test.each(invalid)('invalid: %s', (name) => expect(parseNormalizedNamed(name).ok).toBe(false));
});

describe('normalize_test.go TestParseRepositoryInfo', () => {
  // [remote name (path), full name, domain, the references that normalise to it]
  const cases: Array<[string, string, string, string[]]> = [
    ['fooo', 'localhost/fooo', 'localhost', ['localhost/fooo']],
    ['fooo/bar', 'localhost/fooo/bar', 'localhost', ['localhost/fooo/bar']],
    ['fooo', 'LOCALDOMAIN/fooo', 'LOCALDOMAIN', ['LOCALDOMAIN/fooo']],
    ['fooo/bar', 'LOCALDOMAIN/fooo/bar', 'LOCALDOMAIN', ['LOCALDOMAIN/fooo/bar']],
    ['fooo/bar', 'docker.io/fooo/bar', 'docker.io', ['fooo/bar', 'index.docker.io/fooo/bar']],
    ['library/ubuntu', 'docker.io/library/ubuntu', 'docker.io', ['ubuntu', 'library/ubuntu']],
    ['nonlibrary/ubuntu', 'docker.io/nonlibrary/ubuntu', 'docker.io', ['nonlibrary/ubuntu']],
    ['other/library', 'docker.io/other/library', 'docker.io', ['other/library']],
    [
      'private/moonbase',
      '127.0.0.1:8000/private/moonbase',
      '127.0.0.1:8000',
      ['127.0.0.1:8000/private/moonbase'],
    ],
    ['privatebase', '127.0.0.1:8000/privatebase', '127.0.0.1:8000', ['127.0.0.1:8000/privatebase']],
    ['private/moonbase', 'example.com/private/moonbase', 'example.com', ['example.com/private/moonbase']],
    ['privatebase', 'example.com/privatebase', 'example.com', ['example.com/privatebase']],
    [
      'private/moonbase',
      'example.com:8000/private/moonbase',
      'example.com:8000',
      ['example.com:8000/private/moonbase'],
    ],
    ['privatebasee', 'example.com:8000/privatebasee', 'example.com:8000', ['example.com:8000/privatebasee']],
    [
      'library/ubuntu-12.04-base',
      'docker.io/library/ubuntu-12.04-base',
      'docker.io',
      ['ubuntu-12.04-base', 'index.docker.io/library/ubuntu-12.04-base'],
    ],
    ['library/foo', 'docker.io/library/foo', 'docker.io', ['foo', 'docker.io/foo']],
    ['library/foo/bar', 'docker.io/library/foo/bar', 'docker.io', ['library/foo/bar']],
    ['store/foo/bar', 'docker.io/store/foo/bar', 'docker.io', ['store/foo/bar']],
    ['bar', 'Foo/bar', 'Foo', ['Foo/bar']],
    ['bar', 'FOO/bar', 'FOO', ['FOO/bar']],
  ];
  const rows = cases.flatMap(([path, full, domain, refs]) =>
    [...new Set([full, ...refs])].map((ref) => [ref, domain, path, full] as const),
  );
  test.each(rows)('%s -> %s / %s', (ref, domain, path, full) => {
    const r = ok(parseNormalizedNamed(ref));
    expect([r.domain, r.path, formatReference(r)]).toEqual([domain, path, full]);
  });
});

describe('normalize_test.go tag and digest, ParseAnyReference, ParseDockerRef', () => {
  test('TestParseReferenceWithTagAndDigest', () => {
    const short = 'busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa';
    expect(formatReference(ok(parseNormalizedNamed(short)))).toBe(`docker.io/library/${short}`);
  });
  test('TestInvalidReferenceComponents', () => expect(parseNormalizedNamed('-foo').ok).toBe(false));

  const redis = 'sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c';
  test.each([
    ['redis', 'docker.io/library/redis'],
    ['redis:latest', 'docker.io/library/redis:latest'],
    ['docker.io/library/redis:latest', 'docker.io/library/redis:latest'],
    [`redis@${redis}`, `docker.io/library/redis@${redis}`],
    [`docker.io/library/redis@${redis}`, `docker.io/library/redis@${redis}`],
    ['dmcgowan/myapp', 'docker.io/dmcgowan/myapp'],
    ['dmcgowan/myapp:latest', 'docker.io/dmcgowan/myapp:latest'],
    ['docker.io/mcgowan/myapp:latest', 'docker.io/mcgowan/myapp:latest'],
    [`dmcgowan/myapp@${redis}`, `docker.io/dmcgowan/myapp@${redis}`],
    [`docker.io/dmcgowan/myapp@${redis}`, `docker.io/dmcgowan/myapp@${redis}`],
    [
      'dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9',
      'docker.io/library/dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9',
    ],
    ['dbcc1', 'docker.io/library/dbcc1'],
  ])('TestParseAnyReference %s', (ref, full) =>
    expect(formatReference(ok(parseNormalizedNamed(ref)))).toBe(full),
  );

  test('ParseAnyReference takes a bare 64-hex id as a digest; ParseNormalizedNamed refuses it', () => {
    expect(parseNormalizedNamed(redis.slice(7)).ok).toBe(false);
  });

  test.each([
    ['test.com/foo', 'test.com', 'foo'],
    ['test_com/foo', 'docker.io', 'test_com/foo'],
    ['docker/migrator', 'docker.io', 'docker/migrator'],
    ['test.com:8080/foo', 'test.com:8080', 'foo'],
    ['test-com:8080/foo', 'test-com:8080', 'foo'],
    ['foo', 'docker.io', 'library/foo'],
    ['xn--n3h.com/foo', 'xn--n3h.com', 'foo'],
    ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080', 'foo'],
    ['docker.io/foo', 'docker.io', 'library/foo'],
    ['docker.io/library/foo', 'docker.io', 'library/foo'],
    ['docker.io/library/foo/bar', 'docker.io', 'library/foo/bar'],
  ])('TestNormalizedSplitHostname %s', (input, domain, path) => {
    const r = ok(parseNormalizedNamed(input));
    expect([r.domain, r.path]).toEqual([domain, path]);
  });

  const busy = 'sha256:e6693c20186f837fc393390135d8a598a96a833917917789d63766cab6c59582';
  test.each([
    ['busybox', 'docker.io', 'library/busybox', null, null],
    ['busybox:latest', 'docker.io', 'library/busybox', 'latest', null],
    [`busybox@${busy}`, 'docker.io', 'library/busybox', null, busy],
    ['library/busybox', 'docker.io', 'library/busybox', null, null],
    ['docker.io/busybox', 'docker.io', 'library/busybox', null, null],
    ['docker.io/library/busybox', 'docker.io', 'library/busybox', null, null],
    ['docker.io/busybox:latest', 'docker.io', 'library/busybox', 'latest', null],
    ['library/busybox:latest', 'docker.io', 'library/busybox', 'latest', null],
    ['gcr.io/library/busybox', 'gcr.io', 'library/busybox', null, null],
    [`gcr.io/library/busybox:latest@${busy}`, 'gcr.io', 'library/busybox', 'latest', busy],
  ])('TestParseDockerRef inputs %s', (input, domain, path, tag, digest) => {
    expect(parseNormalizedNamed(input)).toEqual({ ok: true, domain, path, tag, digest });
  });
});

describe('reference_test.go TestReferenceParse (reference.Parse, no normalisation)', () => {
  // [input, valid?, name (domain/path), domain, tag, digest]
  type Row = [string, boolean, string?, string?, string?, string?];
  const rows: Row[] = [
    ['test_com', true, 'test_com', ''],
    ['test.com:tag', true, 'test.com', '', 'tag'],
    ['test.com:5000', true, 'test.com', '', '5000'],
    ['test.com/repo:tag', true, 'test.com/repo', 'test.com', 'tag'],
    ['test:5000/repo', true, 'test:5000/repo', 'test:5000'],
    ['test:5000/repo:tag', true, 'test:5000/repo', 'test:5000', 'tag'],
    [`test:5000/repo@${SHA256_FF}`, true, 'test:5000/repo', 'test:5000', undefined, SHA256_FF],
    [`test:5000/repo:tag@${SHA256_FF}`, true, 'test:5000/repo', 'test:5000', 'tag', SHA256_FF],
    ['', false],
    [':justtag', false],
    [`@${SHA256_FF}`, false],
    [`repo@sha256:${hex(34)}`, false],
    [`validname@invaliddigest:${hex(64)}`, false],
    ['Uppercase:tag', false],
    ['test:5000/Uppercase/lowercase:tag', false],
    ['lowercase:Uppercase', true, 'lowercase', '', 'Uppercase'],
    [`domain/${hex(256, 'a')}:tag`, false],
    [
      `${'a/'.repeat(127)}a:tag-puts-this-over-max`,
      true,
      `${'a/'.repeat(127)}a`,
      'a',
      'tag-puts-this-over-max',
    ],
    ['aa/asdf$$^/aa', false],
    ['sub-dom1.foo.com/bar/baz/quux', true, 'sub-dom1.foo.com/bar/baz/quux', 'sub-dom1.foo.com'],
    [
      'sub-dom1.foo.com/bar/baz/quux:some-long-tag',
      true,
      'sub-dom1.foo.com/bar/baz/quux',
      'sub-dom1.foo.com',
      'some-long-tag',
    ],
    [
      'b.gcr.io/test.example.com/my-app:test.example.com',
      true,
      'b.gcr.io/test.example.com/my-app',
      'b.gcr.io',
      'test.example.com',
    ],
    ['xn--n3h.com/myimage:xn--n3h.com', true, 'xn--n3h.com/myimage', 'xn--n3h.com', 'xn--n3h.com'],
    [
      `xn--7o8h.com/myimage:xn--7o8h.com@sha512:${hex(128)}`,
      true,
      'xn--7o8h.com/myimage',
      'xn--7o8h.com',
      'xn--7o8h.com',
      `sha512:${hex(128)}`,
    ],
    ['foo_bar.com:8080', true, 'foo_bar.com', '', '8080'],
    ['foo/foo_bar.com:8080', true, 'foo/foo_bar.com', 'foo', '8080'],
    ['192.168.1.1', true, '192.168.1.1', ''],
    ['192.168.1.1:tag', true, '192.168.1.1', '', 'tag'],
    ['192.168.1.1:5000', true, '192.168.1.1', '', '5000'],
    ['192.168.1.1/repo', true, '192.168.1.1/repo', '192.168.1.1'],
    ['192.168.1.1:5000/repo', true, '192.168.1.1:5000/repo', '192.168.1.1:5000'],
    ['192.168.1.1:5000/repo:5050', true, '192.168.1.1:5000/repo', '192.168.1.1:5000', '5050'],
    ['[2001:db8::1]', false],
    ['[2001:db8::1]:5000', false],
    ['[2001:db8::1]:tag', false],
    ['[2001:db8::1]/repo', true, '[2001:db8::1]/repo', '[2001:db8::1]'],
    ['[2001:db8:1:2:3:4:5:6]/repo:tag', true, '[2001:db8:1:2:3:4:5:6]/repo', '[2001:db8:1:2:3:4:5:6]', 'tag'],
    ['[2001:db8::1]:5000/repo', true, '[2001:db8::1]:5000/repo', '[2001:db8::1]:5000'],
    ['[2001:db8::1]:5000/repo:tag', true, '[2001:db8::1]:5000/repo', '[2001:db8::1]:5000', 'tag'],
    [
      `[2001:db8::1]:5000/repo@${SHA256_FF}`,
      true,
      '[2001:db8::1]:5000/repo',
      '[2001:db8::1]:5000',
      undefined,
      SHA256_FF,
    ],
    [
      `[2001:db8::1]:5000/repo:tag@${SHA256_FF}`,
      true,
      '[2001:db8::1]:5000/repo',
      '[2001:db8::1]:5000',
      'tag',
      SHA256_FF,
    ],
    ['[2001:db8::]:5000/repo', true, '[2001:db8::]:5000/repo', '[2001:db8::]:5000'],
    ['[::1]:5000/repo', true, '[::1]:5000/repo', '[::1]:5000'],
    ['[fe80::1%eth0]:5000/repo', false],
    ['[fe80::1%@invalidzone]:5000/repo', false],
    [`example.com/${hex(255, 'a')}:tag`, true, `example.com/${hex(255, 'a')}`, 'example.com', 'tag'],
    // TestSerialization
    ['example.com:8000/named', true, 'example.com:8000/named', 'example.com:8000'],
    ['example.com:8000/named:tagged', true, 'example.com:8000/named', 'example.com:8000', 'tagged'],
    [
      'other.com/named@sha256:1234567890098765432112345667890098765432112345667890098765432112',
      true,
      'other.com/named',
      'other.com',
      undefined,
      'sha256:1234567890098765432112345667890098765432112345667890098765432112',
    ],
  ];
  test.each(rows.map((row) => ({ row, input: row[0] })))('$input', ({ row }) => {
    const [input, valid, name, domain, tag, digest] = row;
    const r = parseReference(input);
    expect(r.ok).toBe(valid);
    if (!r.ok) return;
    expect(formatReference(r)).toBe(input);
    expect(r.domain === '' ? r.path : `${r.domain}/${r.path}`).toBe(name);
    expect([r.domain, r.tag, r.digest]).toEqual([domain, tag ?? null, digest ?? null]);
  });
});

describe('reference_test.go TestWithNameFailure and TestDomainAndPath (the name part alone)', () => {
  test.each(['', ':justtag', `@${SHA256_FF}`, 'example.com/repo:tag', 'aa/asdf$$^/aa'])(
    'not a name: %s',
    (name) => expect(splitRepositoryName(name)).toBeNull(),
  );
  test.each([
    ['test.com/foo', 'test.com', 'foo'],
    ['test_com/foo', '', 'test_com/foo'],
    ['test:8080/foo', 'test:8080', 'foo'],
    ['test.com:8080/foo', 'test.com:8080', 'foo'],
    ['test-com:8080/foo', 'test-com:8080', 'foo'],
    ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080', 'foo'],
  ])('%s', (name, domain, path) => expect(splitRepositoryName(name)).toEqual({ domain, path }));
});

describe('regexp_test.go TestDomainRegexp', () => {
  test.each([
    ['test.com', true],
    ['test.com:10304', true],
    ['test.com:http', false],
    ['localhost', true],
    ['localhost:8080', true],
    ['a', true],
    ['a.b', true],
    ['ab.cd.com', true],
    ['a-b.com', true],
    ['-ab.com', false],
    ['ab-.com', false],
    ['ab.c-om', true],
    ['ab.-com', false],
    ['ab.com-', false],
    ['0101.com', true],
    ['001a.com', true],
    ['b.gbc.io:443', true],
    ['b.gbc.io', true],
    ['xn--n3h.com', true],
    ['Asdf.com', true],
    ['192.168.1.1:75050', true],
    ['192.168.1.1:750050', true],
    ['[fd00:1:2::3]:75050', true],
    ['[fd00:1:2::3]75050', false],
    ['[fd00:1:2::3]::75050', false],
    ['[fd00:1:2::3%eth0]:75050', false],
    ['[fd00123123123]:75050', true],
    ['[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:75050', true],
    ['[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:750505', true],
    ['fd00:1:2::3:75050', false],
  ] as const)('%s', (input, match) => expect(isRegistryDomain(input)).toBe(match));
});

describe('regexp_test.go TestFullNameRegexp', () => {
  // [input, domain, path] where it matches; [input] where it does not.
  const rows: Array<[string, string?, string?]> = [
    [''],
    ['short', '', 'short'],
    ['simple/name', 'simple', 'name'],
    ['library/ubuntu', 'library', 'ubuntu'],
    ['docker/stevvooe/app', 'docker', 'stevvooe/app'],
    ['aa/aa/aa/aa/aa/aa/aa/aa/aa/bb/bb/bb/bb/bb/bb', 'aa', 'aa/aa/aa/aa/aa/aa/aa/aa/bb/bb/bb/bb/bb/bb'],
    ['aa/aa/bb/bb/bb', 'aa', 'aa/bb/bb/bb'],
    ['a/a/a/a', 'a', 'a/a/a'],
    ['a/a/a/a/'],
    ['a//a/a'],
    ['a', '', 'a'],
    ['a/aa', 'a', 'aa'],
    ['a/aa/a', 'a', 'aa/a'],
    ['foo.com', '', 'foo.com'],
    ['foo.com/'],
    ['foo.com:8080/bar', 'foo.com:8080', 'bar'],
    ['foo.com:http/bar'],
    ['foo.com/bar', 'foo.com', 'bar'],
    ['foo.com/bar/baz', 'foo.com', 'bar/baz'],
    ['localhost:8080/bar', 'localhost:8080', 'bar'],
    ['sub-dom1.foo.com/bar/baz/quux', 'sub-dom1.foo.com', 'bar/baz/quux'],
    ['blog.foo.com/bar/baz', 'blog.foo.com', 'bar/baz'],
    ['a^a'],
    ['aa/asdf$$^/aa'],
    ['asdf$$^/aa'],
    ['aa-a/a', 'aa-a', 'a'],
    [`${'a/'.repeat(128)}a`, 'a', `${'a/'.repeat(127)}a`],
    ['a-/a/a/a'],
    ['foo.com/a-/a/a'],
    ['-foo/bar'],
    ['foo/bar-'],
    ['foo-/bar'],
    ['foo/-bar'],
    ['_foo/bar'],
    ['foo_bar', '', 'foo_bar'],
    ['foo_bar.com', '', 'foo_bar.com'],
    ['foo_bar.com:8080'],
    ['foo_bar.com:8080/app'],
    ['foo.com/foo_bar', 'foo.com', 'foo_bar'],
    ['____/____'],
    ['_docker/_docker'],
    ['docker_/docker_'],
    ['b.gcr.io/test.example.com/my-app', 'b.gcr.io', 'test.example.com/my-app'],
    ['xn--n3h.com/myimage', 'xn--n3h.com', 'myimage'],
    ['xn--7o8h.com/myimage', 'xn--7o8h.com', 'myimage'],
    ['example.com/xn--7o8h.com/myimage', 'example.com', 'xn--7o8h.com/myimage'],
    ['example.com/some_separator__underscore/myimage', 'example.com', 'some_separator__underscore/myimage'],
    ['example.com/__underscore/myimage'],
    ['example.com/..dots/myimage'],
    ['example.com/.dots/myimage'],
    ['example.com/nodouble..dots/myimage'],
    ['docker./docker'],
    ['.docker/docker'],
    ['docker-/docker'],
    ['-docker/docker'],
    ['do..cker/docker'],
    ['do__cker:8080/docker'],
    ['do__cker/docker', '', 'do__cker/docker'],
    [
      'registry.io/foo/project--id.module--name.ver---sion--name',
      'registry.io',
      'foo/project--id.module--name.ver---sion--name',
    ],
    ['Asdf.com/foo/bar', 'Asdf.com', 'foo/bar'],
    ['Foo/FarB'],
  ];
  test.each(rows.map((row) => ({ row, input: row[0] })))('$input', ({ row: [input, domain, path] }) =>
    expect(splitRepositoryName(input)).toEqual(domain === undefined ? null : { domain, path }),
  );
});

describe('regexp_test.go TestReferenceRegexp (through reference.Parse)', () => {
  const dg = 'sha256:be178c0543eb17f5f3043021c9e5fcf30285e557a4fc309cce97ff9ca6182912';
  test.each([
    ['registry.com:8080/myapp:tag', 'registry.com:8080', 'myapp', 'tag', null],
    [`registry.com:8080/myapp@${dg}`, 'registry.com:8080', 'myapp', null, dg],
    [`registry.com:8080/myapp:tag2@${dg}`, 'registry.com:8080', 'myapp', 'tag2', dg],
    [`localhost:8080@${dg}`, '', 'localhost', '8080', dg],
    [`localhost:8080/name@${dg}`, 'localhost:8080', 'name', null, dg],
    [`localhost@${dg}`, '', 'localhost', null, dg],
  ])('%s', (input, domain, path, tag, digest) =>
    expect(parseReference(input)).toEqual({ ok: true, domain, path, tag, digest }),
  );
  test.each([
    'registry.com:8080/myapp@sha256:badbadbadbad',
    'registry.com:8080/myapp:invalid~tag',
    'bad_hostname.com:8080/myapp:tag',
    `localhost:http/name@${dg}`,
    'registry.com:8080/myapp@bad',
    'registry.com:8080/myapp@2bad',
  ])('no match: %s', (input) => expect(parseReference(input).ok).toBe(false));
});

describe('regexp_test.go TestIdentifierRegexp (what ParseNormalizedNamed refuses)', () => {
  test('exactly 64 lower-case hex characters is an image ID', () => {
    const r = parseNormalizedNamed('da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf9821');
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('image ID') });
  });
  test.each([
    ['7EC43B381E5AEFE6E04EFB0B3F0693FF2A4A50652D64AEC573905F2DB5889A1C', false], // upper case: refused anyway
    ['da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf', true], // 60 characters: a name
    ['sha256:da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf9821', true], // library/sha256, tag
    ['da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf98218482', true], // 68 characters: a name
  ] as const)('%s', (input, valid) => expect(parseNormalizedNamed(input).ok).toBe(valid));
});

describe('edge cases checked against the Go library (v0.6.0 + go-digest v1.0.0)', () => {
  type Expected = [string, string, string | null, string | null] | null;
  const rows: Array<[string, Expected]> = [
    ['myuser/model:tag', ['docker.io', 'myuser/model', 'tag', null]],
    ['registry.example.com:5000/ns/model', ['registry.example.com:5000', 'ns/model', null, null]],
    ['gcr.io/p/m', ['gcr.io', 'p/m', null, null]],
    // A first component with a "." that is no valid host is a path component after all: no domain.
    ['a_b.c/foo', ['', 'a_b.c/foo', null, null]],
    ['foo_bar.com/app', ['', 'foo_bar.com/app', null, null]],
    ['registry-1.docker.io/foo', ['registry-1.docker.io', 'foo', null, null]],
    ['index.docker.io/foo', ['docker.io', 'library/foo', null, null]],
    ['INDEX.DOCKER.IO/foo', ['INDEX.DOCKER.IO', 'foo', null, null]],
    ['Index.docker.io/foo', ['Index.docker.io', 'foo', null, null]],
    ['[::1]:5000/repo', ['[::1]:5000', 'repo', null, null]],
    ['[::1]/repo', ['[::1]', 'repo', null, null]],
    ['[:]/c', ['[:]', 'c', null, null]],
    ['[]/c', null],
    ['[::1]:5000', null],
    ['[fe80::1%eth0]:5000/repo', null],
    ['[::ffff:1.2.3.4]:5000/r', null],
    [`localhost:5000/repo:tag@${SHA256_FF}`, ['localhost:5000', 'repo', 'tag', SHA256_FF]],
    ['localhost', ['docker.io', 'library/localhost', null, null]],
    ['localhost:5000', ['docker.io', 'library/localhost', '5000', null]],
    ['localhost/foo', ['localhost', 'foo', null, null]],
    ['LOCALHOST/foo', ['LOCALHOST', 'foo', null, null]],
    ['127.0.0.1/foo', ['127.0.0.1', 'foo', null, null]],
    ['1.2.3.4.5.6/c', ['1.2.3.4.5.6', 'c', null, null]],
    ['a.b:0/c', ['a.b:0', 'c', null, null]],
    ['a.b:99999999999/c', ['a.b:99999999999', 'c', null, null]],
    [`foo@sha384:${hex(96)}`, ['docker.io', 'library/foo', null, `sha384:${hex(96)}`]],
    [`foo@sha512:${hex(128)}`, ['docker.io', 'library/foo', null, `sha512:${hex(128)}`]],
    [`foo@sha256:${hex(63)}`, null],
    [`foo@sha256:${hex(65)}`, null],
    [`foo@sha256:${hex(64, 'F')}`, null],
    [`foo@sha512:${hex(64)}`, null],
    [`foo@md5:${hex(32)}`, null],
    [`foo@SHA256:${hex(64)}`, null],
    [`foo@sha256:${hex(64)}@x`, null],
    ['foo:tag@', null],
    [`foo:@${SHA256_FF}`, null],
    [`sha256:${hex(64)}`, ['docker.io', 'library/sha256', hex(64), null]],
    // The path is at most 255 characters, "library/" included.
    [hex(247, 'a'), ['docker.io', `library/${hex(247, 'a')}`, null, null]],
    [hex(248, 'a'), null],
    [`x/${hex(253, 'a')}`, ['docker.io', `x/${hex(253, 'a')}`, null, null]],
    [`x/${hex(254, 'a')}`, null],
    [`foo:${hex(128, 't')}`, ['docker.io', 'library/foo', hex(128, 't'), null]],
    [`foo:${hex(129, 't')}`, null],
    ['foo:_tag', ['docker.io', 'library/foo', '_tag', null]],
    ['foo:-tag', null],
    ['foo:.tag', null],
    ['FOO/bar', ['FOO', 'bar', null, null]],
    ['Foo', null],
    ['foo/Bar', null],
    ['a:b:c', null],
    ['foo@bar', null],
    ['', null],
    [' ', null],
    ['foo ', null],
    ['https://registry.example.com/foo', null],
    ['registry.example.com:http/foo', null],
    ['example.com:/foo', null],
    ['a..b.com/foo', null],
    ['-a.com/foo', null],
    ['a-.com/foo', null],
    ['foo/bar/', null],
    ['foo//bar', null],
    ['é/foo', null],
    ['_a/b', null],
    ['a/_b', null],
  ];
  test.each(rows)('%s', (input, expected) => {
    const r = parseNormalizedNamed(input);
    if (expected === null) {
      expect(r.ok).toBe(false);
    } else {
      const [domain, path, tag, digest] = expected;
      expect(r).toEqual({ ok: true, domain, path, tag, digest });
    }
  });
});

describe('reasons', () => {
  test.each([
    ['', 'it is empty'],
    ['Foo', 'the repository name must be lowercase'],
    ['foo/Bar:tag', 'the repository name must be lowercase'],
    ['test:5000/Uppercase/lowercase:tag', 'the repository name must be lowercase'],
    [hex(248, 'a'), 'the repository path is longer than 255 characters'],
    [`foo@md5:${hex(32)}`, 'unsupported digest algorithm (sha256, sha384 and sha512 are known)'],
    [`foo@sha256:${hex(63)}`, 'a sha256 digest has exactly 64 hex characters'],
    [`foo@sha256:${hex(64, 'F')}`, 'the digest must be lower-case hex'],
    ['foo@bar', 'the digest is not valid'],
    ['foo:-x', 'the tag is not valid (at most 128 letters, digits, _ . or -, not starting with . or -)'],
    [' foo', 'it contains whitespace or a control character'],
    ['https://registry.example.com/foo', 'it must not start with a scheme such as https://'],
    ['foo//bar', 'invalid reference format'],
  ])('%j', (input, reason) => expect(parseNormalizedNamed(input)).toEqual({ ok: false, reason }));

  test('a reason never repeats a long reference', () => {
    const long = `${'x'.repeat(5000)}/Y`;
    const r = parseNormalizedNamed(long);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeLessThan(120);
  });
});
