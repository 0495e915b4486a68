/** Whatever `manifests` writes, `lint` finds no error or warning in it (fast-check over inputs and options). */
import fc from 'fast-check';
import { lintManifests } from '../../../src/core/lint';
import { buildManifests, toYamlStream, validateManifestOptions } from '../../../src/core/manifests';
import type { ManifestSource } from '../../../src/core/manifests/types';

const enc = (text: string) => new TextEncoder().encode(text);
const token = fc.stringMatching(/^[A-Za-z0-9/+]{12,40}$/);
const user = fc.stringMatching(/^[a-z][a-z0-9._-]{0,20}$/);
const host = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}(\.[a-z][a-z0-9-]{0,10}){1,2}(:[1-9][0-9]{1,4})?$/);
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);

const dockerSource = fc
  .array(fc.tuple(host, user, token), { minLength: 1, maxLength: 4 })
  .map((entries): ManifestSource => {
    const auths = Object.fromEntries(
      entries.map(([h, u, p]) => [h, { auth: Buffer.from(`${u}:${p}`).toString('base64') }]),
    );
    return {
      id: 'docker',
      origin: { kind: 'file', path: '/x' },
      entries: [{ key: 'config.json', bytes: enc(JSON.stringify({ auths })) }],
    };
  });

const awsFileSource = fc.tuple(token, token, fc.boolean()).map(([id, secret, crlf]): ManifestSource => {
  const text = `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n`;
  return {
    id: 'awsFile',
    origin: { kind: 'file', path: '/y' },
    entries: [{ key: 'credentials', bytes: enc(crlf ? text.replace(/\n/g, '\r\n') : text) }],
  };
});

const envSource = fc
  .record({
    AWS_ACCESS_KEY_ID: token,
    AWS_SECRET_ACCESS_KEY: token,
    AWS_REGION: fc.constantFrom('us-east-1', 'eu-central-1'),
    S3_ENDPOINT: host.map((h) => `http://${h}`),
    S3_FORCE_PATH_STYLE: fc.constantFrom('true', 'false'),
    S3_SIGNATURE_VERSION: fc.constantFrom('s3v4', 'v4'),
  })
  .map((values): ManifestSource => ({
    id: 'awsEnv',
    origin: { kind: 'env' },
    entries: Object.entries(values).map(([key, v]) => ({ key, bytes: enc(v) })),
  }));

const certificateSource = fc.constant<ManifestSource>({
  id: 'certificate',
  origin: { kind: 'file', path: '/z' },
  entries: [
    { key: 'certificate.crt', bytes: enc('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n') },
  ],
});

describe('manifests output lints clean', () => {
  test('no error or warning, for any sources, namespace, prefix and home', () => {
    fc.assert(
      fc.property(
        fc.subarray(['docker', 'awsFile', 'awsEnv', 'certificate'] as const, { minLength: 1 }),
        dockerSource,
        awsFileSource,
        envSource,
        certificateSource,
        label,
        fc.option(
          label.map((l) => `${l.slice(0, 10)}-`),
          { nil: '' },
        ),
        fc.constantFrom('/home/kubeflow', '/home/jovyan', '/home/jovyan/'),
        (ids, docker, awsFile, awsEnv, certificate, namespace, namePrefix, homeDir) => {
          const options = { namespace, namePrefix, homeDir };
          fc.pre(validateManifestOptions(options).length === 0);
          const all = { docker, awsFile, awsEnv, certificate };
          const text = toYamlStream(
            buildManifests(
              ids.map((id) => all[id]),
              options,
            ),
          );
          const result = lintManifests([{ name: 'out.yaml', text }]);
          expect(result.objects).toHaveLength(ids.length * 2);
          const serious = result.findings.filter((f) => f.severity !== 'info');
          expect(serious).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
