import { lintManifests } from '../../src/core/lint';
import type { Finding } from '../../src/core/finding';
import { diagnosticsByFile, holdsManifests, toDiagnostic, toRange } from '../../src/vscode/lintRanges';

const loc = (line: number, column: number, endLine: number, endColumn: number) => ({
  file: 'a.yaml',
  line,
  column,
  endLine,
  endColumn,
});
const finding = (over: Partial<Finding>): Finding => ({
  code: 'PD_X',
  severity: 'error',
  subject: 'PodDefault/a',
  message: 'Something is wrong.',
  fix: 'Change it.',
  objects: ['PodDefault/a'],
  ...over,
});

describe('findings to diagnostic ranges', () => {
  test('1-based with an exclusive end becomes 0-based with an exclusive end', () => {
    expect(toRange(loc(3, 5, 3, 12))).toEqual({
      startLine: 2,
      startCharacter: 4,
      endLine: 2,
      endCharacter: 11,
    });
    expect(toRange(loc(1, 1, 4, 1))).toEqual({
      startLine: 0,
      startCharacter: 0,
      endLine: 3,
      endCharacter: 0,
    });
  });

  test('an inverted or out-of-range location never gives a negative or backwards range', () => {
    expect(toRange(loc(0, 0, 0, 0))).toEqual({
      startLine: 0,
      startCharacter: 0,
      endLine: 0,
      endCharacter: 0,
    });
    expect(toRange(loc(5, 9, 5, 2))).toEqual({
      startLine: 4,
      startCharacter: 8,
      endLine: 4,
      endCharacter: 8,
    });
    expect(toRange(loc(5, 9, 2, 2)).endLine).toBe(4);
  });

  test('the message carries the fix; the code stays the code', () => {
    const d = toDiagnostic(finding({}), toRange(loc(1, 1, 1, 2)));
    expect(d).toMatchObject({
      code: 'PD_X',
      severity: 'error',
      message: 'Something is wrong.\nFix: Change it.',
    });
    expect(toDiagnostic(finding({ fix: null }), toRange(loc(1, 1, 1, 2))).message).toBe(
      'Something is wrong.',
    );
  });

  test('grouped by the file each finding points into; unlocated ones by subject, else the fallback', () => {
    const byFile = diagnosticsByFile(
      [
        finding({ location: loc(2, 1, 2, 5) }),
        finding({ location: { ...loc(7, 3, 7, 9), file: 'b.yaml' } }),
        finding({ subject: 'b.yaml', code: 'MANIFEST_YAML_INVALID' }),
        finding({ subject: 'PodDefault/z', code: 'UNLOCATED' }),
      ],
      ['a.yaml', 'b.yaml', 'c.yaml'],
      'a.yaml',
    );
    expect(byFile.get('a.yaml')!.map((d) => d.code)).toEqual(['PD_X', 'UNLOCATED']);
    expect(byFile.get('a.yaml')![1].range).toEqual({
      startLine: 0,
      startCharacter: 0,
      endLine: 0,
      endCharacter: 0,
    });
    expect(byFile.get('b.yaml')!.map((d) => `${d.code}@${d.range.startLine}`)).toEqual([
      'PD_X@6',
      'MANIFEST_YAML_INVALID@0',
    ]);
    // Files without findings get an empty list, so their old diagnostics are cleared.
    expect(byFile.get('c.yaml')).toEqual([]);
  });

  test('real lint findings land on the YAML node they are about', () => {
    const text = [
      'apiVersion: kubeflow.org/v1alpha1',
      'kind: PodDefault',
      'metadata:',
      '  name: a',
      '  namespace: team',
      'spec:',
      '  desc: A',
      '  selector:',
      '    matchLabels:',
      '      a: "yes"',
      '',
    ].join('\n');
    const result = lintManifests([{ name: 'pd.yaml', text }], {});
    const byFile = diagnosticsByFile(result.findings, ['pd.yaml'], 'pd.yaml');
    const notTrue = byFile.get('pd.yaml')!.find((d) => d.code === 'PD_SELECTOR_LABEL_VALUE_NOT_TRUE')!;
    expect(notTrue).toBeDefined();
    const lines = text.split('\n');
    expect(lines[notTrue.range.startLine]).toContain('a: "yes"');
  });
});

describe('which documents are manifests', () => {
  test.each([
    'kind: Secret\n',
    'apiVersion: v1\nkind: "PodDefault"\n',
    "items:\n- kind: 'Secret'\n",
    'kind: Secret # the docker one\n',
  ])('%j holds one', (text) => expect(holdsManifests(text)).toBe(true));

  test.each([
    'kind: ConfigMap\n',
    'kind: SecretStore\n',
    '# kind: Secret\n',
    'mykind: Secret\n',
    'description: kind: Secret',
  ])('%j does not', (text) => expect(holdsManifests(text)).toBe(false));
});
