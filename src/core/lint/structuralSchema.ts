/**
 * A validator for the structural OpenAPI v3 schemas of CustomResourceDefinitions, enough for the PodDefault CRD:
 * type, properties, required, items, additionalProperties, anyOf, pattern, format int32/int64,
 * x-kubernetes-int-or-string. It interprets the schema instead of compiling it (ajv's `new Function` is refused by
 * pages whose CSP forbids 'unsafe-eval', and compiling costs start-up time), and it reports paths, never values.
 *
 * As the API server does: a null value of a non-nullable field is pruned (so it counts as absent), and an unknown
 * field is an error, which is what kubectl's default strict field validation makes of it (older servers drop it).
 */
import { isObject, type Json, type PathSegment } from './types';

export interface StructuralSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, StructuralSchema>>;
  readonly required?: readonly string[];
  readonly items?: StructuralSchema;
  readonly additionalProperties?: StructuralSchema | boolean;
  readonly anyOf?: readonly StructuralSchema[];
  readonly pattern?: string;
  readonly format?: string;
  readonly nullable?: boolean;
  readonly enum?: readonly Json[];
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
}

export type SchemaIssue =
  | {
      readonly kind: 'type';
      readonly path: PathSegment[];
      readonly expected: string;
      readonly actual: string;
    }
  | { readonly kind: 'unknown'; readonly path: PathSegment[]; readonly known: readonly string[] }
  | { readonly kind: 'required'; readonly path: PathSegment[] }
  | { readonly kind: 'format'; readonly path: PathSegment[]; readonly expected: string };

export function jsonTypeName(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const patternCache = new Map<string, RegExp | null>();
function patternOf(source: string): RegExp | null {
  let re = patternCache.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source, 'u');
    } catch {
      re = null;
    }
    patternCache.set(source, re);
  }
  return re;
}

const INT32 = 2 ** 31;

function typeMatches(type: string, value: Json): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    default:
      return true;
  }
}

function expectedName(schema: StructuralSchema): string {
  if (schema['x-kubernetes-int-or-string']) return 'an integer or a string';
  switch (schema.type) {
    case 'object':
      return 'a mapping';
    case 'array':
      return 'a list';
    case 'integer':
      return 'an integer';
    default:
      return `a ${schema.type}`;
  }
}

/** Whether `value` matches `schema` (no issues), used for anyOf branches. */
function matches(schema: StructuralSchema, value: Json): boolean {
  const probe: SchemaIssue[] = [];
  check(schema, value, [], probe, 1);
  return probe.length === 0;
}

function check(
  schema: StructuralSchema,
  value: Json,
  path: PathSegment[],
  issues: SchemaIssue[],
  limit: number,
): void {
  if (issues.length >= limit) return;
  if (schema.anyOf && !schema.anyOf.some((branch) => matches(branch, value))) {
    issues.push({ kind: 'type', path, expected: expectedName(schema), actual: jsonTypeName(value) });
    return;
  }
  if (schema.type && !typeMatches(schema.type, value)) {
    if (!(schema.nullable && value === null)) {
      issues.push({ kind: 'type', path, expected: expectedName(schema), actual: jsonTypeName(value) });
    }
    return;
  }
  if (typeof value === 'string' && schema.pattern) {
    const re = patternOf(schema.pattern);
    if (re && !re.test(value))
      issues.push({ kind: 'format', path, expected: 'a quantity such as 500m, 2 or 1Gi' });
  }
  if (typeof value === 'number' && Number.isInteger(value)) {
    if (schema.format === 'int32' && (value >= INT32 || value < -INT32))
      issues.push({ kind: 'format', path, expected: 'a 32-bit integer' });
  }
  if (Array.isArray(value) && schema.items) {
    for (let i = 0; i < value.length && issues.length < limit; i++)
      check(schema.items, value[i], [...path, i], issues, limit);
  }
  if (isObject(value)) {
    const props = schema.properties;
    for (const [key, v] of Object.entries(value)) {
      if (issues.length >= limit) return;
      const sub = props && Object.prototype.hasOwnProperty.call(props, key) ? props[key] : undefined;
      // The API server prunes a null of a non-nullable field before it validates.
      if (v === null && !(sub?.nullable ?? false)) continue;
      if (sub) check(sub, v, [...path, key], issues, limit);
      else if (typeof schema.additionalProperties === 'object')
        check(schema.additionalProperties, v, [...path, key], issues, limit);
      else if (
        props &&
        schema.additionalProperties !== true &&
        !schema['x-kubernetes-preserve-unknown-fields']
      )
        issues.push({ kind: 'unknown', path: [...path, key], known: Object.keys(props) });
    }
    for (const key of schema.required ?? []) {
      if (issues.length >= limit) return;
      const v = Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
      if (v === undefined || v === null) issues.push({ kind: 'required', path: [...path, key] });
    }
  }
}

/** The first `limit` problems of `value` against `schema`, in document order. */
export function validateStructural(schema: StructuralSchema, value: Json, limit = 10): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  check(schema, value, [], issues, limit);
  return issues;
}

/** `spec.volumes[0].secret.secretName`, for messages. */
export function pathText(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out || '(the object)';
}
