/** `lint` end to end: the built CLI on real files, its JSON checked against the contract's schema. */
import { makeTempHome, type TempHome } from '../support/tempHome';
import { runCli } from '../support/runCli';
import { schemaErrors, validateLint } from '../support/schemas';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const CANARY = 'CANARYlintSecret7x';

const goodSecret = `apiVersion: v1
kind: Secret
metadata: {name: docker-secret, namespace: team-a}
type: Opaque
data:
  config.json: ${b64(JSON.stringify({ auths: { 'quay.io': { auth: b64(`bot:${CANARY}`) } } }))}
`;
const goodPodDefault = `apiVersion: kubeflow.org/v1alpha1
kind: PodDefault
metadata: {name: docker-config, namespace: team-a}
spec:
  desc: Docker credentials
  selector: {matchLabels: {docker-config: "true"}}
  volumeMounts: [{name: docker-secret-volume, mountPath: /home/kubeflow/.docker}]
  volumes: [{name: docker-secret-volume, secret: {secretName: docker-secret}}]
`;

describe('lint', () => {
  let dir: TempHome;
  beforeEach(() => {
    dir = makeTempHome('kc-lint-');
  });
  afterEach(() => dir.remove());

  function lintJson(...files: string[]) {
    const result = runCli(['lint', '--json', ...files]);
    const output = JSON.parse(result.stdout);
    expect(schemaErrors(validateLint, output)).toBe('');
    return { result, output };
  }

  test('a clean set in two files: exit 0, every object listed, no finding', () => {
    const { result, output } = lintJson(
      dir.write('secret.yaml', goodSecret),
      dir.write('pd.yaml', goodPodDefault),
    );
    expect(result.status).toBe(0);
    expect(output.objects).toEqual(['Secret/docker-secret', 'PodDefault/docker-config']);
    expect(output.findings).toEqual([]);
  });

  test('the set is judged as a whole: a PodDefault whose Secret is elsewhere, and one missing', () => {
    const pd = dir.write('pd.yaml', goodPodDefault);
    const alone = lintJson(pd);
    expect(alone.result.status).toBe(1);
    expect(alone.output.findings.map((f: { code: string }) => f.code)).toContain('PD_SECRET_NOT_FOUND');
    expect(lintJson(pd, dir.write('s.yaml', goodSecret)).result.status).toBe(0);
  });

  test('a multi-document file with the guide mistakes; findings carry objects and locations', () => {
    const reused = goodPodDefault
      .replace('name: docker-config,', 'name: aws-credentials,')
      .replace(/docker-secret-volume/g, 'aws-secret-volume')
      .replace('/home/kubeflow/.docker', '/home/kubeflow/.aws')
      .replace('secretName: docker-secret', 'secretName: docker-secret');
    const file = dir.write('set.yaml', `${goodSecret}---\n${goodPodDefault}---\n${reused}`);
    const { result, output } = lintJson(file);
    expect(result.status).toBe(0); // PD_SELECTOR_REUSED is a warning
    const reusedFinding = output.findings.find((f: { code: string }) => f.code === 'PD_SELECTOR_REUSED');
    expect(reusedFinding.objects).toEqual(['PodDefault/aws-credentials', 'PodDefault/docker-config']);
    expect(reusedFinding.location.file).toBe(file);
    expect(reusedFinding.location.line).toBeGreaterThan(1);
  });

  test('files that do not parse, do not exist, are directories or binary are findings, not crashes', () => {
    const files = [
      dir.write('broken.yaml', 'kind: Secret\nmetadata: [unclosed\n'),
      dir.path('missing.yaml'),
      dir.mkdir('a-directory'),
      dir.write('binary.yaml', Uint8Array.from([0xff, 0xfe, 0x00, 0x81])),
      dir.write('ok.yaml', goodSecret),
    ];
    const { result, output } = lintJson(...files);
    expect(result.status).toBe(1);
    const invalid = output.findings.filter((f: { code: string }) => f.code === 'MANIFEST_YAML_INVALID');
    expect(invalid.map((f: { subject: string }) => f.subject).sort()).toEqual(files.slice(0, 4).sort());
    expect(invalid.every((f: { objects: string[] }) => f.objects.length === 0)).toBe(true);
    expect(output.objects).toEqual(['Secret/docker-secret']); // the readable file is still linted
    expect(result.stdout + result.stderr).not.toContain('unclosed');
  });

  test('a secret in the linted data appears in no output, human or JSON', () => {
    const bad = goodSecret.replace('namespace: team-a', 'namespace: team-b');
    const files = [dir.write('s.yaml', bad), dir.write('pd.yaml', goodPodDefault)];
    const outputs = [runCli(['lint', ...files]), runCli(['lint', '--json', ...files])];
    for (const o of outputs) {
      expect(o.stdout.length).toBeGreaterThan(100);
      expect(o.stdout + o.stderr).not.toContain(CANARY);
      expect(o.stdout + o.stderr).not.toContain(b64(`bot:${CANARY}`));
    }
    expect(outputs[0].stdout).toContain('PD_NAMESPACE_MISMATCH');
  });

  test('usage: no file is exit 2; --namespace places objects without one', () => {
    expect(runCli(['lint']).status).toBe(2);
    const noNamespace = dir.write('s.yaml', goodSecret.replace(', namespace: team-a', ''));
    const pd = dir.write('pd.yaml', goodPodDefault);
    const elsewhere = lintJson('--namespace', 'other', noNamespace, pd).output;
    expect(elsewhere.findings.map((f: { code: string }) => f.code)).toContain('PD_NAMESPACE_MISMATCH');
    const same = lintJson('--namespace', 'team-a', noNamespace, pd).output;
    const sameCodes = same.findings.map((f: { code: string }) => f.code);
    expect(sameCodes).not.toContain('PD_NAMESPACE_MISMATCH');
    expect(sameCodes).not.toContain('PD_SECRET_NOT_FOUND');
  });
});
