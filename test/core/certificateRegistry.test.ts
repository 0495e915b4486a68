import fc from 'fast-check';
import { registryForCertificate } from '../../src/core/certificateRegistry';

describe('registryForCertificate', () => {
  test("an image's private registry wins", () => {
    expect(registryForCertificate(['Acme Root CA'], ['other.example.com'], 'registry.acme.io:5000')).toBe(
      'registry.acme.io:5000',
    );
  });

  test('a CA (its name is a title, not a host): the config.json registry it names, with its port', () => {
    expect(
      registryForCertificate(
        ['Acme Root CA', 'registry.acme.io'],
        ['https://index.docker.io/v1/', 'registry.acme.io:5000'],
        null,
      ),
    ).toBe('registry.acme.io:5000');
  });

  test('a wildcard name matches one leftmost label, as TLS does', () => {
    expect(registryForCertificate(['*.acme.io'], ['harbor.acme.io'], null)).toBe('harbor.acme.io');
    expect(registryForCertificate(['*.acme.io'], ['a.b.acme.io'], null)).toBeNull();
    expect(registryForCertificate(['*.acme.io'], ['acme.io'], null)).toBeNull();
  });

  test('a URL key is matched by its host; an IPv6 literal by its address', () => {
    expect(registryForCertificate(['10.0.0.5'], ['https://10.0.0.5:5000/v2/'], null)).toBe('10.0.0.5:5000');
    expect(registryForCertificate(['::1'], ['[::1]:5000'], null)).toBe('[::1]:5000');
  });

  test('no registry named: the first name that is a host, never a CA title or a wildcard', () => {
    expect(registryForCertificate(['Acme Root CA', '*.acme.io', 'registry.acme.io'], [], null)).toBe(
      'registry.acme.io',
    );
    expect(registryForCertificate(['Acme Root CA'], ['docker.io'], null)).toBeNull();
    expect(registryForCertificate(['192.168.1.20'], [], null)).toBe('192.168.1.20');
  });

  test('whatever the names and keys, the answer is a key host, a certificate name, or null', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.array(fc.string()), (names, keys) => {
        const answer = registryForCertificate(names, keys, null);
        expect(
          answer === null ||
            names.includes(answer) ||
            keys.some((k) => k.startsWith(answer) || k.includes(answer)),
        ).toBe(true);
      }),
    );
  });
});
