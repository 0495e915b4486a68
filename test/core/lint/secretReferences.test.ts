import { b64, codes, lintDocs, mountingPodDefault, one, only, podDefault, secret } from './lintHelpers';

const DOCKER = JSON.stringify({ auths: { 'quay.io': { auth: b64('bot:pw') } } });
const dockerSecret = secret('docker-secret', { data: { 'config.json': b64(DOCKER) } });
const DOCKER_DIR = '/home/kubeflow/.docker/';

describe('PD_SECRET_NOT_FOUND', () => {
  test('a volume Secret missing from the set; objects are the PodDefault only', () => {
    const r = lintDocs([mountingPodDefault('docker-config', 'docker-secret', DOCKER_DIR)]);
    const f = one(r, 'PD_SECRET_NOT_FOUND');
    expect(f).toMatchObject({
      severity: 'error',
      subject: 'PodDefault/docker-config',
      objects: ['PodDefault/docker-config'],
    });
    expect(f.message).toContain('ContainerCreating');
  });

  test('envFrom and secretKeyRef references count too', () => {
    const r = lintDocs([
      podDefault('p', {
        envFrom: [{ secretRef: { name: 'aws-configuration' } }],
        env: [{ name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'tokens', key: 'token' } } }],
      }),
    ]);
    expect(only(r, 'PD_SECRET_NOT_FOUND').map((f) => f.message.match(/Secret\/[\w-]+/)?.[0])).toEqual([
      'Secret/aws-configuration',
      'Secret/tokens',
    ]);
  });

  test('near miss: the Secret is in the set, or the reference is optional', () => {
    expect(
      codes(lintDocs([dockerSecret, mountingPodDefault('docker-config', 'docker-secret', DOCKER_DIR)])),
    ).toEqual([]);
    expect(
      codes(lintDocs([mountingPodDefault('docker-config', 'docker-secret', DOCKER_DIR, { optional: true })])),
    ).toEqual([]);
  });
});

describe('PD_NAMESPACE_MISMATCH', () => {
  test('the Secret is in another namespace; objects are the Secret and the PodDefault', () => {
    const r = lintDocs([
      secret('docker-secret', { ns: 'other', data: { 'config.json': b64(DOCKER) } }),
      mountingPodDefault('docker-config', 'docker-secret', DOCKER_DIR),
    ]);
    const f = one(r, 'PD_NAMESPACE_MISMATCH');
    expect(f.objects).toEqual(['PodDefault/docker-config', 'Secret/docker-secret']);
    expect(codes(r)).not.toContain('PD_SECRET_NOT_FOUND');
  });

  test('a Secret without namespace lands in --namespace (default "default")', () => {
    const unscoped = secret('docker-secret', { ns: null, data: { 'config.json': b64(DOCKER) } });
    const pd = mountingPodDefault('docker-config', 'docker-secret', DOCKER_DIR);
    expect(codes(lintDocs([unscoped, pd]))).toEqual(['PD_NAMESPACE_MISMATCH', 'MANIFEST_NAMESPACE_MISSING']);
    expect(codes(lintDocs([unscoped, pd], { namespace: 'user' }))).toEqual(['MANIFEST_NAMESPACE_MISSING']);
  });
});

describe('PD_SECRET_KEY_NOT_FOUND (this project)', () => {
  test('an items key or a secretKeyRef key the Secret does not have', () => {
    const r = lintDocs([
      dockerSecret,
      mountingPodDefault('a', 'docker-secret', DOCKER_DIR, {
        items: [{ key: 'cfg.json', path: 'config.json' }],
      }),
      podDefault('b', {
        env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'docker-secret', key: 'nope' } } }],
      }),
    ]);
    expect(only(r, 'PD_SECRET_KEY_NOT_FOUND').map((f) => f.objects)).toEqual([
      ['PodDefault/a', 'Secret/docker-secret'],
      ['PodDefault/b', 'Secret/docker-secret'],
    ]);
  });

  test('near miss: optional references may name missing keys', () => {
    const r = lintDocs([
      dockerSecret,
      podDefault('b', {
        env: [
          { name: 'X', valueFrom: { secretKeyRef: { name: 'docker-secret', key: 'no', optional: true } } },
        ],
      }),
    ]);
    expect(codes(r)).toEqual([]);
  });
});

