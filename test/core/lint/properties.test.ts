/** Property tests: lint never throws, never leaks a planted secret, and always gives the contract's shape. */
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { lintManifests, rethrowInternalErrorsForTests, type LintResult } from '../../../src/core/lint';
import { objectsRuleProblem } from './objectsRule';

function loadLintSchema(): object {
  const dirs = [
    path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'contract'),
    path.resolve(__dirname, '..', '..', 'contract'),
  ];
  for (const dir of dirs) {
    try {
      return JSON.parse(readFileSync(path.join(dir, 'lint.schema.json'), 'utf8'));
    } catch {
      // try the next location
    }
  }
  throw new Error('lint.schema.json not found');
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateLint = ajv.compile(loadLintSchema());

function expectContractShape(result: LintResult): void {
  if (!validateLint(result)) throw new Error(ajv.errorsText(validateLint.errors));
  for (const f of result.findings) {
    expect(objectsRuleProblem(f)).toBeNull();
    expect([...f.objects]).toEqual([...f.objects].sort());
    expect(new Set(f.objects).size).toBe(f.objects.length);
    expect(f.message).not.toBe('');
    expect(f.message).not.toContain('\n');
    if (f.location) {
      expect(f.location.line).toBeGreaterThanOrEqual(1);
      expect(f.location.column).toBeGreaterThanOrEqual(1);
      expect(f.location.endLine * 1e6 + f.location.endColumn).toBeGreaterThanOrEqual(
        f.location.line * 1e6 + f.location.column,
      );
    }
  }
}

beforeAll(() => rethrowInternalErrorsForTests(true));
afterAll(() => rethrowInternalErrorsForTests(false));

const names = fc.constantFrom('a.yaml', 'b.yml', 'guide.md', 'run.sh', 'x.json', '');

describe('never throws', () => {
  test('on arbitrary text', () => {
    fc.assert(
      fc.property(names, fc.fullUnicodeString({ maxLength: 400 }), (name, text) => {
        expectContractShape(lintManifests([{ name: name || 'f.yaml', text }]));
      }),
      { numRuns: 300 },
    );
  });

  const yamlish = fc
    .array(
      fc.constantFrom(
        'apiVersion: v1',
        'apiVersion: kubeflow.org/v1alpha1',
        'kind: Secret',
        'kind: PodDefault',
        'kind: List',
        'items:',
        '- kind: Secret',
        'metadata:',
        '  name: x',
        '  name: Docker_Secret',
        '  namespace: user',
        'data:',
        '  config.json: e30=',
        '  S3_ENDPOINT: bWluaW86OTAwMAo=',
        '  k: not base64',
        'stringData:',
        '  credentials: "[default]"',
        'spec:',
        '  selector:',
        '    matchLabels:',
        '      a: "true"',
        '      b: yes',
        '  volumes:',
        '  - name: v',
        '    secret: {secretName: x, items: [{key: k, path: config.json}]}',
        '  volumeMounts:',
        '  - {name: v, mountPath: /home/kubeflow/.docker/}',
        '  env: [{name: A, value: b}]',
        '  envFrom: [{secretRef: {name: x}}]',
        '---',
        '- a',
        '  - b',
        '&a x',
        '*a',
        '<<: *a',
        '{',
        '[',
        ':',
        '"',
        "'",
        '\t',
        '    ',
        '```yaml',
        '```',
        '# kubectl create -f -n ns x',
        'kubectl apply -f --namespace=x \\',
      ),
      { maxLength: 40 },
    )
    .map((lines) => lines.join('\n'));

  test('on YAML-ish documents', () => {
    fc.assert(
      fc.property(names, yamlish, (name, text) => {
        expectContractShape(lintManifests([{ name: name || 'f.yaml', text }]));
      }),
      { numRuns: 500 },
    );
  });

  test('on arbitrary JSON values as documents, bare and inside Secret, PodDefault and List shapes', () => {
    const meta = fc.record({
      name: fc.oneof(fc.string(), fc.constant('x')),
      namespace: fc.oneof(fc.string(), fc.jsonValue()),
    });
    const shaped = fc.oneof(
      fc.jsonValue(),
      fc.record({
        apiVersion: fc.constant('v1'),
        kind: fc.constant('Secret'),
        metadata: meta,
        data: fc.jsonValue(),
        stringData: fc.dictionary(fc.string(), fc.jsonValue()),
        type: fc.jsonValue(),
      }),
      fc.record({
        apiVersion: fc.constant('kubeflow.org/v1alpha1'),
        kind: fc.constant('PodDefault'),
        metadata: meta,
        spec: fc.record({
          selector: fc.jsonValue(),
          volumes: fc.array(
            fc.record({ name: fc.oneof(fc.constant('v'), fc.jsonValue()), secret: fc.jsonValue() }),
          ),
          volumeMounts: fc.array(
            fc.record({ name: fc.oneof(fc.constant('v'), fc.jsonValue()), mountPath: fc.jsonValue() }),
          ),
          env: fc.jsonValue(),
          envFrom: fc.array(
            fc.record({
              secretRef: fc.record({ name: fc.oneof(fc.constant('x'), fc.jsonValue()) }),
              prefix: fc.jsonValue(),
            }),
          ),
        }),
      }),
    );
    const docs = fc.array(shaped, { maxLength: 6 });
    fc.assert(
      fc.property(docs, fc.boolean(), (values, asList) => {
        const text = asList
          ? JSON.stringify({ apiVersion: 'v1', kind: 'List', items: values })
          : values.map((v) => stringify(v, { version: '1.1' })).join('---\n');
        expectContractShape(
          lintManifests([
            { name: 'set.yaml', text },
            { name: 'same.json', text: JSON.stringify(values) },
          ]),
        );
      }),
      { numRuns: 150 },
    );
  });

  test('on deeply nested and huge input', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expectContractShape(lintManifests([{ name: 'deep.yaml', text: deep }]));
    const nested = `a:\n${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')}\n`;
    expectContractShape(lintManifests([{ name: 'nested.yaml', text: nested }]));
    const big = `apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: u}\ndata:\n  k: ${'QUJD'.repeat(300000)}\n`;
    expectContractShape(lintManifests([{ name: 'big.yaml', text: big }]));
  });
});

