/**
 * The SDK guide's own manifests and commands, linted as printed. Read from the shared reference when present,
 * else from the copy in test/fixtures/lint.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lintManifests } from '../../../src/core/lint';

const SHARED = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'reference',
  'sdk-credentials-guide.md',
);
const COPY = path.resolve(__dirname, '..', '..', 'fixtures', 'lint', 'sdk-credentials-guide.md');
const guide = readFileSync(existsSync(SHARED) ? SHARED : COPY, 'utf8');
const NAME = 'sdk-credentials-guide.md';

function countCodes(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of lintManifests([{ name: NAME, text }]).findings) counts[f.code] = (counts[f.code] ?? 0) + 1;
  return counts;
}

const result = lintManifests([{ name: NAME, text: guide }]);
const find = (code: string) => result.findings.filter((f) => f.code === code);

test('reads every manifest the guide prints', () => {
  expect(result.objects).toEqual([
    'Secret/docker-secret',
    'PodDefault/docker-config',
    'Secret/aws-credentials',
    'PodDefault/aws-credentials',
    'Secret/aws-configuration',
    'PodDefault/aws-configuration',
  ]);
});

test('the AWS PodDefault reuses the docker-config selector: PD_SELECTOR_REUSED', () => {
  expect(find('PD_SELECTOR_REUSED')).toEqual([
    expect.objectContaining({
      subject: 'PodDefault/aws-credentials',
      objects: ['PodDefault/aws-credentials', 'PodDefault/docker-config'],
    }),
  ]);
});

test('`kubectl create -f -n <kaptain_namespace> secret.yaml`: KUBECTL_FLAG_ORDER at that line', () => {
  const [f] = find('KUBECTL_FLAG_ORDER');
  expect(find('KUBECTL_FLAG_ORDER')).toHaveLength(1);
  expect(guide.split('\n')[(f.location?.line ?? 0) - 1]).toContain('kubectl create -f -n');
});

test('the printed Secret values were made with echo: TRAILING_NEWLINE for all seven, and the S3_* errors', () => {
  const [newline] = find('TRAILING_NEWLINE');
  expect(newline.subject).toBe('Secret/aws-configuration');
  expect(newline.keys).toEqual([
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_REGION',
    'S3_ENDPOINT',
    'S3_SIGNATURE_VERSION',
    'S3_FORCE_PATH_STYLE',
  ]);
  // "S3_ENDPOINT\n", "true\n", "S3_SIGNATURE_VERSION\n": placeholders, but exactly what the SDK would be given.
  for (const code of [
    'S3_ENDPOINT_MISSING_SCHEME',
    'S3_FORCE_PATH_STYLE_INVALID',
    'S3_SIGNATURE_VERSION_INVALID',
  ]) {
    expect(find(code).map((f) => f.subject)).toEqual(['Secret/aws-configuration']);
  }
});

test('secret.yaml has no namespace (the guide relies on -n), and its values are placeholders', () => {
  expect(find('MANIFEST_NAMESPACE_MISSING').map((f) => f.subject)).toEqual(['Secret/aws-configuration']);
  // Seven `<base64-encoded value>` placeholders and the two values the guide elides with `...`.
  expect(find('SECRET_DATA_NOT_BASE64')).toHaveLength(9);
});

test('nothing else: the exact set of codes', () => {
  expect(countCodes(guide)).toEqual({
    KUBECTL_FLAG_ORDER: 1,
    MANIFEST_NAMESPACE_MISSING: 1,
    PD_SELECTOR_REUSED: 1,
    S3_ENDPOINT_MISSING_SCHEME: 1,
    S3_FORCE_PATH_STYLE_INVALID: 1,
    S3_SIGNATURE_VERSION_INVALID: 1,
    SECRET_DATA_NOT_BASE64: 9,
    TRAILING_NEWLINE: 1,
  });
});

test('near miss: the guide with its three mistakes corrected', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const aws = guide.indexOf('name: aws-credentials\n      namespace: user\n    spec:');
  let fixed = `${guide.slice(0, aws)}${guide.slice(aws).replace('docker-config: "true"', 'aws-credentials: "true"')}`;
  fixed = fixed.replace(
    'kubectl create -f -n <kaptain_namespace> secret.yaml',
    'kubectl create -n <kaptain_namespace> -f secret.yaml',
  );
  const values: Record<string, string> = {
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_REGION: 'us-east-1',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_SESSION_TOKEN: 'token',
    S3_ENDPOINT: 'http://minio.kubeflow:9000',
    S3_FORCE_PATH_STYLE: 'true',
    S3_SIGNATURE_VERSION: 's3v4',
  };
  for (const [key, value] of Object.entries(values)) {
    fixed = fixed.replace(new RegExp(`(\\n {6}${key}: )[A-Za-z0-9+/=]+\\n`), `$1${b64(value)}\n`);
  }
  const counts = countCodes(fixed);
  for (const code of [
    'PD_SELECTOR_REUSED',
    'KUBECTL_FLAG_ORDER',
    'TRAILING_NEWLINE',
    'S3_ENDPOINT_MISSING_SCHEME',
  ]) {
    expect(counts[code]).toBeUndefined();
  }
});
