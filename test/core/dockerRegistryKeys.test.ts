import fc from 'fast-check';
import {
  convertToHostname,
  displayHost,
  HUB_AUTH_KEY,
  isDockerHubKey,
  isLegacyRegistryKey,
  matchAuthEntry,
  registryKeyForDomain,
} from '../../src/core/dockerRegistryKeys';

// Expected values were produced by running docker/cli's ConvertToHostname (findings.md snapshot) under
// Go 1.26 with the go 1.25 module defaults docker/cli builds with.
const CONVERT_CASES: ReadonlyArray<readonly [string, string]> = [
  // docker/cli's own examples
  ['127.0.0.1', '127.0.0.1'],
  ['::1', '::1'],
  ['[::1]', '[::1]'],
  ['example.com', 'example.com'],
  ['http://example.com', 'example.com'],
  ['https://example.com/', 'example.com'],
  ['https://example.com/v2/', 'example.com'],
  ['unix:///var/run/docker.sock', 'unix:'],
  ['ftp://example.com', 'example.com'],
  ['127.0.0.1:6556', '127.0.0.1:6556'],
  ['::1:6556', '::1:6556'],
  ['[::1]:6556', '[::1]:6556'],
  ['example.com:6555', 'example.com:6555'],
  ['https://127.0.0.1:6555/v2/', '127.0.0.1:6555'],
  ['https://::1:6555/v2/', '[::1]:6555'],
  ['https://[::1]:6555/v2/', '[::1]:6555'],
  ['https://example.com:6555/v2/', 'example.com:6555'],
  // user info, query, fragment
  ['https://user:pass@registry.example.com:5000/v2/', 'registry.example.com:5000'],
  ['https://user@quay.io', 'quay.io'],
  ['http://u:p@[::1]:5000/x', '[::1]:5000'],
  ['https://a@b@c.io/', 'c.io'],
  ['https://user:p%zz@host/', 'user:p%zz@host'],
  ['https://us er@host/', 'us er@host'],
  ['https://quay.io?x=1', 'quay.io'],
  ['https://quay.io#frag', 'quay.io'],
  ['https://host/?q=/a', 'host'],
  ['https://ho?st/', 'ho'],
  // parse errors fall back to the text between :// and the next /
  ['https://quay.io/%zz', 'quay.io'],
  ['https://quay.io#%zz', 'quay.io#%zz'],
  ['https://quay.io\t/', 'quay.io\t'],
  ['https://h o.io/', 'h o.io'],
  ['https://ex{am}ple.io/', 'ex{am}ple.io'],
  ['https://a[b]/', 'a[b]'],
  ['https://[::1/', '[::1'],
  // ports
  ['https://quay.io:/v2/', 'quay.io'],
  ['https://quay.io:abc/', 'quay.io:abc'],
  ['https://quay.io:5000:6000/', '[quay.io:5000]:6000'],
  ['https://u@a:1:2/', '[a:1]:2'],
  ['https://h:99999999999999/', 'h:99999999999999'],
  ['http://1.2.3.4:80/', '1.2.3.4:80'],
  // IPv6 and zones
  ['https://[::1]', '::1'],
  ['https://[::1]:/', '::1'],
  ['https://::1/', '[:]:1'],
  ['https://2001:db8::1:5000/', '[2001:db8::1]:5000'],
  ['https://[fe80::1%25en0]:5000/v2/', '[fe80::1%en0]:5000'],
  ['https://[fe80::1%en0]/', '[fe80::1%en0]'],
  ['https://[fe80::1%25%41]/', 'fe80::1%A'],
  ['https://[fe80::1%25%20]/', 'fe80::1% '],
  ['https://[fe80::1%25%0a]/', '[fe80::1%25%0a]'],
  ['https://[fe80::1%25%C3%A9]/', '[fe80::1%25%C3%A9]'],
  ['https://[::1%25]/', '[::1%25]'],
  ['https://[::ffff:10.0.0.1]:443/', '[::ffff:10.0.0.1]:443'],
  ['https://[::ffff:1.2.3.04]/', '[::ffff:1.2.3.04]'],
  ['https://[::1.2.3.4]/', '::1.2.3.4'],
  ['https://[10.0.0.1]/', '[10.0.0.1]'],
  ['https://[v1.fe80::1]/', '[v1.fe80::1]'],
  ['https://[1:2:3:4:5:6:7:8]/', '1:2:3:4:5:6:7:8'],
  ['https://[1:2:3:4:5:6:7:8:9]/', '[1:2:3:4:5:6:7:8:9]'],
  ['https://[1::2::3]/', '[1::2::3]'],
  ['https://[12345::]/', '[12345::]'],
  ['https://[::]:80/', '[::]:80'],
  // escapes and non-ASCII hosts
  ['https://host%41.io/', 'host%41.io'],
  ['https://h%C3%A9.io/', 'hé.io'],
  ['https://%25/', '%'],
  ['https://café.example.com/x', 'café.example.com'],
  ['https://\u00e9:5000', 'é:5000'],
  // schemes, case, odd shapes
  ['HTTPS://Quay.IO/v2/', 'Quay.IO'],
  ['oci://registry.example.com/ns', 'registry.example.com'],
  ['x-y+z.1://host:1/', 'host:1'],
  ['1http://host/', 'host'],
  ['://host/', 'host'],
  ['https://', 'https:'],
  ['https:///path', 'https:'],
  ['https:quay.io/', 'https:quay.io'],
  ['https://*/', '*'],
  ['https://host?', 'host'],
  // no scheme: everything from the first slash goes
  ['quay.io/org/repo', 'quay.io'],
  ['quay.io:443/org', 'quay.io:443'],
  ['[::1]:5000/v2/', '[::1]:5000'],
  ['café.example.com/x', 'café.example.com'],
  ['/leading/slash', ''],
  ['', ''],
  ['docker.io', 'docker.io'],
  [HUB_AUTH_KEY, 'index.docker.io'],
  ['https://index.docker.io/v2/', 'index.docker.io'],
  ['index.docker.io/v1/', 'index.docker.io'],
  ['https://registry-1.docker.io', 'registry-1.docker.io'],
];

