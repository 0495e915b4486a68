/** The one-line answer every face shows first: will `Model(...)` work with Config.default()? */
import { failureSummary } from './configDefault';
import type { Finding } from './finding';
import type { Report } from './report';

export interface Verdict {
  readonly ready: boolean;
  /** "Config.default() is ready" or "Model(...) will fail: config.json missing". */
  readonly headline: string;
  /** For status bars: "Kaptain: ready" or "Kaptain: config.json missing". */
  readonly short: string;
  /** The fix to show beside the headline, if any. */
  readonly firstFix: string | null;
  readonly errors: number;
  readonly warnings: number;
}

/** The finding that explains the failure: the one about config.json itself, else the first error. */
function leadingFinding(report: Report): Finding | undefined {
  const errors = report.findings.filter((f) => f.severity === 'error');
  return errors.find((f) => f.subject === report.docker.path) ?? errors[0];
}

export function verdictOf(report: Report): Verdict {
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  const failure = failureSummary(report.docker.status);
  const lead = leadingFinding(report);
  if (failure !== null) {
    return {
      ready: false,
      headline: `Model(...) will fail: ${failure}`,
      short: `Kaptain: ${failure}`,
      firstFix: lead?.fix ?? null,
      errors,
      warnings,
    };
  }
  return {
    ready: true,
    headline: 'Config.default() is ready',
    short: errors > 0 ? `Kaptain: ready, ${errors} error${errors === 1 ? '' : 's'}` : 'Kaptain: ready',
    firstFix: lead?.fix ?? null,
    errors,
    warnings,
  };
}
