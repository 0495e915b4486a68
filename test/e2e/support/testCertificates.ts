/** Self-signed certificates made with openssl for the TLS and token scenarios. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface TestCertificate {
  readonly certPath: string;
  readonly keyPath: string;
  readonly certPem: string;
  readonly keyPem: string;
  /** DER of the certificate, base64 (a JWT's x5c entry). */
  readonly derBase64: string;
}

export function makeSelfSigned(
  dir: string,
  name: string,
  commonName: string,
  altNames: string[] = [],
): TestCertificate {
  const certPath = path.join(dir, `${name}.crt`);
  const keyPath = path.join(dir, `${name}.key`);
  const args = [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-keyout',
    keyPath,
    '-out',
    certPath,
  ];
  args.push('-subj', `/CN=${commonName}`);
  if (altNames.length > 0) args.push('-addext', `subjectAltName=${altNames.join(',')}`);
  const made = spawnSync('openssl', args, { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
  const certPem = readFileSync(certPath, 'utf8');
  const derBase64 = certPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return { certPath, keyPath, certPem, keyPem: readFileSync(keyPath, 'utf8'), derBase64 };
}
