/** `status` end to end: the built dist/cli.js against temporary homes, checked against the contract's schema. */
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { makeTempHome, type TempHome } from '../support/tempHome';
import { isRoot, runCli } from '../support/runCli';
import { schemaErrors, validateStatus } from '../support/schemas';

const b64 = (text: string) => Buffer.from(text).toString('base64');

function statusJson(home: TempHome, env: Record<string, string> = {}, args: string[] = []) {
  const result = runCli(['status', '--json', ...args], { env: { HOME: home.dir, ...env } });
  const report = JSON.parse(result.stdout);
  expect(schemaErrors(validateStatus, report)).toBe('');
  return { result, report };
}

const codes = (report: { findings: { code: string }[] }) => report.findings.map((f) => f.code);

describe('status', () => {
  let home: TempHome;
  beforeEach(() => {
    home = makeTempHome();
  });
  afterEach(() => home.remove());

  test('a ready pod: exit 0, verdict first, JSON that meets the contract', () => {
    home.write(
      '.docker/config.json',
      JSON.stringify({ auths: { 'https://index.docker.io/v1/': { auth: b64('ml-bot:pw') } } }),
    );
    const { result, report } = statusJson(home, {}, ['--image', 'ml-bot/model:1']);
    expect(result.status).toBe(0);
    expect(report.home).toBe(home.dir);
    expect(report.docker.status).toBe('ok');
    expect(report.docker.registries).toEqual([
      {
        key: 'https://index.docker.io/v1/',
        host: 'docker.io',
        username: 'ml-bot',
        hasPassword: true,
        valid: true,
      },
    ]);
    expect(report.docker.lookups).toEqual([
      {
        image: 'ml-bot/model:1',
        key: 'https://index.docker.io/v1/',
        matchedEntry: 'https://index.docker.io/v1/',
      },
    ]);
    expect(report.configDefault.wouldFail).toBe(false);
    const text = runCli(['status'], { env: { HOME: home.dir } });
    expect(text.stdout.split('\n')[0]).toBe('✔ Config.default() is ready');
    expect(text.stdout).not.toContain('\u001b['); // not a TTY: no colour
  });

  test('config.json missing: exit 1, the failure and its fix first', () => {
    const { result, report } = statusJson(home);
    expect(result.status).toBe(1);
    expect(report.docker.status).toBe('missing');
    expect(report.docker.dockerCliLoadOk).toBeNull();
    expect(report.configDefault.wouldFail).toBe(true);
    expect(codes(report)).toContain('DOCKER_CONFIG_MISSING');
    const text = runCli(['status'], { env: { HOME: home.dir } }).stdout.split('\n');
    expect(text[0]).toBe('✖ Model(...) will fail: config.json missing');
    expect(text[1]).toMatch(/^ {2}Fix: \S/);
  });

  test('a directory where config.json should be is not_a_file', () => {
    home.mkdir('.docker/config.json');
    const { report } = statusJson(home);
    expect(report.docker.status).toBe('not_a_file');
    expect(codes(report)).toContain('DOCKER_CONFIG_NOT_A_FILE');
  });

  test('a FIFO is not read (no hang) and is not_a_file', () => {
    home.mkdir('.docker');
    execFileSync('mkfifo', [home.path('.docker/config.json')]);
    const { report } = statusJson(home);
    expect(report.docker.status).toBe('not_a_file');
  });

  test('a broken symlink is missing; a symlinked file (as Kubernetes mounts Secrets) is read', () => {
    home.mkdir('.docker');
    symlinkSync(home.path('nowhere.json'), home.path('.docker/config.json'));
    expect(statusJson(home).report.docker.status).toBe('missing');
    home.write('nowhere.json', '{"auths":{}}');
    expect(statusJson(home).report.docker.status).toBe('ok');
  });

  test('binary and non-UTF-8 bytes are a finding, not a crash', () => {
    home.write('.docker/config.json', Uint8Array.from([0xff, 0xfe, 0x00, 0x01, 0x80]));
    home.write('.aws/credentials', Uint8Array.from([0x5b, 0xff, 0x5d, 0x0a, 0x00]));
    home.write('.tls/certificate.crt', Uint8Array.from([0x30, 0x82, 0xff, 0xff, 0x00]));
    const { result, report } = statusJson(home);
    expect(result.status).toBe(1);
    expect(report.docker.status).toBe('invalid_json');
    expect(report.storage.credentialsFile.status).toBe('parse_error');
    expect(report.certificate.status).toBe('invalid');
  });

  test('a 2 MiB config.json is inspected and reported too large for a Secret; over 8 MiB it is not read', () => {
    const big = JSON.stringify({ auths: {}, padding: 'x'.repeat(2 * 1024 * 1024) });
    home.write('.docker/config.json', big);
    let report = statusJson(home).report;
    expect(report.docker.status).toBe('ok');
    expect(codes(report)).toEqual(
      expect.arrayContaining(['DOCKER_CONFIG_TOO_LARGE', 'SECRET_TOO_LARGE_FOR_KUBECTL_APPLY']),
    );
    home.write('.docker/config.json', new Uint8Array(8 * 1024 * 1024 + 1));
    report = statusJson(home).report;
    expect(report.docker.status).toBe('too_large');
    expect(report.docker.dockerCliLoadOk).toBeNull();
    expect(report.configDefault.wouldFail).toBe(false);
  });

  (isRoot ? test : test.skip)('as an unprivileged user: an unreadable file is a finding (setpriv)', () => {
    home.write('.docker/config.json', '{"auths":{}}', 0o000);
    home.write('.aws/credentials', '[default]\n', 0o000);
    const result = runCli(['status', '--json'], { env: { HOME: home.dir }, asNobody: true });
    const report = JSON.parse(result.stdout);
    expect(schemaErrors(validateStatus, report)).toBe('');
    expect(report.docker.status).toBe('unreadable');
    expect(report.storage.credentialsFile.status).toBe('unreadable');
    expect(codes(report)).toEqual(
      expect.arrayContaining(['DOCKER_CONFIG_UNREADABLE', 'AWS_CREDENTIALS_UNREADABLE']),
    );
    expect(result.status).toBe(1);
  });

  test('as an unprivileged user: a readable home is inspected the same way', () => {
    home.write('.docker/config.json', '{"auths":{}}');
    const asUser = runCli(['status', '--json'], { env: { HOME: home.dir }, asNobody: isRoot });
    const asRoot = runCli(['status', '--json'], { env: { HOME: home.dir } });
    expect(asUser.stdout).toBe(asRoot.stdout);
  });
});

