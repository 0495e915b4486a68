/** A finding about a manifest object, located at a node of it. */
import { finding, type Finding, type Severity, type SourceLocation } from '../finding';
import { unique, type LocateTarget, type ManifestObject, type PathSegment } from './types';

export interface ObjectFindingInput {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly fix: string | null;
  /** Where in `object` it points; [] for the whole object. */
  readonly path?: readonly PathSegment[];
  readonly target?: LocateTarget;
  /** The objects concerned (default: the subject alone); de-duplicated and sorted. */
  readonly objects?: readonly string[];
  readonly keys?: readonly string[];
  /** Where it points when that is another object's node (a PodDefault volume for a Secret finding). */
  readonly location?: SourceLocation;
}

export function objectFinding(subject: ManifestObject, input: ObjectFindingInput): Finding {
  return finding({
    code: input.code,
    severity: input.severity,
    subject: subject.ref,
    message: input.message,
    fix: input.fix,
    objects: unique(input.objects ?? [subject.ref]),
    keys: input.keys,
    location: input.location ?? subject.locate(input.path ?? [], input.target),
  });
}

/** A short quoted list for messages: `"a", "b" and 3 more`. */
export function quotedList(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).map((i) => `"${i}"`);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** `PodDefault/a` or `PodDefault/a and PodDefault/b` or `PodDefault/a, PodDefault/b and PodDefault/c`. */
export function refList(refs: readonly string[]): string {
  if (refs.length <= 1) return refs.join('');
  return `${refs.slice(0, -1).join(', ')} and ${refs[refs.length - 1]}`;
}

/** "both" for two, "all" for more. */
export function allOrBoth(count: number): string {
  return count === 2 ? 'both' : 'all';
}
