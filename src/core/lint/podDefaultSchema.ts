/**
 * PD_SCHEMA_INVALID (this project's code): a PodDefault the API server refuses. The CRD's openAPIV3Schema
 * (poddefaultCrdSchema.json, copied unmodified from kubeflow/kubeflow's admission-webhook CRD), the one version it
 * serves (kubeflow.org/v1alpha1), and the object name rules the API server applies to every custom resource.
 */
import type { Finding } from '../finding';
import { isDns1123Subdomain } from '../k8sNames';
import { objectFinding } from './objectFinding';
import type { PodDefaultModel } from './podDefaults';
import crd from './poddefaultCrdSchema.json';
import { pathText, validateStructural, type SchemaIssue, type StructuralSchema } from './structuralSchema';
import type { JsonObject } from './types';

const API_VERSION = `${crd.group}/${crd.version}`;
const SCHEMA = crd.openAPIV3Schema as StructuralSchema;
/** metadata is typed `object` only; the API server checks it itself (name and namespace below). */
const SCHEMA_WITHOUT_METADATA: StructuralSchema = {
  ...SCHEMA,
  properties: { ...SCHEMA.properties, metadata: { type: 'object', additionalProperties: true } },
};
const MAX_ISSUES = 10;

function describeIssue(ref: string, issue: SchemaIssue): { message: string; fix: string } {
  const where = pathText(issue.path);
  const last = issue.path[issue.path.length - 1];
  switch (issue.kind) {
    case 'type': {
      const quote =
        issue.expected === 'a string' &&
        (issue.actual === 'boolean' || issue.actual === 'integer' || issue.actual === 'number');
      return {
        message: `${ref}: ${where} must be ${issue.expected}, not ${issue.actual === 'integer' ? 'an integer' : `a ${issue.actual}`}${quote ? ' (YAML reads an unquoted true, yes, on or a number as no string)' : ''}; the API server rejects it.`,
        fix: quote
          ? `Quote the value of ${where}, e.g. "true".`
          : `Write ${where} as ${issue.expected}, as the PodDefault CRD defines it.`,
      };
    }
    case 'unknown':
      return {
        message: `${ref}: ${where} is not a field the PodDefault CRD knows; kubectl's strict validation rejects it, and older clusters silently drop it.`,
        fix: `Remove it or correct its spelling; the fields there are ${issue.known.slice(0, 20).join(', ')}.`,
      };
    case 'required':
      return {
        message: `${ref}: ${where} is required by the PodDefault CRD but missing; the API server rejects it.`,
        fix:
          where === 'spec.selector'
            ? 'Add spec.selector.matchLabels with one label, e.g. my-credentials: "true".'
            : `Add ${String(last)} to ${pathText(issue.path.slice(0, -1))}.`,
      };
    case 'format':
      return {
        message: `${ref}: ${where} must be ${issue.expected}; the API server rejects it.`,
        fix: `Write ${where} as ${issue.expected}.`,
      };
  }
}

export function podDefaultSchemaFindings(pd: PodDefaultModel): Finding[] {
  const o = pd.object;
  const out: Finding[] = [];
  const add = (message: string, fix: string, path: (string | number)[], target: 'key' | 'value' = 'value') =>
    out.push(objectFinding(o, { code: 'PD_SCHEMA_INVALID', severity: 'error', message, fix, path, target }));

  const apiVersion = o.value.apiVersion;
  if (apiVersion !== API_VERSION) {
    add(
      `${o.ref} has apiVersion ${typeof apiVersion === 'string' ? apiVersion : '(none)'}, but the PodDefault CRD serves only ${API_VERSION}; kubectl rejects it.`,
      `Set apiVersion: ${API_VERSION}.`,
      ['apiVersion'],
    );
  }
  if (!isDns1123Subdomain(o.name)) {
    add(
      `${o.ref}: "${o.name}" is not a valid object name (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit).`,
      'Rename it, e.g. docker-config.',
      ['metadata', 'name'],
    );
  }
  const metadata = o.value.metadata as JsonObject;
  if (
    metadata.namespace !== undefined &&
    metadata.namespace !== null &&
    typeof metadata.namespace !== 'string'
  ) {
    add(`${o.ref}: metadata.namespace must be a string.`, 'Write the namespace name as text.', [
      'metadata',
      'namespace',
    ]);
  }
  for (const issue of validateStructural(SCHEMA_WITHOUT_METADATA, o.value, MAX_ISSUES)) {
    const { message, fix } = describeIssue(o.ref, issue);
    add(message, fix, issue.path, issue.kind === 'unknown' ? 'key' : 'value');
  }
  return out;
}