describe('canary: a secret planted in Secret data never appears in the result', () => {
  const canary = fc.stringMatching(/^[A-Za-z0-9]{6,20}$/).map((s) => `CANARY${s}`);
  const b64 = (s: string) => Buffer.from(s).toString('base64');

  test('in Docker auth, AWS keys, env values, broken base64 and PodDefault env values', () => {
    fc.assert(
      fc.property(canary, fc.constantFrom('', '\n', ' #x', '"'), (secret, suffix) => {
        const docker = JSON.stringify({
          auths: {
            'quay.io': { auth: b64(`bot:${secret}${suffix}`) },
            'ghcr.io': { auth: `${secret}${suffix}` },
            'gcr.io': { password: secret, identitytoken: secret },
          },
          credsStore: 'desktop',
        });
        const aws = `[Default]\naws_access_key_id = AKIA${secret}\naws_secret_access_key = ${secret}${suffix}\n  ${secret}\n[default]\n`;
        const text = [
          `apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: user}\ndata:\n  config.json: ${b64(docker)}\n  credentials: ${b64(aws)}\n  AWS_SECRET_ACCESS_KEY: ${b64(`${secret}${suffix}`)}\n  AWS_SESSION_TOKEN: ${b64(secret)}\n  S3_ENDPOINT: ${b64(`${secret}:9000`)}\n  bad: ${secret}!\n  AWS_ACCESS_KEY_ID: ${secret}-\n`,
          `apiVersion: v1\nkind: Secret\nmetadata: {name: t}\nstringData:\n  AWS_SECRET_ACCESS_KEY: "${secret}\\n"\n  S3_FORCE_PATH_STYLE: ${secret}\n  S3_SIGNATURE_VERSION: ${secret}\n  config.json: '${secret}'\n  credentials: "${secret}"\n`,
          `apiVersion: kubeflow.org/v1alpha1\nkind: PodDefault\nmetadata: {name: p, namespace: user}\nspec:\n  selector: {matchLabels: {p: "${secret}"}}\n  env:\n  - {name: AWS_SECRET_ACCESS_KEY, value: ${secret}}\n  - {name: X, value: ${secret}}\n`,
          `apiVersion: kubeflow.org/v1alpha1\nkind: PodDefault\nmetadata: {name: q, namespace: user}\nspec:\n  selector: {matchLabels: {q: "true"}}\n  env: [{name: X, value: ${secret}x}]\n  annotations: {a: 1}\n`,
        ].join('---\n');
        const out = JSON.stringify(lintManifests([{ name: 'set.yaml', text }]));
        expect(out).not.toContain(secret);
      }),
      { numRuns: 100 },
    );
  });
});

test('deterministic: the same input gives the same result', () => {
  const text = readFileSync(
    path.resolve(__dirname, '..', '..', 'fixtures', 'lint', 'sdk-credentials-guide.md'),
    'utf8',
  );
  const a = lintManifests([{ name: 'g.md', text }]);
  expectContractShape(a);
  expect(lintManifests([{ name: 'g.md', text }])).toEqual(a);
});

test('a very large number of findings does not overflow the stack', () => {
  const keys = Array.from({ length: 150000 }, (_, i) => `  k${i}/x: "%"`).join('\n');
  const text = `apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: u}\ndata:\n${keys}\n`;
  const r = lintManifests([{ name: 'many.yaml', text }]);
  expect(r.findings.length).toBe(300000);
});