describe('status arguments', () => {
  let home: TempHome;
  beforeAll(() => {
    home = makeTempHome();
    home.write(
      '.docker/config.json',
      '{"auths":{"registry.example.com:5000":{"auth":"' + b64('u:p') + '"}}}',
    );
  });
  afterAll(() => home.remove());

  test('--image takes the next argument verbatim, even when it starts with -', () => {
    const { report } = statusJson(home, {}, ['--image', '-foo']);
    expect(report.docker.lookups).toEqual([{ image: '-foo', key: null, matchedEntry: null }]);
    const invalid = report.findings.filter((f: { code: string }) => f.code === 'IMAGE_REFERENCE_INVALID');
    expect(invalid.map((f: { subject: string }) => f.subject)).toEqual(['-foo']);
  });

  test('--image=REF, an empty --image and several --image', () => {
    const { report } = statusJson(home, {}, [
      '--image=registry.example.com:5000/team/model:1',
      '--image',
      '',
      '--image',
      'other.example.com/x',
    ]);
    expect(report.docker.lookups).toEqual([
      {
        image: 'registry.example.com:5000/team/model:1',
        key: 'registry.example.com:5000',
        matchedEntry: 'registry.example.com:5000',
      },
      { image: '', key: null, matchedEntry: null },
      { image: 'other.example.com/x', key: 'other.example.com', matchedEntry: null },
    ]);
  });

  test('usage errors exit 2 on stderr and never echo the rejected argument', () => {
    const canary = 'CANARY-usage-9f3a';
    for (const args of [
      ['status', `--password=${canary}`],
      ['status', canary],
      [canary],
      ['status', '--image'],
    ]) {
      const result = runCli(args, { env: { HOME: home.dir } });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^kaptain-credentials: /);
      expect(result.stderr).not.toContain(canary);
    }
  });

  test('--help for the program and for status; no command is a usage error', () => {
    for (const args of [['--help'], ['status', '--help'], ['status', '-h']]) {
      const result = runCli(args);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^Usage: |kaptain-credentials: /);
    }
    const none = runCli([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Usage: kaptain-credentials <command>');
  });

  test('--json prints exactly one JSON document and nothing else', () => {
    const result = runCli(['status', '--json'], { env: { HOME: home.dir } });
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stdout.trim().startsWith('{')).toBe(true);
    expect(result.stderr).toBe('');
  });
});
