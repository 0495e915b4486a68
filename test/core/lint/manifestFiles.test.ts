import { lintManifests } from '../../../src/core/lint';
import { markdownCodeBlocks } from '../../../src/core/lint/markdown';
import { b64, codes, lintText, one, only, podDefault, secret, toYaml } from './lintHelpers';

const goodSecret = toYaml(secret('s', { data: { AWS_REGION: b64('us-east-1') } }));

describe('MANIFEST_YAML_INVALID', () => {
  test('a file that does not parse: the file is the subject, objects [], line and column, no excerpt', () => {
    const text =
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  k: "unterminated-canary-value\n';
    const r = lintManifests([
      { name: 'bad.yaml', text },
      { name: 'good.yaml', text: goodSecret },
    ]);
    const f = one(r, 'MANIFEST_YAML_INVALID');
    expect(f).toMatchObject({ subject: 'bad.yaml', objects: [], severity: 'error' });
    expect(f.message).toMatch(/line \d+, column \d+/);
    expect(f.location).toMatchObject({ file: 'bad.yaml' });
    expect(JSON.stringify(r)).not.toContain('canary');
    expect(r.objects).toEqual(['Secret/s']);
    expect(r.files).toEqual(['bad.yaml', 'good.yaml']);
  });

  test('a key given twice, and tabs as indentation', () => {
    expect(codes(lintText('apiVersion: v1\nkind: Secret\nkind: Secret\nmetadata: {name: s}\n'))).toEqual([
      'MANIFEST_YAML_INVALID',
    ]);
    expect(codes(lintText('a:\n\tb: c\n'))).toEqual(['MANIFEST_YAML_INVALID']);
  });

  test('a document that is not a Kubernetes object; the other documents are still linted', () => {
    const text = `${goodSecret}---\njust text\n---\nkind: Secret\nmetadata: {namespace: user}\n---\n- a\n---\n`;
    const r = lintText(text);
    const found = only(r, 'MANIFEST_YAML_INVALID');
    expect(found.map((f) => f.message.split(': ').pop())).toEqual([
      'it is not a mapping.',
      'it has no metadata.name.',
      'it is a list, not a mapping.',
    ]);
    expect(found[0].location?.line).toBe(9);
    expect(r.objects).toEqual(['Secret/s']);
  });

  test('near miss: empty documents and comments are skipped, as kubectl skips them', () => {
    expect(codes(lintText(`---\n# nothing here\n---\n${goodSecret}---\n`))).toEqual([]);
  });

  test('aliases that expand without bound are refused, not expanded', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `${'b'.repeat(i)}: &${'a'.repeat(i + 1)} [${Array(10)
          .fill(`*${'a'.repeat(i)}`)
          .join(', ')}]`,
      );
    const r = lintText(lines.join('\n'));
    expect(codes(r)).toEqual(['MANIFEST_YAML_INVALID']);
  });
});

describe('objects', () => {
  test('every Kind/name read, in reading order, each once; other kinds are listed too', () => {
    const r = lintManifests([
      {
        name: 'a.yaml',
        text: toYaml(secret('s', { data: { k: b64('v') } }), {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'c', namespace: 'user' },
        }),
      },
      { name: 'b.yaml', text: toYaml(podDefault('p', {}), secret('s', { data: { k: b64('v') } })) },
    ]);
    expect(r.objects).toEqual(['Secret/s', 'ConfigMap/c', 'PodDefault/p']);
  });

  test('kind: List is expanded (kubectl get -o yaml), with locations inside the list', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [secret('a', { data: { k: 'not base64!' } }), podDefault('p', {})],
    };
    const r = lintText(toYaml(list));
    expect(r.objects).toEqual(['Secret/a', 'PodDefault/p']);
    expect(one(r, 'SECRET_DATA_NOT_BASE64').location?.line).toBe(10);
  });
});

