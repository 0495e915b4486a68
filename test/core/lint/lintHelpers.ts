/** Builders for lint tests: objects are written as YAML 1.1 (as kubectl reads it), so strings stay strings. */
import { stringify } from 'yaml';
import type { Finding } from '../../../src/core/finding';
import { lintManifests, type LintOptions, type LintResult } from '../../../src/core/lint';

export type Obj = Record<string, unknown>;

export function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

export function toYaml(...docs: Obj[]): string {
  return docs.map((d) => stringify(d, { version: '1.1' })).join('---\n');
}

export function secret(
  name: string,
  opts: { ns?: string | null; data?: Obj; stringData?: Obj; type?: string } = {},
): Obj {
  const metadata: Obj = { name };
  if (opts.ns !== null) metadata.namespace = opts.ns ?? 'user';
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata,
    ...(opts.type ? { type: opts.type } : {}),
    ...(opts.data ? { data: opts.data } : {}),
    ...(opts.stringData ? { stringData: opts.stringData } : {}),
  };
}

export function podDefault(
  name: string,
  spec: Obj,
  opts: { ns?: string | null; label?: string | null } = {},
): Obj {
  const metadata: Obj = { name };
  if (opts.ns !== null) metadata.namespace = opts.ns ?? 'user';
  const selector = opts.label === null ? undefined : { matchLabels: { [opts.label ?? name]: 'true' } };
  return {
    apiVersion: 'kubeflow.org/v1alpha1',
    kind: 'PodDefault',
    metadata,
    spec: { ...(selector ? { selector } : {}), desc: `Add ${name}`, ...spec },
  };
}

/** A PodDefault mounting Secret `secretName` as the guide does. */
export function mountingPodDefault(
  name: string,
  secretName: string,
  mountPath: string,
  extra: Obj = {},
): Obj {
  return podDefault(name, {
    volumeMounts: [{ name: `${name}-volume`, mountPath }],
    volumes: [{ name: `${name}-volume`, secret: { secretName, ...extra } }],
  });
}

export function lintDocs(docs: Obj[], options?: LintOptions): LintResult {
  return lintManifests([{ name: 'set.yaml', text: toYaml(...docs) }], options);
}

export function lintText(text: string, name = 'set.yaml', options?: LintOptions): LintResult {
  return lintManifests([{ name, text }], options);
}

export function codes(result: LintResult): string[] {
  return result.findings.map((f) => f.code);
}

export function only(result: LintResult, code: string): Finding[] {
  return result.findings.filter((f) => f.code === code);
}

export function one(result: LintResult, code: string): Finding {
  const found = only(result, code);
  if (found.length !== 1) {
    throw new Error(`expected one ${code}, got ${found.length}: ${JSON.stringify(result.findings, null, 1)}`);
  }
  return found[0];
}
