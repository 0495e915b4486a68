/**
 * The Secret data we write is byte for byte what Debian's kubectl writes for the same inputs
 * (`kubectl create secret generic --from-file / --from-literal --dry-run=client -o yaml`, offline).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { buildSecret } from '../../../src/core/manifests/build';
import { FROM_ENV_VARIABLES } from '../../../src/core/s3Env';
import type { ManifestSource } from '../../../src/core/manifests/types';
import { makeTempHome, type TempHome } from '../../support/tempHome';

const options = { namespace: 'team-a', namePrefix: '', homeDir: '/home/kubeflow' };

function kubectlData(args: string[]): Record<string, string> {
  const result = spawnSync(
    'kubectl',
    [
      'create',
      'secret',
      'generic',
      'docker-secret',
      '--namespace',
      'team-a',
      ...args,
      '--dry-run=client',
      '-o',
      'yaml',
    ],
    {
      env: { PATH: process.env.PATH ?? '/usr/bin', KUBECONFIG: '/nonexistent', HOME: '/nonexistent' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (result.status !== 0) throw new Error(`kubectl failed: ${result.stderr}`);
  return parse(result.stdout).data ?? {};
}

describe('Secret data equals kubectl create secret generic', () => {
  let dir: TempHome;
  beforeAll(() => {
    dir = makeTempHome('kc-kubectl-');
  });
  afterAll(() => dir.remove());

  test('kubectl is installed (.ci/run installs Debian kubernetes-client when missing)', () => {
    expect(spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status).toBe(0);
  });

  test('--from-file: arbitrary bytes, CRLF, unicode, empty files', () => {
    let run = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.uint8Array({ maxLength: 400 }),
            fc
              .fullUnicodeString({ maxLength: 200 })
              .map((s) => new TextEncoder().encode(s.replace(/\n/g, '\r\n'))),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        (contents) => {
          run++;
          const keys = ['config.json', 'credentials', 'certificate.crt', 'extra.key'];
          const entries = contents.map((bytes, i) => ({ key: keys[i], bytes }));
          const args = entries.map((e) => {
            const file = path.join(dir.dir, `${run}-${e.key}`);
            writeFileSync(file, e.bytes);
            return `--from-file=${e.key}=${file}`;
          });
          const source: ManifestSource = { id: 'docker', origin: { kind: 'file', path: '/x' }, entries };
          expect(buildSecret(source, options).data).toEqual(kubectlData(args));
        },
      ),
      { numRuns: 25 },
    );
  });

  test('--from-literal: values with =, spaces, quotes, newlines, CRLF and unicode', () => {
    const value = fc.fullUnicodeString({ minLength: 1, maxLength: 80 }).filter((s) => !s.includes('\0'));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 7 }), (values) => {
        const names = FROM_ENV_VARIABLES;
        const entries = values.map((v, i) => ({ key: names[i], bytes: new TextEncoder().encode(v) }));
        const source: ManifestSource = { id: 'awsEnv', origin: { kind: 'env' }, entries };
        const args = values.map((v, i) => `--from-literal=${names[i]}=${v}`);
        expect(buildSecret(source, options).data).toEqual(kubectlData(args));
      }),
      { numRuns: 25 },
    );
  });

  test('fixed cases: "a=b=c", a trailing newline kept, a 1 MiB file', () => {
    const big = new Uint8Array(1024 * 1024).map((_, i) => (i * 7) & 255);
    const file = path.join(dir.dir, 'big');
    writeFileSync(file, big);
    const entries = [
      { key: 'config.json', bytes: big },
      { key: 'S3_ENDPOINT', bytes: new TextEncoder().encode('a=b=c') },
      { key: 'AWS_REGION', bytes: new TextEncoder().encode('us-east-1\n') },
    ];
    const source: ManifestSource = { id: 'docker', origin: { kind: 'file', path: file }, entries };
    expect(buildSecret(source, options).data).toEqual(
      kubectlData([
        `--from-file=config.json=${file}`,
        '--from-literal=S3_ENDPOINT=a=b=c',
        '--from-literal=AWS_REGION=us-east-1\n',
      ]),
    );
  });
});
