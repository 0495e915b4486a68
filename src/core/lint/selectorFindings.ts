/**
 * What the notebook spawner (Jupyter web app) makes of a PodDefault's selector and desc: PD_SELECTOR_* and
 * PD_MISSING_DESC per PodDefault, PD_SELECTOR_REUSED per group of PodDefaults sharing one matchLabels.
 */
import type { Finding } from '../finding';
import { allOrBoth, objectFinding, refList } from './objectFinding';
import type { PodDefaultModel } from './podDefaults';
import { sortedKeys } from './selectors';
import { compareStrings, field, isObject, type Json, type JsonObject } from './types';

/** Label values are no secrets, but only the usual spellings of a boolean are quoted back. */
const SHOWN_VALUES = /^(true|false|yes|no|on|off|y|n|1|0|enabled|disabled|)$/i;
function shownLabelValue(value: Json): string {
  if (typeof value === 'string') return SHOWN_VALUES.test(value) ? `"${value}"` : 'a value other than "true"';
  return typeof value === 'boolean' || typeof value === 'number'
    ? String(value)
    : 'a value other than "true"';
}

function matchLabelsOf(pd: PodDefaultModel): JsonObject | null {
  const labels = field(pd.selector, 'matchLabels');
  return isObject(labels) && Object.keys(labels).length > 0 ? labels : null;
}

function ownSelectorFindings(pd: PodDefaultModel): Finding[] {
  const o = pd.object;
  const out: Finding[] = [];
  const selector = pd.selector;
  const labels = matchLabelsOf(pd);
  const ownLabel = `${o.name}: "true"`;

  if (!labels) {
    out.push(
      objectFinding(o, {
        code: 'PD_SELECTOR_NO_MATCHLABELS',
        severity: 'error',
        message: `${o.ref} has no spec.selector.matchLabels entry, so the notebook spawner fails (KeyError) while listing the PodDefaults of namespace ${o.effectiveNamespace} and none of them can be picked.`,
        fix: `Select by one label: spec.selector.matchLabels: {${ownLabel}}.`,
        path: isObject(selector) ? ['spec', 'selector'] : ['spec'],
      }),
    );
  }
  if (isObject(selector)) {
    const expressions = selector.matchExpressions;
    const hasExpressions = Array.isArray(expressions) && expressions.length > 0;
    if (!labels && !hasExpressions) {
      out.push(
        objectFinding(o, {
          code: 'PD_SELECTOR_EMPTY',
          severity: 'warning',
          message: `${o.ref} has an empty selector, so it is applied to every pod created in namespace ${o.effectiveNamespace}.`,
          fix: `Select by one label: spec.selector.matchLabels: {${ownLabel}}.`,
          path: ['spec', 'selector'],
        }),
      );
    }
  }
  if (labels) {
    const keys = sortedKeys(labels);
    const first = keys[0];
    const value = labels[first];
    // An unquoted `true` is a boolean: PD_SCHEMA_INVALID says to quote it.
    if (value !== 'true' && value !== true) {
      out.push(
        objectFinding(o, {
          code: 'PD_SELECTOR_LABEL_VALUE_NOT_TRUE',
          severity: 'error',
          message: `${o.ref} selects ${first}: ${shownLabelValue(value)}, but the notebook spawner sets ${first}: "true" on the pods it creates, so this PodDefault is never applied.`,
          fix: `Set spec.selector.matchLabels.${first} to "true" (quoted).`,
          path: ['spec', 'selector', 'matchLabels', first],
        }),
      );
    }
    if (keys.length > 1) {
      out.push(
        objectFinding(o, {
          code: 'PD_SELECTOR_MULTIPLE_LABELS',
          severity: 'error',
          message: `${o.ref} selects ${keys.length} labels (${keys.join(', ')}), but the notebook spawner only sets the first, ${first}: "true", so this PodDefault is never applied.`,
          fix: `Keep one matchLabels entry: ${first}: "true".`,
          path: ['spec', 'selector', 'matchLabels'],
        }),
      );
    }
  }

  const desc = field(field(o.value, 'spec'), 'desc');
  if (typeof desc !== 'string' || desc.trim() === '') {
    out.push(
      objectFinding(o, {
        code: 'PD_MISSING_DESC',
        severity: 'info',
        message:
          desc === undefined || desc === null
            ? `${o.ref} has no spec.desc, so the notebook spawner lists it by its name, ${o.name}.`
            : `${o.ref} has an empty spec.desc, so the notebook spawner shows it without a description.`,
        fix: 'Add spec.desc with a short description, e.g. desc: "Add Docker registry credentials".',
        path: desc === undefined ? ['spec'] : ['spec', 'desc'],
      }),
    );
  }
  return out;
}

/** Canonical text of a matchLabels map, for grouping (key order does not matter). */
function labelsKey(labels: JsonObject): string {
  return JSON.stringify(sortedKeys(labels).map((k) => [k, labels[k]]));
}

function reusedFindings(pds: readonly PodDefaultModel[]): Finding[] {
  const groups = new Map<string, PodDefaultModel[]>();
  for (const pd of pds) {
    const labels = matchLabelsOf(pd);
    if (!labels) continue;
    const key = `${pd.object.effectiveNamespace}\u0000${labelsKey(labels)}`;
    const group = groups.get(key);
    if (group) group.push(pd);
    else groups.set(key, [pd]);
  }
  const out: Finding[] = [];
  for (const group of groups.values()) {
    const refs = [...new Set(group.map((pd) => pd.object.ref))].sort(compareStrings);
    if (refs.length < 2) continue;
    const labels = matchLabelsOf(group[0]) as JsonObject;
    const shown = sortedKeys(labels)
      .map((k) => `${k}: ${shownLabelValue(labels[k])}`)
      .join(', ');
    const firstKey = sortedKeys(labels)[0];
    // The subject is the one to change: the first whose name is not the label it shares.
    const sorted = [...group].sort((a, b) => compareStrings(a.object.ref, b.object.ref));
    const subject = sorted.find((pd) => pd.object.name !== firstKey) ?? sorted[0];
    const toRename = sorted.filter((pd) => pd.object.name !== firstKey);
    const renames = (toRename.length > 0 ? toRename : sorted).map(
      (pd) => `set spec.selector.matchLabels to {${pd.object.name}: "true"} in ${pd.object.ref}`,
    );
    out.push(
      objectFinding(subject.object, {
        code: 'PD_SELECTOR_REUSED',
        severity: 'warning',
        message: `${refList(refs)} ${allOrBoth(refs.length)} select ${shown}, so picking one of them in the notebook spawner applies ${allOrBoth(refs.length)}; they cannot be chosen separately.`,
        fix: `Give each PodDefault a label of its own: ${renames.join('; ')}.`,
        path: ['spec', 'selector', 'matchLabels'],
        objects: refs,
      }),
    );
  }
  return out;
}

export function selectorFindings(pds: readonly PodDefaultModel[]): Finding[] {
  return [...pds.flatMap(ownSelectorFindings), ...reusedFindings(pds)];
}
