/** The embedded PodDefault CRD schema is the reference one, and the structural validator agrees with ajv on it. */
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import embedded from '../../../src/core/lint/poddefaultCrdSchema.json';
import { validateStructural, type StructuralSchema } from '../../../src/core/lint/structuralSchema';
import type { Json } from '../../../src/core/lint/types';

// The shared reference when this checkout sits beside it, else the copy kept with the fixtures.
const SHARED_CRD = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'reference',
  'poddefault-crd.yaml',
);
const CRD = existsSync(SHARED_CRD)
  ? SHARED_CRD
  : path.resolve(__dirname, '..', '..', 'fixtures', 'lint', 'poddefault-crd.yaml');

test('poddefaultCrdSchema.json is the reference CRD, unmodified', () => {
  const crd = parse(readFileSync(CRD, 'utf8'));
  const version = crd.spec.versions[0];
  expect(embedded).toEqual({
    group: crd.spec.group,
    version: version.name,
    kind: crd.spec.names.kind,
    openAPIV3Schema: version.schema.openAPIV3Schema,
  });
});

/** The CRD schema as plain JSON Schema: unknown fields refused, Kubernetes extensions dropped. */
function asJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (!k.startsWith('x-kubernetes-')) out[k] = asJsonSchema(v);
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

const schema = embedded.openAPIV3Schema as unknown as StructuralSchema;
const ajv = new Ajv2020({ strict: false, allErrors: false });
ajv.addFormat('int32', { type: 'number', validate: (n: number) => n >= -(2 ** 31) && n < 2 ** 31 });
ajv.addFormat('int64', { type: 'number', validate: () => true });
const ajvValidate = ajv.compile(asJsonSchema(schema) as object);

/** JSON values without nulls (the structural validator prunes them, plain JSON Schema does not). */
const noNull: fc.Arbitrary<Json> = fc.letrec<{ v: Json }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('name', 'mountPath', 'x', 'secret', 'items', 'key', 'path'), tie('v'), {
      maxKeys: 3,
    }),
  ),
})).v;

test('agrees with ajv on PodDefault-shaped values', () => {
  const pd = fc.record(
    {
      apiVersion: fc.constant('kubeflow.org/v1alpha1'),
      kind: fc.constant('PodDefault'),
      metadata: fc.constant({ name: 'p' }),
      spec: fc.record(
        {
          selector: fc.oneof(fc.constant({ matchLabels: { a: 'true' } }), noNull),
          desc: noNull,
          volumes: fc.array(
            fc.record({ name: fc.oneof(fc.constant('v'), noNull), secret: noNull }, { requiredKeys: [] }),
          ),
          volumeMounts: fc.array(
            fc.record(
              { name: fc.constant('v'), mountPath: fc.oneof(fc.constant('/m'), noNull), readOnly: noNull },
              { requiredKeys: ['name'] },
            ),
          ),
          env: fc.array(fc.record({ name: noNull, value: noNull }, { requiredKeys: [] })),
          tolerations: fc.array(
            fc.record({ key: noNull, tolerationSeconds: fc.oneof(fc.integer(), fc.constant(2 ** 40)) }),
          ),
          sidecars: fc.array(
            fc.record({
              name: fc.constant('s'),
              resources: fc.record({
                limits: fc.dictionary(
                  fc.string(),
                  fc.oneof(fc.integer(), fc.constantFrom('500m', '1Gi', 'lots')),
                ),
              }),
            }),
          ),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['apiVersion', 'kind', 'metadata'] },
  );
  fc.assert(
    fc.property(pd, (value) => {
      const ours = validateStructural(schema, value as Json, 1).length === 0;
      expect(ours).toBe(ajvValidate(value));
    }),
    { numRuns: 1000 },
  );
});