describe('KUBECTL_FLAG_ORDER', () => {
  test('in a YAML comment; the file is the subject', () => {
    const r = lintText(`# create with: kubectl create -f -n user secret.yaml\n${goodSecret}`);
    const f = one(r, 'KUBECTL_FLAG_ORDER');
    expect(f).toMatchObject({ subject: 'set.yaml', objects: [], severity: 'warning' });
    expect(f.location).toMatchObject({ line: 1, column: 31, endLine: 1, endColumn: 36 });
  });

  test('in a shell script, across a continued line, with --filename and --namespace=', () => {
    const r = lintText(
      '#!/bin/sh\nkubectl apply \\\n  --filename \\\n  --namespace=user-canary secret.yaml\n',
      'deploy.sh',
    );
    const f = one(r, 'KUBECTL_FLAG_ORDER');
    expect(f.message).toContain('--namespace');
    expect(JSON.stringify(r)).not.toContain('canary');
    expect(f.location?.line).toBe(3);
  });

  test('near miss: -n before -f, -f - for stdin, echo -n, and a -f for another program', () => {
    const text = [
      'kubectl create -n user -f secret.yaml',
      'kubectl apply -f - -n user < secret.yaml',
      'echo -n "user:pw" | base64',
      'tail -f -n 20 log.txt',
      'kubectl get secret s -o yaml | grep -f -n',
    ].join('\n');
    expect(codes(lintText(text, 'notes.sh'))).toEqual([]);
  });
});

describe('Markdown', () => {
  test('fenced and indented code blocks, with their lines and indentation', () => {
    const md = '# T\n\n```yaml\na: 1\n```\n\ntext\n\n    kubectl x\n\n    more\n\nafter\n';
    const blocks = markdownCodeBlocks(md);
    expect(blocks.map((b) => [b.info, b.lines.map((l) => [l.line, l.text, l.columnOffset])])).toEqual([
      ['yaml', [[4, 'a: 1', 0]]],
      [
        null,
        [
          [9, 'kubectl x', 4],
          [10, '', 0],
          [11, 'more', 4],
        ],
      ],
    ]);
  });

  test('an indented line that continues a paragraph is not code', () => {
    expect(markdownCodeBlocks('-   item\n    continued\n')).toEqual([]);
  });

  test('YAML blocks with a kind are linted as manifests, located in the Markdown file', () => {
    const yaml = toYaml(secret('s', { data: { S3_ENDPOINT: b64('minio:9000') } }));
    const md = `Intro\n\n${yaml
      .trimEnd()
      .split('\n')
      .map((l) => `    ${l}`)
      .join(
        '\n',
      )}\n\nand\n\n\`\`\`sh\nkubectl create -f -n user secret.yaml\n\`\`\`\n\n\`\`\`json\n{"auths": {}}\n\`\`\`\n`;
    const r = lintText(md, 'guide.md');
    expect(codes(r)).toEqual(['S3_ENDPOINT_MISSING_SCHEME', 'KUBECTL_FLAG_ORDER']);
    expect(one(r, 'S3_ENDPOINT_MISSING_SCHEME').location).toMatchObject({
      file: 'guide.md',
      line: 9,
      column: 20,
    });
    expect(one(r, 'KUBECTL_FLAG_ORDER').location).toMatchObject({ line: 14, column: 16 });
  });

  test('a block that starts with a command and goes on with YAML output is read from its YAML', () => {
    const md =
      'Verify:\n\n    kubectl get secret s -o yaml\n\n    # output:\n\n    apiVersion: v1\n    kind: Secret\n    metadata:\n      name: s\n      namespace: user\n    data:\n      k: "%%"\n';
    const r = lintText(md, 'guide.md');
    expect(codes(r)).toEqual(['SECRET_DATA_NOT_BASE64']);
    expect(r.findings[0].location).toMatchObject({ line: 13, column: 10 });
  });
});

test('keys named like Object.prototype members are plain keys', () => {
  const text =
    'apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: user}\ntype: constructor\ndata:\n  __proto__: "%"\n---\n' +
    'apiVersion: kubeflow.org/v1alpha1\nkind: PodDefault\nmetadata: {name: p, namespace: user}\nspec:\n  desc: d\n  selector: {matchLabels: {p: "true"}}\n  constructor: x\n  toString: y\n';
  const r = lintText(text);
  expect(codes(r)).toEqual(['PD_SCHEMA_INVALID', 'PD_SCHEMA_INVALID', 'SECRET_DATA_NOT_BASE64']);
  expect(one(r, 'SECRET_DATA_NOT_BASE64').message).toContain('"__proto__"');
});

test('KUBECTL_FLAG_ORDER names the verb in its fix, wherever it stands', () => {
  const r = lintText('kubectl -n user apply -f -n other x.yaml\n', 'run.sh');
  expect(one(r, 'KUBECTL_FLAG_ORDER').fix).toContain('kubectl apply -n <namespace> -f <file>');
});
