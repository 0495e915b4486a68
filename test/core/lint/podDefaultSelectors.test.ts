import { b64, codes, lintDocs, lintText, one, only, podDefault, secret } from './lintHelpers';

const envSecret = secret('aws-configuration', { data: { AWS_REGION: b64('us-east-1') } });
const envSpec = { envFrom: [{ secretRef: { name: 'aws-configuration' } }] };

describe('PD_SELECTOR_REUSED', () => {
  test('two PodDefaults with the same matchLabels (the guide AWS mistake); objects are the PodDefaults only', () => {
    const r = lintDocs([
      envSecret,
      podDefault('docker-config', envSpec),
      podDefault('aws-credentials', envSpec, { label: 'docker-config' }),
    ]);
    const f = one(r, 'PD_SELECTOR_REUSED');
    expect(f).toMatchObject({
      severity: 'warning',
      subject: 'PodDefault/aws-credentials',
      objects: ['PodDefault/aws-credentials', 'PodDefault/docker-config'],
    });
    expect(f.fix).toContain('aws-credentials: "true"');
  });

  test('near miss: the same labels in different namespaces, or distinct labels', () => {
    const other = podDefault('aws-credentials', envSpec, { label: 'docker-config', ns: 'other' });
    const otherSecret = secret('aws-configuration', { ns: 'other', data: { AWS_REGION: b64('x') } });
    expect(
      codes(lintDocs([envSecret, otherSecret, podDefault('docker-config', envSpec), other])),
    ).not.toContain('PD_SELECTOR_REUSED');
    expect(codes(lintDocs([envSecret, podDefault('a', envSpec), podDefault('b', envSpec)]))).not.toContain(
      'PD_SELECTOR_REUSED',
    );
  });

  test('near miss: PodDefaults without matchLabels never count as reusing', () => {
    const r = lintDocs([
      envSecret,
      podDefault('a', envSpec, { label: null }),
      podDefault('b', envSpec, { label: null }),
    ]);
    expect(codes(r)).not.toContain('PD_SELECTOR_REUSED');
  });
});

describe('selector shapes the spawner cannot use', () => {
  const withSelector = (selector: unknown) =>
    lintDocs([envSecret, { ...podDefault('p', envSpec), spec: { selector, desc: 'd', ...envSpec } }]);

  test('PD_SELECTOR_LABEL_VALUE_NOT_TRUE looks at the first key in sorted order', () => {
    const f = one(withSelector({ matchLabels: { b: 'true', a: 'yes' } }), 'PD_SELECTOR_LABEL_VALUE_NOT_TRUE');
    expect(f.message).toContain('a: "yes"');
    expect(f.objects).toEqual(['PodDefault/p']);
  });

  test('near miss: "true" on the first key; an unquoted true is a schema error instead', () => {
    expect(codes(withSelector({ matchLabels: { p: 'true' } }))).toEqual([]);
    const r = lintText(
      'apiVersion: kubeflow.org/v1alpha1\nkind: PodDefault\nmetadata: {name: p, namespace: user}\nspec:\n  desc: d\n  selector:\n    matchLabels:\n      p: true\n',
    );
    expect(codes(r)).toEqual(['PD_SCHEMA_INVALID']);
    expect(r.findings[0].fix).toContain('Quote');
    expect(r.findings[0].location).toMatchObject({ line: 8, column: 10 });
  });

  test('PD_SELECTOR_MULTIPLE_LABELS when more than one label must match', () => {
    const r = withSelector({ matchLabels: { a: 'true', b: 'true' } });
    expect(codes(r)).toEqual(['PD_SELECTOR_MULTIPLE_LABELS']);
  });

  test('PD_SELECTOR_NO_MATCHLABELS for matchExpressions only, and an empty matchLabels', () => {
    const r = withSelector({ matchExpressions: [{ key: 'a', operator: 'Exists' }] });
    expect(codes(r)).toEqual(['PD_SELECTOR_NO_MATCHLABELS']);
    expect(
      codes(withSelector({ matchLabels: {}, matchExpressions: [{ key: 'a', operator: 'Exists' }] })),
    ).toEqual(['PD_SELECTOR_NO_MATCHLABELS']);
  });

  test('PD_SELECTOR_EMPTY for selector: {} (which the spawner cannot list either)', () => {
    const r = withSelector({});
    expect(codes(r)).toEqual(['PD_SELECTOR_NO_MATCHLABELS', 'PD_SELECTOR_EMPTY']);
    expect(one(r, 'PD_SELECTOR_EMPTY').severity).toBe('warning');
  });

  test('near miss: a selector with one label is not empty', () => {
    expect(codes(withSelector({ matchLabels: { p: 'true' } }))).not.toContain('PD_SELECTOR_EMPTY');
  });

  test('a missing selector is a schema error (spec.selector is required) and lists no matchLabels', () => {
    const r = withSelector(undefined);
    expect(codes(r)).toEqual(['PD_SCHEMA_INVALID', 'PD_SELECTOR_NO_MATCHLABELS']);
  });
});

