/**
 * What the admission webhook's safeToApplyPodDefaultsOnPod does with PodDefaults applied to one pod: volumes by
 * name, env by name, volumeMounts by name and by mountPath; a different item under the same name (or path) is a
 * conflict that rejects the pod, an identical one is added once. envFrom is appended unchecked, so keys shared by
 * two sources go to whichever comes last. Checked for every pair of PodDefaults of a namespace that one pod can
 * match (selectors.ts), and within each PodDefault; items are bucketed by name, so only same-name items are paired.
 *
 * "Identical" follows reflect.DeepEqual on the Go structs the webhook decodes: a field set to null or to its zero
 * value where Go has no pointer (`readOnly: false` on a volumeMount, `value: ""`, any empty string) equals an
 * absent one; `[]` and `{}` do not equal an absent list or struct.
 */
import type { Finding } from '../finding';
import { allOrBoth, objectFinding, quotedList, refList } from './objectFinding';
import type { PodDefaultModel } from './podDefaults';
import { canApplyTogether, selectsAnyPod } from './selectors';
import { appendAll, compareStrings, isObject, type Json, type PathSegment } from './types';

type Category = 'volume' | 'volumeMount' | 'mountPath' | 'env';

interface Entry {
  readonly pd: PodDefaultModel;
  readonly canonical: string;
  readonly path: readonly PathSegment[];
}

