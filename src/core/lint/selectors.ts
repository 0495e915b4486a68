/**
 * Label selectors as the webhook and the Jupyter web app (JWA) use them.
 * - Webhook: `LabelSelectorAsSelector(spec.selector)`; a missing selector selects nothing, an empty one everything.
 * - JWA: lists every PodDefault of the namespace with `label = list(matchLabels.keys())[0]` (the API server returns
 *   keys sorted) and sets `<label>: "true"` on the notebook pod for each one the user picks. Any combination can be
 *   picked, so two PodDefaults of one namespace can be applied together unless their selectors contradict each
 *   other (`a: x` and `a: y`; `In`/`NotIn`/`Exists`/`DoesNotExist` are taken into account).
 */
import { isObject, type Json } from './types';

interface KeyRequirement {
  /** The allowed values, when some requirement names them (matchLabels or In). */
  values?: Set<string>;
  notIn: Set<string>;
  exists: boolean;
  notExists: boolean;
}

export type Requirements = Map<string, KeyRequirement>;

function requirementFor(reqs: Requirements, key: string): KeyRequirement {
  let r = reqs.get(key);
  if (!r) {
    r = { notIn: new Set(), exists: false, notExists: false };
    reqs.set(key, r);
  }
  return r;
}

function restrict(r: KeyRequirement, allowed: Iterable<string>): void {
  const next = new Set(allowed);
  r.values = r.values ? new Set([...r.values].filter((v) => next.has(v))) : next;
  r.exists = true;
}

/** Adds a selector's requirements; a malformed part is ignored (it can only make more pods match). */
function addSelector(reqs: Requirements, selector: Json): void {
  if (!isObject(selector)) return;
  const labels = selector.matchLabels;
  if (isObject(labels)) {
    for (const [key, value] of Object.entries(labels))
      if (typeof value === 'string') restrict(requirementFor(reqs, key), [value]);
  }
  const expressions = selector.matchExpressions;
  if (!Array.isArray(expressions)) return;
  for (const e of expressions) {
    if (!isObject(e) || typeof e.key !== 'string') continue;
    const values = Array.isArray(e.values) ? e.values.filter((v): v is string => typeof v === 'string') : [];
    const r = requirementFor(reqs, e.key);
    if (e.operator === 'In') restrict(r, values);
    else if (e.operator === 'NotIn') values.forEach((v) => r.notIn.add(v));
    else if (e.operator === 'Exists') r.exists = true;
    else if (e.operator === 'DoesNotExist') r.notExists = true;
  }
}

export function requirementsOf(selectors: readonly Json[]): Requirements {
  const reqs: Requirements = new Map();
  for (const s of selectors) addSelector(reqs, s);
  return reqs;
}

/** Whether some pod's labels satisfy every requirement. */
export function satisfiable(reqs: Requirements): boolean {
  for (const r of reqs.values()) {
    if (r.notExists && r.exists) return false;
    if (r.values && ![...r.values].some((v) => !r.notIn.has(v))) return false;
  }
  return true;
}

/** Requirements of each selector object, computed once: the pairwise checks run many times per PodDefault. */
const cache = new WeakMap<object, Requirements | null>();
function cachedRequirements(selector: Json | undefined): Requirements | null {
  if (!isObject(selector)) return null;
  let reqs = cache.get(selector);
  if (reqs === undefined) {
    const own = requirementsOf([selector]);
    reqs = satisfiable(own) ? own : null;
    cache.set(selector, reqs);
  }
  return reqs;
}

/** A PodDefault whose selector is missing or not a mapping selects no pod (LabelSelectorAsSelector(nil)). */
export function selectsAnyPod(selector: Json | undefined): boolean {
  return cachedRequirements(selector) !== null;
}

function compatible(a: KeyRequirement, b: KeyRequirement): boolean {
  if ((a.notExists || b.notExists) && (a.exists || b.exists)) return false;
  let values: Set<string> | undefined = a.values;
  if (b.values) values = values ? new Set([...values].filter((v) => b.values?.has(v))) : b.values;
  if (!values) return true;
  for (const v of values) if (!a.notIn.has(v) && !b.notIn.has(v)) return true;
  return false;
}

/** Whether one pod can match both selectors, so the webhook applies both PodDefaults to it. */
export function canApplyTogether(a: Json | undefined, b: Json | undefined): boolean {
  const ra = cachedRequirements(a);
  const rb = cachedRequirements(b);
  if (!ra || !rb) return false;
  const [small, large] = ra.size <= rb.size ? [ra, rb] : [rb, ra];
  for (const [key, r] of small) {
    const other = large.get(key);
    if (other && !compatible(r, other)) return false;
  }
  return true;
}

/** Go's encoding/json sorts map keys by their bytes; label keys are ASCII, where this is the same order. */
export function sortedKeys(map: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(map).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}
