jest.mock('vscode', () => jest.requireActual('./vscodeStub').createVscodeStub(), { virtual: true });
import { watchTargets } from '../../src/vscode/watchers';

describe('what the watchers watch', () => {
  test('each file in its directory (with Secret volume swaps), and the directories in the home', () => {
    const targets = watchTargets('/home/kubeflow', {});
    expect(targets).toEqual([
      { dir: '/home/kubeflow/.docker', glob: '{..data,config.json}' },
      { dir: '/home/kubeflow', glob: '{.aws,.docker,.tls}' },
      { dir: '/home/kubeflow/.aws', glob: '{..data,credentials}' },
      { dir: '/home/kubeflow/.tls', glob: '{..data,certificate.crt}' },
    ]);
  });

  test('DOCKER_CONFIG elsewhere is watched too', () => {
    const dirs = watchTargets('/home/kubeflow', { DOCKER_CONFIG: '/etc/docker-auth' }).map((t) => t.dir);
    expect(dirs).toContain('/etc/docker-auth');
    expect(watchTargets('/home/kubeflow', { DOCKER_CONFIG: '/home/kubeflow/.docker' }).length).toBe(4);
  });
});
