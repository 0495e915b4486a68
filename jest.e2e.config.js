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
  // The run's shared servers (one Ceph radosgw for every suite that needs it) are stopped at the end.
  globalSetup: '<rootDir>/test/e2e/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/e2e/support/globalTeardown.ts',
};