describe('PD_MISSING_DESC', () => {
  test('raised when spec.desc is absent or empty', () => {
    const p = podDefault('p', envSpec);
    delete (p.spec as Record<string, unknown>).desc;
    const f = one(lintDocs([envSecret, p]), 'PD_MISSING_DESC');
    expect(f).toMatchObject({ severity: 'info', subject: 'PodDefault/p', objects: ['PodDefault/p'] });
    expect(codes(lintDocs([envSecret, podDefault('p', { ...envSpec, desc: ' ' })]))).toEqual([
      'PD_MISSING_DESC',
    ]);
  });

  test('near miss: a desc', () => {
    expect(codes(lintDocs([envSecret, podDefault('p', envSpec)]))).toEqual([]);
  });
});

describe('PD_SCHEMA_INVALID (the CRD openAPIV3Schema)', () => {
  test('an unknown field, a wrong type, a missing mountPath and a wrong apiVersion', () => {
    const p = podDefault('p', {
      volumeMount: [],
      volumeMounts: [{ name: 'v' }],
      volumes: [{ name: 'v', secret: { secretName: 'aws-configuration', defaultMode: 'rw' } }],
    });
    const r = lintDocs([envSecret, { ...p, apiVersion: 'kubeflow.org/v1' }]);
    const messages = only(r, 'PD_SCHEMA_INVALID').map((f) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('kubeflow.org/v1alpha1'),
        expect.stringContaining('spec.volumeMount is not a field'),
        expect.stringContaining('spec.volumeMounts[0].mountPath is required'),
        expect.stringContaining('spec.volumes[0].secret.defaultMode must be an integer'),
      ]),
    );
  });

  test('YAML 1.1 as kubectl reads it: 0644 is an integer (420), yes is a boolean', () => {
    const base =
      'apiVersion: kubeflow.org/v1alpha1\nkind: PodDefault\nmetadata: {name: p, namespace: user}\nspec:\n  desc: d\n  selector: {matchLabels: {p: "true"}}\n  volumes:\n  - name: v\n    emptyDir: {}\n';
    expect(codes(lintText(`${base}  automountServiceAccountToken: yes\n`))).toEqual([]);
    expect(codes(lintText(`${base}  volumeMounts: [{name: v, mountPath: /x, readOnly: on}]\n`))).toEqual([]);
    expect(codes(lintText(`${base}  annotations: {a: 0644}\n`))).toEqual(['PD_SCHEMA_INVALID']);
  });

  test('near miss: nulls are pruned, as the API server prunes them', () => {
    const r = lintText(
      'apiVersion: kubeflow.org/v1alpha1\nkind: PodDefault\nmetadata: {name: p, namespace: user}\nspec:\n  desc: d\n  selector: {matchLabels: {p: "true"}}\n  env:\n',
    );
    expect(codes(r)).toEqual([]);
  });
});
