/** One manifest set with every lint code at once: each is raised, and each finding's objects follow cli.md. */
import { lintManifests } from '../../../src/core/lint';
import { objectsRuleProblem } from './objectsRule';
import { b64, mountingPodDefault, podDefault, secret, toYaml, type Obj } from './lintHelpers';

const DOCKER = JSON.stringify({ auths: { 'quay.io': { auth: b64('bot:pw') } } });
const big = Buffer.alloc(1100 * 1024, 1).toString('base64');

const docs: Obj[] = [
  // Secrets on their own
  secret('Bad_Name', {
    data: { 'a/b': b64('x'), x: 'not base64!', S3_ENDPOINT: b64('minio:9000\n') },
    stringData: { x: 'y', flag: 'z' },
  }),
  secret('big', { data: { blob: big } }),
  secret('no-namespace', { ns: null, data: { k: b64('v') } }),
  secret('typed', { type: 'kubernetes.io/dockerconfigjson', data: { 'config.json': b64(DOCKER) } }),
  secret('docker-bad', {
    data: { 'config.json': b64(JSON.stringify({ auths: { 'quay.io': { auth: b64('nocolon') } } })) },
  }),
  secret('aws-file', {
    data: { credentials: b64('[Default]\naws_access_key_id = a\naws_secret_access_key = b\n') },
  }),
  // Secrets with their PodDefaults
  secret('docker-other', { data: { 'my.json': b64(DOCKER) } }),
  mountingPodDefault('docker-other', 'docker-other', '/home/kubeflow/.docker/'),
  secret('regcred', { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': b64(DOCKER) } }),
  mountingPodDefault('regcred', 'regcred', '/home/jovyan/.docker'),
  secret('elsewhere', { ns: 'other', data: { k: b64('v') } }),
  podDefault('mismatch', { envFrom: [{ secretRef: { name: 'elsewhere' } }] }),
  podDefault('not-found', { envFrom: [{ secretRef: { name: 'ghost' } }] }),
  podDefault('key-missing', {
    env: [{ name: 'T', valueFrom: { secretKeyRef: { name: 'aws-file', key: 'token' } } }],
  }),
  // Selectors and desc
  podDefault('value', {}, { label: null }),
  { ...podDefault('value-yes', {}), spec: { desc: 'd', selector: { matchLabels: { 'value-yes': 'yes' } } } },
  {
    ...podDefault('two-labels', {}),
    spec: { desc: 'd', selector: { matchLabels: { a: 'true', b: 'true' } } },
  },
  { ...podDefault('empty', {}), spec: { desc: 'd', selector: {} } },
  { ...podDefault('no-desc', {}), spec: { selector: { matchLabels: { 'no-desc': 'true' } } } },
  podDefault('reuse-1', {}, { label: 'shared' }),
  podDefault('reuse-2', {}, { label: 'shared' }),
  // Merging
  secret('env-a', { data: { AWS_REGION: b64('x') } }),
  secret('env-b', { data: { AWS_REGION: b64('y') } }),
  podDefault('merge-1', {
    volumes: [
      { name: 'vol', emptyDir: {} },
      { name: 'same', emptyDir: {} },
    ],
    volumeMounts: [
      { name: 'vol', mountPath: '/a' },
      { name: 'same', mountPath: '/same' },
      { name: 'vol', mountPath: '/p' },
    ],
    env: [{ name: 'E', value: '1' }],
    envFrom: [{ secretRef: { name: 'env-a' } }],
  }),
  podDefault('merge-2', {
    volumes: [
      { name: 'vol', emptyDir: { medium: 'Memory' } },
      { name: 'same', emptyDir: {} },
      { name: 'p2', emptyDir: {} },
    ],
    volumeMounts: [
      { name: 'same', mountPath: '/same' },
      { name: 'p2', mountPath: '/p' },
    ],
    env: [{ name: 'E', value: '2' }],
    envFrom: [{ secretRef: { name: 'env-b' } }],
  }),
  podDefault('merge-3', {
    volumes: [{ name: 'vol', emptyDir: {} }],
    volumeMounts: [{ name: 'vol', mountPath: '/b' }],
  }),
  // Volumes and schema
  podDefault('volumes', {
    volumes: [{ name: 'Bad.Name', emptyDir: {} }],
    volumeMounts: [
      { name: 'Bad.Name', mountPath: '/bad' },
      { name: 'ghost', mountPath: '/ghost' },
    ],
    volumeMount: [],
  }),
];

const schemaSecret =
  'apiVersion: v1\nkind: Secret\nmetadata: {name: flags, namespace: user}\nstringData:\n  S3_FORCE_PATH_STYLE: yes\n';

const result = lintManifests([
  { name: 'set.yaml', text: `# kubectl apply -f -n user set.yaml\n${toYaml(...docs)}---\n${schemaSecret}` },
  { name: 'broken.yaml', text: 'a: [\n' },
]);

const LINT_CODES = [
  'MANIFEST_YAML_INVALID',
  'MANIFEST_NAMESPACE_MISSING',
  'PD_SELECTOR_REUSED',
  'PD_SELECTOR_LABEL_VALUE_NOT_TRUE',
  'PD_SELECTOR_MULTIPLE_LABELS',
  'PD_SELECTOR_NO_MATCHLABELS',
  'PD_SELECTOR_EMPTY',
  'PD_MISSING_DESC',
  'PD_VOLUME_NAME_CONFLICT',
  'PD_VOLUME_MOUNT_NAME_CONFLICT',
  'PD_MOUNT_PATH_CONFLICT',
  'PD_ENV_CONFLICT',
  'PD_ENVFROM_KEY_OVERLAP',
  'PD_DUPLICATE_IDENTICAL',
  'PD_VOLUME_NAME_INVALID',
  'PD_MOUNT_UNKNOWN_VOLUME',
  'PD_SECRET_NOT_FOUND',
  'PD_NAMESPACE_MISMATCH',
  'SECRET_NAME_INVALID',
  'SECRET_KEY_INVALID',
  'SECRET_DATA_NOT_BASE64',
  'SECRET_STRINGDATA_OVERRIDES_DATA',
  'SECRET_DOCKER_KEY_NOT_CONFIG_JSON',
  'SECRET_DOCKERCONFIGJSON_WITHOUT_ITEMS',
  'SECRET_TOO_LARGE',
  'SECRET_TOO_LARGE_FOR_KUBECTL_APPLY',
  'KUBECTL_FLAG_ORDER',
  'TRAILING_NEWLINE',
  'S3_ENDPOINT_MISSING_SCHEME',
  'DOCKER_AUTH_MISSING_COLON',
  'AWS_SECTION_NAME_CASE',
  // this project's
  'PD_SCHEMA_INVALID',
  'SECRET_SCHEMA_INVALID',
  'PD_SECRET_KEY_NOT_FOUND',
];

test.each(LINT_CODES)('%s is raised', (code) => {
  expect(result.findings.map((f) => f.code)).toContain(code);
});

test('every finding lists its objects as cli.md says for its code', () => {
  const problems = result.findings
    .map((f) => [f.code, f.subject, f.objects.join(' '), objectsRuleProblem(f)])
    .filter((p) => p[3] !== null);
  expect(problems).toEqual([]);
});

test('every finding names its object in the message and carries a fix and a location', () => {
  for (const f of result.findings) {
    if (f.subject.includes('/')) expect(f.message).toContain(f.subject);
    expect(f.fix).toEqual(expect.any(String));
    expect(f.location).toBeDefined();
  }
});
