/** Findings: the stable codes of contract/findings.md (and docs/findings.md for the project's own). */

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  /** A path, an env var name, a registry key, an image reference or `Kind/name`. */
  readonly subject: string;
  /** One plain sentence; never a secret value. */
  readonly message: string;
  /** What to run or change next; null where nothing can be done. */
  readonly fix: string | null;
  /** `Kind/name` of the manifest objects concerned, sorted; [] for findings about the pod. */
  readonly objects: readonly string[];
  /** Names of variables or data keys involved, where the code says so (TRAILING_NEWLINE). */
  readonly keys?: readonly string[];
  /** Where in a manifest file the finding points (lint): 1-based line and column of the YAML node. */
  readonly location?: SourceLocation;
}

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface FindingInput {
  readonly code: string;
  readonly severity: Severity;
  readonly subject: string;
  readonly message: string;
  readonly fix?: string | null;
  readonly objects?: readonly string[];
  readonly keys?: readonly string[];
  readonly location?: SourceLocation;
}

export function finding(input: FindingInput): Finding {
  const out: Finding = {
    code: input.code,
    severity: input.severity,
    subject: input.subject,
    message: input.message,
    fix: input.fix ?? null,
    objects: [...(input.objects ?? [])].sort(),
  };
  return {
    ...out,
    ...(input.keys ? { keys: [...input.keys] } : {}),
    ...(input.location ? { location: input.location } : {}),
  };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** cli.md: severity (error first), then code, then subject. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      compareStrings(a.code, b.code) ||
      compareStrings(a.subject, b.subject),
  );
}
