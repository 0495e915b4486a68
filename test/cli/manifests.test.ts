/** `manifests` end to end: the built CLI against temporary homes, checked with kubectl and the lint. */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { makeTempHome, type TempHome } from '../support/tempHome';
import { runCli } from '../support/runCli';

const b64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64');
const DOCKER =
  JSON.stringify({ auths: { 'registry.example.com:5000': { auth: b64('robot:CANARYpw1x') } } }) + '\n';
const AWS =
  '[default]\r\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\r\naws_secret_access_key = CANARYawsSecret2x\r\n';
const ENV = {
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'CANARYenvSecret3x',
  S3_ENDPOINT: 'http://minio.kubeflow:9000',
};

interface K8sObject {
  kind: string;
  metadata: { name: string; namespace?: string };
  data?: Record<string, string>;
  spec?: {
    selector: { matchLabels: Record<string, string> };
    volumeMounts?: { name: string; mountPath: string }[];
    envFrom?: { secretRef: { name: string } }[];
  };
}

function objectsOf(yamlText: string): K8sObject[] {
  return parseAllDocuments(yamlText)
    .map((d) => d.toJS() as K8sObject)
    .filter(Boolean);
}

function kubectlDryRun(command: string): Record<string, string> {
  const result = spawnSync('sh', ['-c', `${command} --dry-run=client -o yaml`], {
    env: { PATH: process.env.PATH ?? '/usr/bin', KUBECONFIG: '/nonexistent', ...ENV },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`kubectl failed: ${result.stderr}`);
  return objectsOf(result.stdout)[0].data ?? {};
}

describe('manifests', () => {
  let home: TempHome;
  let env: Record<string, string>;
  beforeEach(() => {
    home = makeTempHome();
    home.write('.docker/config.json', DOCKER);
    home.write('.aws/credentials', AWS);
    env = { HOME: home.dir, ...ENV };
  });
  afterEach(() => home.remove());

  test('everything present: Secrets with the files bytes and a PodDefault each, in the namespace asked', () => {
    const result = runCli(['manifests', '--namespace', 'team-a'], { env });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/holds credentials/);
    const objects = objectsOf(result.stdout);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Secret/docker-secret',
      'Secret/aws-credentials',
      'Secret/aws-configuration',
      'PodDefault/docker-config',
      'PodDefault/aws-credentials',
      'PodDefault/aws-configuration',
    ]);
    expect(objects.every((o) => o.metadata.namespace === 'team-a')).toBe(true);
    const data = Object.fromEntries(
      objects.filter((o) => o.kind === 'Secret').map((o) => [o.metadata.name, o.data]),
    );
    expect(data['docker-secret']).toEqual({ 'config.json': b64(DOCKER) });
    expect(data['aws-credentials']).toEqual({ credentials: b64(AWS) }); // CRLF kept
    expect(data['aws-configuration']).toEqual({
      AWS_ACCESS_KEY_ID: b64(ENV.AWS_ACCESS_KEY_ID),
      AWS_SECRET_ACCESS_KEY: b64(ENV.AWS_SECRET_ACCESS_KEY),
      S3_ENDPOINT: b64(ENV.S3_ENDPOINT),
    });
    const pds = objects.filter((o) => o.kind === 'PodDefault');
    expect(pds.map((p) => p.spec?.selector.matchLabels)).toEqual([
      { 'docker-config': 'true' },
      { 'aws-credentials': 'true' },
      { 'aws-configuration': 'true' },
    ]);
    expect(pds[0].spec?.volumeMounts?.[0].mountPath).toBe('/home/kubeflow/.docker');
    expect(pds[2].spec?.envFrom).toEqual([{ secretRef: { name: 'aws-configuration' } }]);
    // The secrets travel only base64-encoded in the YAML the user asked for, never on stderr.
    expect(result.stderr).not.toMatch(/CANARY/);
  });

  test('source flags, --name-prefix and --home-dir', () => {
    const result = runCli(
      [
        'manifests',
        '--namespace',
        'team-a',
        '--docker',
        '--name-prefix',
        'ml-',
        '--home-dir',
        '/home/jovyan/',
      ],
      { env },
    );
    const objects = objectsOf(result.stdout);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Secret/ml-docker-secret',
      'PodDefault/ml-docker-config',
    ]);
    expect(objects[1].spec?.volumeMounts).toEqual([
      { name: 'ml-docker-secret-volume', mountPath: '/home/jovyan/.docker', readOnly: true },
    ]);
    expect(objects[1].spec?.selector.matchLabels).toEqual({ 'ml-docker-config': 'true' });
  });

  test('--out writes mode 0600 and never overwrites without --force', () => {
    const out = home.path('out.yaml');
    expect(runCli(['manifests', '--namespace', 'team-a', '--out', out], { env }).status).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    writeFileSync(out, 'mine');
    const again = runCli(['manifests', '--namespace', 'team-a', '--out', out], { env });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/exists.*--force/);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    spawnSync('chmod', ['644', out]);
    expect(runCli(['manifests', '--namespace', 'team-a', '--out', out, '--force'], { env }).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('kind: PodDefault');
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  test('a broken input is refused with its findings, unless --force', () => {
    home.write('.docker/config.json', '{"auths": {');
    const refused = runCli(['manifests', '--namespace', 'team-a'], { env });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('DOCKER_CONFIG_INVALID_JSON');
    const forced = runCli(['manifests', '--namespace', 'team-a', '--force'], { env });
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain('name: docker-secret');
  });

  test('nothing present: exit 1; a selected source that is absent: exit 1', () => {
    const empty = makeTempHome();
    try {
      const none = runCli(['manifests', '--namespace', 'team-a'], { env: { HOME: empty.dir } });
      expect(none.status).toBe(1);
      expect(none.stderr).toMatch(/nothing to write/);
      expect(runCli(['manifests', '--namespace', 'team-a', '--certificate'], { env }).status).toBe(1);
    } finally {
      empty.remove();
    }
  });

  test('usage errors: bad namespace or prefix, no namespace outside a pod, a relative home', () => {
    for (const args of [
      ['--namespace', 'Team_A'],
      ['--namespace', 'team-a', '--name-prefix', 'UPPER-'],
      ['--namespace', 'team-a', '--home-dir', 'home'],
      ['--namespace', 'team-a', '--password-stdin'],
    ]) {
      const result = runCli(['manifests', ...args], { env });
      expect(result.status).toBe(2);
      expect(result.stderr).not.toContain('Team_A');
    }
    expect(runCli(['manifests'], { env }).status).toBe(2); // no service-account namespace here
  });

  test('typed Docker credentials: the password from stdin becomes the config.json the SDK reads', () => {
    const result = runCli(
      [
        'manifests',
        '--namespace',
        'team-a',
        '--docker-server',
        'docker.io',
        '--docker-username',
        'ml-bot',
        '--password-stdin',
      ],
      { env: { HOME: home.dir }, input: 'CANARYtyped4x\n' },
    );
    expect(result.status).toBe(0);
    const objects = objectsOf(result.stdout);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Secret/docker-secret',
      'PodDefault/docker-config',
    ]);
    const config = JSON.parse(Buffer.from(objects[0].data!['config.json'], 'base64').toString());
    expect(config.auths['https://index.docker.io/v1/'].auth).toBe(b64('ml-bot:CANARYtyped4x'));
    expect(result.stderr).not.toContain('CANARY');
  });

  test('typed AWS credentials with the secret from stdin', () => {
    const result = runCli(
      [
        'manifests',
        '--namespace',
        'team-a',
        '--aws-access-key-id',
        'AKIAIOSFODNN7EXAMPLE',
        '--aws-secret-access-key-stdin',
        '--s3-endpoint',
        'http://minio:9000',
      ],
      { env: { HOME: home.dir }, input: 'CANARYtyped5x' },
    );
    expect(result.status).toBe(0);
    const secret = objectsOf(result.stdout)[0];
    expect(secret.metadata.name).toBe('aws-configuration');
    expect(secret.data).toEqual({
      AWS_ACCESS_KEY_ID: b64('AKIAIOSFODNN7EXAMPLE'),
      AWS_SECRET_ACCESS_KEY: b64('CANARYtyped5x'),
      S3_ENDPOINT: b64('http://minio:9000'),
    });
  });

  test('--kubectl: commands that name files and variables, and make the same data when run', () => {
    const yaml = objectsOf(runCli(['manifests', '--namespace', 'team-a'], { env }).stdout);
    const result = runCli(['manifests', '--namespace', 'team-a', '--kubectl'], { env });
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/CANARY/);
    expect(result.stdout).not.toMatch(/-f -n/);
    const commands = result.stdout.split('\n').filter((l) => l.startsWith('kubectl create secret'));
    expect(commands).toHaveLength(3);
    for (const command of commands) {
      const name = command.split(' ')[4];
      expect(kubectlDryRun(command)).toEqual(
        yaml.find((o) => o.kind === 'Secret' && o.metadata.name === name)?.data,
      );
    }
    expect(result.stdout).toContain("kubectl apply --namespace team-a -f - <<'EOF'");
  });
});
