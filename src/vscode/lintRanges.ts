/**
 * Lint findings as diagnostics, in plain data: 1-based line/column with an exclusive end (SourceLocation) become
 * 0-based ranges, grouped by the file they point into. Pure; lintDiagnostics.ts makes vscode.Diagnostics of them.
 */
import type { Finding, Severity } from '../core/finding';

export interface DiagnosticRange {
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

export interface DiagnosticData {
  readonly range: DiagnosticRange;
  readonly severity: Severity;
  /** The finding's message and, after it, its fix: the Problems panel shows one text. */
  readonly message: string;
  readonly code: string;
  readonly fix: string | null;
}

export const FILE_START: DiagnosticRange = { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 };

export function toRange(location: NonNullable<Finding['location']>): DiagnosticRange {
  const startLine = Math.max(0, location.line - 1);
  const startCharacter = Math.max(0, location.column - 1);
  let endLine = Math.max(startLine, location.endLine - 1);
  let endCharacter = Math.max(0, location.endColumn - 1);
  if (endLine === startLine && endCharacter < startCharacter) endCharacter = startCharacter;
  if (endLine < startLine) endLine = startLine;
  return { startLine, startCharacter, endLine, endCharacter };
}

export function toDiagnostic(finding: Finding, range: DiagnosticRange): DiagnosticData {
  return {
    range,
    severity: finding.severity,
    message: finding.fix ? `${finding.message}\nFix: ${finding.fix}` : finding.message,
    code: finding.code,
    fix: finding.fix,
  };
}

/**
 * Diagnostics per linted file name. A finding without a location goes to the file its subject names when that
 * is one of `files`, else to `fallback` (the document the user opened or saved), at its first line.
 */
export function diagnosticsByFile(
  findings: readonly Finding[],
  files: readonly string[],
  fallback: string,
): Map<string, DiagnosticData[]> {
  const out = new Map<string, DiagnosticData[]>(files.map((f) => [f, []]));
  const push = (file: string, d: DiagnosticData) => {
    const list = out.get(file);
    if (list) list.push(d);
    else out.set(file, [d]);
  };
  for (const f of findings) {
    if (f.location && out.has(f.location.file)) push(f.location.file, toDiagnostic(f, toRange(f.location)));
    else push(out.has(f.subject) ? f.subject : fallback, toDiagnostic(f, FILE_START));
  }
  return out;
}

/** Documents worth linting: they hold a Secret or a PodDefault (a top-level or List item `kind:`). */
const MANIFEST_KIND = /^[ \t-]*kind[ \t]*:[ \t]*["']?(Secret|PodDefault)["']?[ \t]*(#.*)?$/m;

export function holdsManifests(text: string): boolean {
  return MANIFEST_KIND.test(text);
}
