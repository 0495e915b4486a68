/**
 * lint: Kubernetes Secrets and Kubeflow PodDefaults judged the way the cluster will judge them: kubectl's YAML
 * reading, the API server's validation (Secret rules, the PodDefault CRD schema), the admission webhook's merge of
 * the PodDefaults one pod selects, the notebook spawner's use of selectors, and the Secrets' decoded content read
 * as the pod will read it. Pure: files come in as text, findings go out.
 */
import { finding, sortFindings, type Finding } from '../finding';
import { kubectlFlagOrderFindings } from './kubectlCommands';
import { namespaceMissingFindings } from './namespaceFindings';
import { mergeFindings, type SourceKeys } from './podDefaultMerge';
import { podDefaultSchemaFindings } from './podDefaultSchema';
import { readPodDefault, type PodDefaultModel } from './podDefaults';
import { readObjects } from './readObjects';
import { secretContentFindings } from './secretContent';
import { secretReferenceFindings, type SecretIndex } from './secretReferences';
import { readSecret, type SecretModel } from './secrets';
import { selectorFindings } from './selectorFindings';
import { fileSources, type LintFile } from './sources';
import { appendAll, isObject, unique, type ManifestObject } from './types';

export type { LintFile } from './sources';

export interface LintOptions {
  /**
   * The namespace objects without metadata.namespace land in: the kubectl context's (cli.md `--namespace`).
   * Default `default`, where kubectl puts them when the context names none.
   */
  readonly namespace?: string;
}

export interface LintResult {
  /** The files as given, in order. */
  readonly files: string[];
  /** `Kind/name` of every object read, in reading order (files, then documents), each once. */
  readonly objects: string[];
  /** Sorted by severity, code, subject (sortFindings). */
  readonly findings: Finding[];
}

export const DEFAULT_NAMESPACE = 'default';

let rethrow = false;
/** Tests only: let internal errors escape instead of skipping the stage, so property tests see them. */
export function rethrowInternalErrorsForTests(value: boolean): void {
  rethrow = value;
}

/** Runs one stage; a bug in it costs that stage's findings, never the whole lint. */
function safely<T>(fallback: T, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (rethrow) throw e;
    return fallback;
  }
}

/** The last object of each kind, namespace and name, as `kubectl apply` of the whole set would leave it. */
function latest<T extends { readonly object: ManifestObject }>(items: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) {
    const o = item.object;
    byId.delete(`${o.effectiveNamespace}\u0000${o.name}`);
    byId.set(`${o.effectiveNamespace}\u0000${o.name}`, item);
  }
  return [...byId.values()];
}

function secretIndex(secrets: readonly SecretModel[]): SecretIndex {
  const byId = new Map<string, SecretModel>();
  const namespaces = new Map<string, string[]>();
  for (const s of secrets) {
    byId.set(`${s.object.effectiveNamespace}\u0000${s.object.name}`, s);
    const list = namespaces.get(s.object.name);
    if (!list) namespaces.set(s.object.name, [s.object.effectiveNamespace]);
    else if (!list.includes(s.object.effectiveNamespace)) list.push(s.object.effectiveNamespace);
  }
  return {
    get: (namespace, name) => byId.get(`${namespace}\u0000${name}`),
    namespacesOf: (name) => namespaces.get(name) ?? [],
  };
}

/** ConfigMap keys (data and binaryData), for envFrom overlaps; nothing else is checked in ConfigMaps. */
function configMapKeys(objects: readonly ManifestObject[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const o of objects) {
    if (o.kind !== 'ConfigMap') continue;
    const keys = new Set<string>();
    for (const section of ['data', 'binaryData']) {
      const map = o.value[section];
      if (isObject(map)) Object.keys(map).forEach((k) => keys.add(k));
    }
    out.set(`${o.effectiveNamespace}\u0000${o.name}`, keys);
  }
  return out;
}

export function lintManifests(files: readonly LintFile[], options: LintOptions = {}): LintResult {
  const contextNamespace = options.namespace || DEFAULT_NAMESPACE;
  const findings: Finding[] = [];
  const objects: ManifestObject[] = [];
  const collect = (run: () => Finding[]) => appendAll(findings, safely([], run));

  for (const file of files) {
    const sources = safely(null, () => fileSources(file));
    if (!sources) {
      findings.push(
        finding({
          code: 'MANIFEST_YAML_INVALID',
          severity: 'error',
          subject: file.name,
          message: `${file.name} could not be read as a manifest file.`,
          fix: 'Check that it is a YAML manifest, a Markdown file or a shell script.',
        }),
      );
      continue;
    }
    for (const source of sources.yaml) {
      const read = safely({ objects: [], findings: [] }, () => readObjects(source, contextNamespace));
      appendAll(objects, read.objects);
      appendAll(findings, read.findings);
    }
    collect(() => kubectlFlagOrderFindings(file.name, sources.commandBlocks));
  }

  collect(() => namespaceMissingFindings(objects));

  const secrets: SecretModel[] = [];
  for (const o of objects) {
    if (o.kind !== 'Secret') continue;
    const reading = safely(null, () => readSecret(o));
    if (!reading) continue;
    secrets.push(reading.model);
    appendAll(findings, reading.findings);
    collect(() => secretContentFindings(reading.model));
  }

  const pds: PodDefaultModel[] = [];
  for (const o of objects) {
    if (o.kind !== 'PodDefault') continue;
    const pd = safely(null, () => readPodDefault(o));
    if (!pd) continue;
    pds.push(pd);
    collect(() => podDefaultSchemaFindings(pd));
  }

  const currentSecrets = latest(secrets);
  const currentPds = latest(pds);
  const index = secretIndex(currentSecrets);
  const configMaps = configMapKeys(objects);
  const keysOf: SourceKeys = (kind, namespace, name) =>
    kind === 'Secret' ? index.get(namespace, name)?.keys : configMaps.get(`${namespace}\u0000${name}`);

  collect(() => selectorFindings(currentPds));
  collect(() => mergeFindings(currentPds, keysOf));
  collect(() => secretReferenceFindings(currentPds, index));

  return {
    files: files.map((f) => f.name),
    objects: unique(objects.map((o) => o.ref)),
    findings: sortFindings(findings),
  };
}