describe('convertToHostname (docker/cli ConvertToHostname)', () => {
  test.each(CONVERT_CASES)('%j -> %j', (key, host) => {
    expect(convertToHostname(key)).toBe(host);
  });

  test('never throws and always returns a string', () => {
    fc.assert(
      fc.property(fc.fullUnicodeString(), (key) => {
        expect(typeof convertToHostname(key)).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  test('never throws on URL-shaped keys built from the characters that matter', () => {
    const piece = fc.constantFrom(
      'https://',
      '://',
      '[',
      ']',
      ':',
      '::1',
      '%25',
      '%',
      '%zz',
      '%C3%A9',
      '@',
      '/',
      '?',
      '#',
      'fe80::1',
      '1.2.3.4',
      'host',
      '5000',
      ' ',
      '\u0000',
      'é',
      '\ud800',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        expect(typeof convertToHostname(parts.join(''))).toBe('string');
      }),
      { numRuns: 3000 },
    );
  });

  test('without a scheme it is the text before the first slash, case kept', () => {
    fc.assert(
      fc.property(fc.string(), (key) => {
        fc.pre(!key.includes('://'));
        expect(convertToHostname(key)).toBe(key.split('/')[0]);
      }),
    );
  });

  test('the result never contains a slash', () => {
    fc.assert(
      fc.property(fc.string(), (key) => expect(convertToHostname(`https://${key}`)).not.toContain('/')),
    );
  });
});

describe('displayHost', () => {
  test('shows Docker Hub index names as docker.io, everything else as ConvertToHostname', () => {
    expect(displayHost(HUB_AUTH_KEY)).toBe('docker.io');
    expect(displayHost('index.docker.io')).toBe('docker.io');
    expect(displayHost('docker.io')).toBe('docker.io');
    expect(displayHost('https://registry-1.docker.io/v2/')).toBe('registry-1.docker.io');
    expect(displayHost('https://quay.io/v2/')).toBe('quay.io');
  });
});

describe('registryKeyForDomain (getAuthConfigKey)', () => {
  test('maps docker.io and index.docker.io to the Hub key, nothing else', () => {
    expect(registryKeyForDomain('docker.io')).toBe(HUB_AUTH_KEY);
    expect(registryKeyForDomain('index.docker.io')).toBe(HUB_AUTH_KEY);
    expect(registryKeyForDomain('registry-1.docker.io')).toBe('registry-1.docker.io');
    expect(registryKeyForDomain('Docker.io')).toBe('Docker.io');
    expect(registryKeyForDomain('registry.example.com:5000')).toBe('registry.example.com:5000');
  });
});

describe('matchAuthEntry (the file store Get)', () => {
  test('an exact key wins, even over legacy keys of the same host', () => {
    expect(matchAuthEntry(['https://quay.io/v2/', 'quay.io', 'quay.io/org'], 'quay.io')).toBe('quay.io');
  });

  test('a single legacy key is found through ConvertToHostname', () => {
    expect(matchAuthEntry(['https://registry.example.com:5000/v2/'], 'registry.example.com:5000')).toBe(
      'https://registry.example.com:5000/v2/',
    );
    expect(matchAuthEntry(['quay.io/myorg'], 'quay.io')).toBe('quay.io/myorg');
  });

  test('two legacy keys of one host and no exact key are ambiguous', () => {
    expect(matchAuthEntry(['https://quay.io', 'quay.io/org'], 'quay.io')).toBe('AMBIGUOUS');
  });

  test('no match is null; the comparison is case-sensitive', () => {
    expect(matchAuthEntry(['gcr.io'], 'quay.io')).toBeNull();
    expect(matchAuthEntry(['Quay.io'], 'quay.io')).toBeNull();
    expect(matchAuthEntry([], HUB_AUTH_KEY)).toBeNull();
  });

  test('the Hub key only matches exactly', () => {
    expect(matchAuthEntry([HUB_AUTH_KEY], HUB_AUTH_KEY)).toBe(HUB_AUTH_KEY);
    expect(matchAuthEntry(['docker.io', 'https://index.docker.io/v2/'], HUB_AUTH_KEY)).toBeNull();
  });

  test('never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 6 }), fc.string(), (keys, key) => {
        const r = matchAuthEntry(keys, key);
        expect(r === null || r === 'AMBIGUOUS' || keys.includes(r)).toBe(true);
      }),
    );
  });
});

describe('key classification', () => {
  test('legacy keys have a scheme or a path; the canonical Hub key is not legacy', () => {
    for (const key of [
      'https://registry.example.com/v2/',
      'http://legacy.example.org',
      'quay.io/myorg',
      'https://index.docker.io/v2/',
    ]) {
      expect(isLegacyRegistryKey(key)).toBe(true);
    }
    for (const key of [HUB_AUTH_KEY, 'quay.io', 'registry.example.com:5000', 'docker.io', '[::1]:5000']) {
      expect(isLegacyRegistryKey(key)).toBe(false);
    }
  });

  test('Docker Hub in any spelling, but not look-alikes', () => {
    for (const key of [
      'docker.io',
      'index.docker.io',
      'registry-1.docker.io',
      'https://index.docker.io/v2/',
      'https://INDEX.DOCKER.IO/v1/',
      'docker.io:443',
      'registry.hub.docker.com',
    ]) {
      expect(isDockerHubKey(key)).toBe(true);
    }
    for (const key of ['quay.io', 'mydocker.io', 'docker.io.example.com', 'docker.example.com']) {
      expect(isDockerHubKey(key)).toBe(false);
    }
  });
});
