import { b64, codes, lintDocs, one, podDefault, secret } from './lintHelpers';

const DOCKER = JSON.stringify({ auths: { 'quay.io': { auth: b64('bot:pw') } } });
const secrets = [
  secret('docker-secret', { data: { 'config.json': b64(DOCKER) } }),
  secret('aws-credentials', {
    data: { credentials: b64('[default]\naws_access_key_id = a\naws_secret_access_key = b\n') },
  }),
];
const volume = (name: string, secretName: string, extra: Record<string, unknown> = {}) => ({
  name,
  secret: { secretName, ...extra },
});

describe('volumes by name', () => {
  test('PD_VOLUME_NAME_CONFLICT: one name, two definitions, in PodDefaults one pod can select', () => {
    const r = lintDocs([
      ...secrets,
      podDefault('docker-config', { volumes: [volume('secret-volume', 'docker-secret')] }),
      podDefault('aws-credentials', { volumes: [volume('secret-volume', 'aws-credentials')] }),
    ]);
    const f = one(r, 'PD_VOLUME_NAME_CONFLICT');
    expect(f).toMatchObject({
      severity: 'error',
      subject: 'PodDefault/aws-credentials',
      objects: ['PodDefault/aws-credentials', 'PodDefault/docker-config'],
    });
    expect(f.message).toContain('"secret-volume"');
  });

  test('near miss: selectors no pod can satisfy together (a: x and a: y) cannot conflict', () => {
    const r = lintDocs([
      ...secrets,
      podDefault('x', { volumes: [volume('secret-volume', 'docker-secret')] }, { label: 'a' }),
      {
        ...podDefault('y', {}),
        spec: {
          desc: 'y',
          selector: { matchLabels: { a: 'other' } },
          volumes: [volume('secret-volume', 'aws-credentials')],
        },
      },
    ]);
    expect(codes(r)).not.toContain('PD_VOLUME_NAME_CONFLICT');
  });

  test('near miss: PodDefaults in different namespaces never meet', () => {
    const r = lintDocs([
      ...secrets,
      secret('docker-secret', { ns: 'other', data: { 'config.json': b64(DOCKER) } }),
      podDefault('a', { volumes: [volume('v', 'docker-secret')] }, { ns: 'other' }),
      podDefault('b', { volumes: [volume('v', 'aws-credentials')] }),
    ]);
    expect(codes(r)).not.toContain('PD_VOLUME_NAME_CONFLICT');
  });

  test('PD_DUPLICATE_IDENTICAL for the same volume in two PodDefaults; null and "" fields equal absent ones', () => {
    const r = lintDocs([
      ...secrets,
      podDefault('a', { volumes: [volume('v', 'docker-secret')] }),
      podDefault('b', { volumes: [volume('v', 'docker-secret', { optional: null })] }),
    ]);
    expect(codes(r)).toEqual(['PD_DUPLICATE_IDENTICAL']);
    expect(one(r, 'PD_DUPLICATE_IDENTICAL')).toMatchObject({
      severity: 'info',
      objects: ['PodDefault/a', 'PodDefault/b'],
    });
  });

  test('optional: false is not the same as absent (a pointer in Go)', () => {
    const r = lintDocs([
      ...secrets,
      podDefault('a', { volumes: [volume('v', 'docker-secret')] }),
      podDefault('b', { volumes: [volume('v', 'docker-secret', { optional: false })] }),
    ]);
    expect(codes(r)).toEqual(['PD_VOLUME_NAME_CONFLICT']);
  });
});

