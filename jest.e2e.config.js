/**
 * End-to-end suites against real hosts and servers (JupyterLab, code-server, a Docker registry, Ceph radosgw),
 * driven by Debian's chromium. Run one file at a time (`--runInBand`): the machine has two cores.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 180000,
};
