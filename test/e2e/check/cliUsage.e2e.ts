/** `check` usage: help, exit code 2 for usage errors, and no echo of a rejected argument (it could be a secret). */
import { makeTempHome } from '../../support/tempHome';
import { runCheckCli } from './checkCli';

const home = makeTempHome('kc-check-usage-');
afterAll(() => home.remove());

describe('kaptain-credentials check: usage', () => {
  it('--help describes the command, its outcomes and exit codes', async () => {
    const run = await runCheckCli(['--help'], { HOME: home.dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: kaptain-credentials check [docker] [storage]');
    expect(run.stdout).toContain(
      'ok, unauthorized, no_credentials, bucket_missing, tls_error, unreachable, timeout, error',
    );
  });

  it.each([
    [['kc-canary-typo'], 'unknown check target at position 1'],
    [['--timeout', 'kc-canary'], '--timeout takes a number of seconds'],
    [['--timeout', '0'], '--timeout takes a number of seconds'],
    [['--timeout', '301'], '--timeout takes a number of seconds'],
    [['--storage-provider', 'kc-canary'], '--storage-provider is one of'],
    [['--storage-uri', 'a', '--storage-uri', 'b'], '--storage-uri may be given once'],
    [['--kc-canary'], 'unknown option at position 1'],
    [['--image'], '--image needs a value'],
  ])('%j is a usage error (exit 2) that does not echo the argument', async (args, message) => {
    const run = await runCheckCli(args, { HOME: home.dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout + run.stderr).not.toContain('kc-canary');
  });

  it('is listed in the main help', async () => {
    const { spawnSync } = await import('node:child_process');
    const { CLI } = await import('../../support/runCli');
    const run = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    expect(run.stdout).toMatch(/check {6}contact the registries and the storage/);
  });
});