describe('volumeMounts by name and by mountPath', () => {
  const vols = (n: string) => [volume(n, 'docker-secret')];

  test('PD_VOLUME_MOUNT_NAME_CONFLICT: the same mount name at two paths', () => {
    const r = lintDocs([
      ...secrets,
      podDefault('a', {
        volumes: vols('v'),
        volumeMounts: [{ name: 'v', mountPath: '/home/kubeflow/.docker/' }],
      }),
      podDefault('b', {
        volumes: vols('v'),
        volumeMounts: [{ name: 'v', mountPath: '/home/jovyan/.docker/' }],
      }),
    ]);
    // Errors first: the mounts conflict, the volume they share is identical.
    expect(codes(r)).toEqual(['PD_VOLUME_MOUNT_NAME_CONFLICT', 'PD_DUPLICATE_IDENTICAL']);
    expect(one(r, 'PD_VOLUME_MOUNT_NAME_CONFLICT').objects).toEqual(['PodDefault/a', 'PodDefault/b']);
  });

  test('PD_MOUNT_PATH_CONFLICT: two mounts at one path, also inside one PodDefault', () => {
    const r = lintDocs([
      ...secrets,
      podDefault('a', {
        volumes: [volume('v1', 'docker-secret'), volume('v2', 'aws-credentials')],
        volumeMounts: [
          { name: 'v1', mountPath: '/home/kubeflow/.docker/' },
          { name: 'v2', mountPath: '/home/kubeflow/.docker/' },
        ],
      }),
    ]);
    const f = one(r, 'PD_MOUNT_PATH_CONFLICT');
    expect(f.objects).toEqual(['PodDefault/a']);
    expect(f.message).toContain('/home/kubeflow/.docker/');
  });

  test('near miss: readOnly: false equals an absent readOnly (a plain bool in Go)', () => {
    const r = lintDocs([
      ...secrets,
      podDefault('a', { volumes: vols('v'), volumeMounts: [{ name: 'v', mountPath: '/m' }] }),
      podDefault('b', {
        volumes: vols('v'),
        volumeMounts: [{ name: 'v', mountPath: '/m', readOnly: false }],
      }),
    ]);
    expect(codes(r)).toEqual(['PD_DUPLICATE_IDENTICAL', 'PD_DUPLICATE_IDENTICAL']);
  });

  test('readOnly: true differs, by name and by path', () => {
    const r = lintDocs([
      ...secrets,
      podDefault('a', { volumes: vols('v'), volumeMounts: [{ name: 'v', mountPath: '/m' }] }),
      podDefault('b', { volumes: vols('v'), volumeMounts: [{ name: 'v', mountPath: '/m', readOnly: true }] }),
    ]);
    expect(codes(r)).toEqual([
      'PD_MOUNT_PATH_CONFLICT',
      'PD_VOLUME_MOUNT_NAME_CONFLICT',
      'PD_DUPLICATE_IDENTICAL',
    ]);
  });
});

describe('env and envFrom', () => {
  test('PD_ENV_CONFLICT: one variable, two values; the message names the variable, never a value', () => {
    const r = lintDocs([
      podDefault('a', { env: [{ name: 'AWS_REGION', value: 'us-east-1' }] }),
      podDefault('b', { env: [{ name: 'AWS_REGION', value: 'eu-west-1-canary' }] }),
    ]);
    const f = one(r, 'PD_ENV_CONFLICT');
    expect(f.message).toContain('AWS_REGION');
    expect(JSON.stringify(r)).not.toContain('canary');
  });

  test('near miss: value "" equals no value; an identical env is PD_DUPLICATE_IDENTICAL', () => {
    const r = lintDocs([
      podDefault('a', { env: [{ name: 'X', value: '' }] }),
      podDefault('b', { env: [{ name: 'X' }] }),
    ]);
    expect(codes(r)).toEqual(['PD_DUPLICATE_IDENTICAL']);
  });

  test('PD_ENVFROM_KEY_OVERLAP: two Secrets give the same variable; objects are the PodDefaults, keys the variables', () => {
    const r = lintDocs([
      secret('s3-a', { data: { AWS_REGION: b64('us-east-1'), S3_ENDPOINT: b64('http://a:9000') } }),
      secret('s3-b', { data: { AWS_REGION: b64('us-east-1'), OTHER: b64('x') } }),
      podDefault('a', { envFrom: [{ secretRef: { name: 's3-a' } }] }),
      podDefault('b', { envFrom: [{ secretRef: { name: 's3-b' } }] }),
    ]);
    const f = one(r, 'PD_ENVFROM_KEY_OVERLAP');
    expect(f).toMatchObject({
      severity: 'warning',
      objects: ['PodDefault/a', 'PodDefault/b'],
      keys: ['AWS_REGION'],
    });
    expect(f.message).toContain('Secret/s3-a and Secret/s3-b');
  });

  test('near miss: a prefix separates the keys; the same Secret twice is no overlap', () => {
    const docs = [
      secret('s3-a', { data: { AWS_REGION: b64('x') } }),
      secret('s3-b', { data: { AWS_REGION: b64('y') } }),
    ];
    expect(
      codes(
        lintDocs([
          ...docs,
          podDefault('a', { envFrom: [{ secretRef: { name: 's3-a' } }] }),
          podDefault('b', { envFrom: [{ secretRef: { name: 's3-b' }, prefix: 'B_' }] }),
        ]),
      ),
    ).toEqual([]);
    expect(
      codes(
        lintDocs([
          ...docs,
          podDefault('a', { envFrom: [{ secretRef: { name: 's3-a' } }] }),
          podDefault('b', { envFrom: [{ secretRef: { name: 's3-a' } }] }),
        ]),
      ),
    ).toEqual([]);
  });
});