/** Deterministic JSON with sorted keys, nulls and empty strings dropped from mappings. */
function canonical(value: Json, dropFalse: ReadonlySet<string> = new Set()): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v)).join(',')}]`;
  if (!isObject(value)) return JSON.stringify(value);
  const parts: string[] = [];
  for (const key of Object.keys(value).sort(compareStrings)) {
    const v = value[key];
    if (v === null || v === '' || (v === false && dropFalse.has(key))) continue;
    parts.push(`${JSON.stringify(key)}:${canonical(v)}`);
  }
  return `{${parts.join(',')}}`;
}

const MOUNT_BOOLEANS: ReadonlySet<string> = new Set(['readOnly']);

const WORDS: Record<Category, { item: string; conflict: string; fix: string }> = {
  volume: {
    item: 'volume',
    conflict: 'PD_VOLUME_NAME_CONFLICT',
    fix: 'Give the volume a name of its own in each PodDefault (e.g. prefix it with the PodDefault name), or make the definitions identical.',
  },
  volumeMount: {
    item: 'volumeMount',
    conflict: 'PD_VOLUME_MOUNT_NAME_CONFLICT',
    fix: 'Use a volume and volumeMount name of its own in each PodDefault, or make the mounts identical.',
  },
  mountPath: {
    item: 'mountPath',
    conflict: 'PD_MOUNT_PATH_CONFLICT',
    fix: 'Mount each Secret at a path of its own, e.g. /home/kubeflow/.docker/ and /home/kubeflow/.aws/.',
  },
  env: {
    item: 'env variable',
    conflict: 'PD_ENV_CONFLICT',
    fix: 'Set the variable in one PodDefault only, or give it the same value (or valueFrom) everywhere.',
  },
};

function describe(category: Category, key: string): string {
  if (category === 'mountPath') return `mountPath ${key}`;
  if (category === 'env') return `env variable ${key}`;
  return `${WORDS[category].item} "${key}"`;
}

/** Whether two entries can meet in one pod: the same PodDefault, or two that one pod can match. */
function meet(a: Entry, b: Entry): boolean {
  return a.pd === b.pd || canApplyTogether(a.pd.selector, b.pd.selector);
}

function sortedRefs(entries: Iterable<Entry>): string[] {
  return [...new Set([...entries].map((e) => e.pd.object.ref))].sort(compareStrings);
}

function subjectEntry(entries: readonly Entry[], refs: readonly string[]): Entry {
  return entries.find((e) => e.pd.object.ref === refs[0]) ?? entries[0];
}

function bucketFindings(category: Category, key: string, entries: readonly Entry[]): Finding[] {
  const out: Finding[] = [];
  const classes = new Map<string, Entry[]>();
  for (const e of entries) {
    const c = classes.get(e.canonical);
    if (c) c.push(e);
    else classes.set(e.canonical, [e]);
  }
  // Each entry that meets a different one; `some` stops at the first, so the usual case is linear.
  const conflicting =
    classes.size > 1
      ? entries.filter((a) => entries.some((b) => b.canonical !== a.canonical && meet(a, b)))
      : [];
  const what = describe(category, key);
  if (conflicting.length > 0) {
    const refs = sortedRefs(conflicting);
    const subject = subjectEntry(conflicting, refs);
    out.push(
      objectFinding(subject.pd.object, {
        code: WORDS[category].conflict,
        severity: 'error',
        message:
          refs.length === 1
            ? `${refs[0]} has ${what} twice with different definitions, so the admission webhook rejects every pod it applies to.`
            : `${what[0].toUpperCase()}${what.slice(1)} is defined differently in ${refList(refs)}, and one pod can select them together: the admission webhook then rejects the pod.`,
        fix: WORDS[category].fix,
        path: subject.path,
        objects: refs,
      }),
    );
  }
  // Identical items are de-duplicated by the webhook; worth knowing across PodDefaults. An identical mount is
  // reported once, under its name.
  if (category === 'mountPath') return out;
  for (const members of classes.values()) {
    const shared = members.filter((a) => members.some((b) => b.pd !== a.pd && meet(a, b)));
    const refs = sortedRefs(shared);
    if (refs.length < 2) continue;
    const subject = subjectEntry(shared, refs);
    out.push(
      objectFinding(subject.pd.object, {
        code: 'PD_DUPLICATE_IDENTICAL',
        severity: 'info',
        message: `${refList(refs)} ${allOrBoth(refs.length)} define the same ${what}; the admission webhook adds it once, so this is not a conflict.`,
        fix: `Nothing needs to change; to keep the PodDefaults independent, let only one of them define ${what}.`,
        path: subject.path,
        objects: refs,
      }),
    );
  }
  return out;
}

function bucketsOf(
  pds: readonly PodDefaultModel[],
): Map<string, { category: Category; key: string; entries: Entry[] }> {
  const buckets = new Map<string, { category: Category; key: string; entries: Entry[] }>();
  const add = (category: Category, pd: PodDefaultModel, key: string, entry: Entry) => {
    const id = `${pd.object.effectiveNamespace}\u0000${category}\u0000${key}`;
    const bucket = buckets.get(id);
    if (bucket) bucket.entries.push(entry);
    else buckets.set(id, { category, key, entries: [entry] });
  };
  for (const pd of pds) {
    for (const v of pd.volumes)
      add('volume', pd, v.name, { pd, canonical: canonical(v.value), path: v.path });
    for (const m of pd.volumeMounts) {
      const entry = { pd, canonical: canonical(m.value, MOUNT_BOOLEANS), path: m.path };
      add('volumeMount', pd, m.name, entry);
      if (m.mountPath !== null) add('mountPath', pd, m.mountPath, entry);
    }
    for (const e of pd.env) add('env', pd, e.name, { pd, canonical: canonical(e.value), path: e.path });
  }
  return buckets;
}

/** The keys of a Secret or ConfigMap in a namespace, when the set holds it. */
export type SourceKeys = (
  kind: 'Secret' | 'ConfigMap',
  namespace: string,
  name: string,
) => ReadonlySet<string> | undefined;

interface EnvFromEntry {
  readonly pd: PodDefaultModel;
  readonly source: string;
  readonly path: readonly PathSegment[];
}

function envFromOverlapFindings(pds: readonly PodDefaultModel[], keysOf: SourceKeys): Finding[] {
  const byVariable = new Map<string, EnvFromEntry[]>();
  for (const pd of pds) {
    const ns = pd.object.effectiveNamespace;
    for (const source of pd.envFrom) {
      const keys = keysOf(source.kind, ns, source.name);
      if (!keys) continue;
      const entry = { pd, source: `${source.kind}/${source.name}`, path: source.path };
      for (const key of keys) {
        const id = `${ns}\u0000${source.prefix}${key}`;
        const list = byVariable.get(id);
        if (list) list.push(entry);
        else byVariable.set(id, [entry]);
      }
    }
  }
  // One finding per group of PodDefaults and sources, listing the variables they share.
  const groups = new Map<
    string,
    { refs: string[]; sources: string[]; variables: string[]; entries: EnvFromEntry[] }
  >();
  for (const [id, entries] of byVariable) {
    if (entries.length < 2) continue;
    const involved = entries.filter((a) =>
      entries.some(
        (b) => b.source !== a.source && (a.pd === b.pd || canApplyTogether(a.pd.selector, b.pd.selector)),
      ),
    );
    if (involved.length === 0) continue;
    const refs = [...new Set([...involved].map((e) => e.pd.object.ref))].sort(compareStrings);
    const sources = [...new Set([...involved].map((e) => e.source))].sort(compareStrings);
    const groupId = `${refs.join(',')}\u0000${sources.join(',')}`;
    const variable = id.slice(id.indexOf('\u0000') + 1);
    const group = groups.get(groupId);
    if (group) group.variables.push(variable);
    else groups.set(groupId, { refs, sources, variables: [variable], entries: involved });
  }
  const out: Finding[] = [];
  for (const { refs, sources, variables, entries } of groups.values()) {
    variables.sort(compareStrings);
    const subject = entries.find((e) => e.pd.object.ref === refs[0]) ?? entries[0];
    const names = quotedList(variables);
    out.push(
      objectFinding(subject.pd.object, {
        code: 'PD_ENVFROM_KEY_OVERLAP',
        severity: 'warning',
        message: `${refList(refs)} ${refs.length > 1 ? 'inject' : 'injects'} ${names} from both ${refList(sources)} through envFrom; the container silently gets the value of whichever source comes last.`,
        fix: 'Keep each variable in one Secret, or give one envFrom source a prefix.',
        path: subject.path,
        objects: refs,
        keys: variables,
      }),
    );
  }
  return out;
}

export function mergeFindings(pds: readonly PodDefaultModel[], keysOf: SourceKeys): Finding[] {
  const applied = pds.filter((pd) => selectsAnyPod(pd.selector));
  const out: Finding[] = [];
  for (const { category, key, entries } of bucketsOf(applied).values()) {
    if (entries.length > 1) appendAll(out, bucketFindings(category, key, entries));
  }
  appendAll(out, envFromOverlapFindings(applied, keysOf));
  return out;
}
