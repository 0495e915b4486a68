import {
  dockerConfigEnvFindings,
  homeFindings,
  kubectlApplyFindings,
  storageIgnoredFinding,
} from '../../src/core/podFindings';

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('pod findings', () => {
  test('HOME_NOT_KUBEFLOW for another home, not for /home/kubeflow (trailing slash included)', () => {
    expect(codes(homeFindings('/home/jovyan'))).toEqual(['HOME_NOT_KUBEFLOW']);
    expect(homeFindings('/home/jovyan')[0].fix).toContain('--home-dir /home/jovyan');
    expect(homeFindings('/home/kubeflow')).toEqual([]);
    expect(homeFindings('/home/kubeflow/')).toEqual([]);
  });

  test('DOCKER_CONFIG_ENV_IGNORED only when it names another directory', () => {
    const dir = '/home/kubeflow/.docker';
    expect(codes(dockerConfigEnvFindings({ DOCKER_CONFIG: '/etc/docker' }, dir))).toEqual([
      'DOCKER_CONFIG_ENV_IGNORED',
    ]);
    expect(dockerConfigEnvFindings({ DOCKER_CONFIG: `${dir}/` }, dir)).toEqual([]);
    expect(dockerConfigEnvFindings({ DOCKER_CONFIG: '' }, dir)).toEqual([]);
    expect(dockerConfigEnvFindings({}, dir)).toEqual([]);
  });

  test('SECRET_TOO_LARGE_FOR_KUBECTL_APPLY past 262144 bytes of base64, per file', () => {
    const at = new Uint8Array(196608); // base64: exactly 262144
    const over = new Uint8Array(196609);
    expect(kubectlApplyFindings([{ path: '/a', state: { kind: 'file', bytes: at } }])).toEqual([]);
    const found = kubectlApplyFindings([
      { path: '/a', state: { kind: 'file', bytes: over } },
      { path: '/b', state: { kind: 'too_large', size: 9e6 } },
      { path: '/c', state: { kind: 'missing' } },
    ]);
    expect(found.map((f) => [f.code, f.subject])).toEqual([
      ['SECRET_TOO_LARGE_FOR_KUBECTL_APPLY', '/a'],
      ['SECRET_TOO_LARGE_FOR_KUBECTL_APPLY', '/b'],
    ]);
  });

  test('STORAGE_CREDS_IGNORED_BY_CONFIG_DEFAULT exactly when more than the MinIO default is usable', () => {
    expect(storageIgnoredFinding(1)).toEqual([]);
    expect(codes(storageIgnoredFinding(2))).toEqual(['STORAGE_CREDS_IGNORED_BY_CONFIG_DEFAULT']);
  });
});