describe('Docker config mounts', () => {
  test('SECRET_DOCKER_KEY_NOT_CONFIG_JSON: created --from-file=my-config.json; objects are the Secret and the PodDefault', () => {
    const r = lintDocs([
      secret('docker-secret', { data: { 'my-config.json': b64(DOCKER) } }),
      mountingPodDefault('docker-config', 'docker-secret', DOCKER_DIR),
    ]);
    const f = one(r, 'SECRET_DOCKER_KEY_NOT_CONFIG_JSON');
    expect(f).toMatchObject({
      subject: 'Secret/docker-secret',
      objects: ['PodDefault/docker-config', 'Secret/docker-secret'],
    });
    expect(f.fix).toContain('items: [{key: my-config.json, path: config.json}]');
  });

  test('near miss: an items mapping to config.json, or a mount elsewhere', () => {
    const other = secret('docker-secret', { data: { 'my-config.json': b64(DOCKER) } });
    const mapped = mountingPodDefault('docker-config', 'docker-secret', DOCKER_DIR, {
      items: [{ key: 'my-config.json', path: 'config.json' }],
    });
    expect(codes(lintDocs([other, mapped]))).toEqual([]);
    expect(
      codes(lintDocs([other, mountingPodDefault('docker-config', 'docker-secret', '/etc/creds')])),
    ).toEqual([]);
  });

  test('the volume may come from another PodDefault of the namespace', () => {
    const r = lintDocs([
      secret('docker-secret', { data: { 'my-config.json': b64(DOCKER) } }),
      podDefault('volumes', { volumes: [{ name: 'docker', secret: { secretName: 'docker-secret' } }] }),
      podDefault('mounts', { volumeMounts: [{ name: 'docker', mountPath: '/home/jovyan/.docker' }] }),
    ]);
    expect(one(r, 'SECRET_DOCKER_KEY_NOT_CONFIG_JSON').objects).toEqual([
      'PodDefault/mounts',
      'PodDefault/volumes',
      'Secret/docker-secret',
    ]);
  });

  test('SECRET_DOCKERCONFIGJSON_WITHOUT_ITEMS: a dockerconfigjson Secret mounted as a directory', () => {
    const typed = secret('regcred', {
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': b64(DOCKER) },
    });
    const r = lintDocs([typed, mountingPodDefault('docker-config', 'regcred', DOCKER_DIR)]);
    const f = one(r, 'SECRET_DOCKERCONFIGJSON_WITHOUT_ITEMS');
    expect(f.objects).toEqual(['PodDefault/docker-config', 'Secret/regcred']);
    expect(codes(r)).not.toContain('SECRET_DOCKER_KEY_NOT_CONFIG_JSON');
    expect(f.location?.line).toBeGreaterThan(10);
  });

  test('near miss: with items: [{key: .dockerconfigjson, path: config.json}], or a subPath mount', () => {
    const typed = secret('regcred', {
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': b64(DOCKER) },
    });
    const items = { items: [{ key: '.dockerconfigjson', path: 'config.json' }] };
    expect(
      codes(lintDocs([typed, mountingPodDefault('docker-config', 'regcred', DOCKER_DIR, items)])),
    ).toEqual([]);
    const subPath = podDefault('docker-config', {
      volumes: [{ name: 'v', secret: { secretName: 'regcred' } }],
      volumeMounts: [
        { name: 'v', mountPath: '/home/kubeflow/.docker/config.json', subPath: '.dockerconfigjson' },
      ],
    });
    expect(codes(lintDocs([typed, subPath]))).toEqual([]);
  });
});

describe('volumes', () => {
  test('PD_MOUNT_UNKNOWN_VOLUME: no PodDefault of the namespace defines it', () => {
    const r = lintDocs([podDefault('p', { volumeMounts: [{ name: 'ghost', mountPath: '/x' }] })]);
    expect(one(r, 'PD_MOUNT_UNKNOWN_VOLUME')).toMatchObject({ objects: ['PodDefault/p'], severity: 'error' });
  });

  test('near miss: defined by another PodDefault of the same namespace', () => {
    const r = lintDocs([
      podDefault('p', { volumeMounts: [{ name: 'scratch', mountPath: '/x' }] }),
      podDefault('q', { volumes: [{ name: 'scratch', emptyDir: {} }] }),
    ]);
    expect(codes(r)).toEqual([]);
  });

  test('PD_VOLUME_NAME_INVALID: dots and capitals', () => {
    const r = lintDocs([
      dockerSecret,
      podDefault('p', {
        volumes: [{ name: 'Docker.Secret', secret: { secretName: 'docker-secret' } }],
        volumeMounts: [{ name: 'Docker.Secret', mountPath: DOCKER_DIR }],
      }),
    ]);
    const f = one(r, 'PD_VOLUME_NAME_INVALID');
    expect(f.fix).toContain('docker-secret');
    expect(f.objects).toEqual(['PodDefault/p']);
  });

  test('near miss: a DNS-1123 label', () => {
    expect(codes(lintDocs([dockerSecret, mountingPodDefault('p', 'docker-secret', DOCKER_DIR)]))).toEqual([]);
  });
});

test('MANIFEST_NAMESPACE_MISSING for a PodDefault', () => {
  const r = lintDocs([podDefault('p', {}, { ns: null })]);
  expect(one(r, 'MANIFEST_NAMESPACE_MISSING').objects).toEqual(['PodDefault/p']);
});
