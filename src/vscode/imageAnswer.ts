/** The answer to "which credentials will push this image?", as one message with its severity. Pure. */
import type { Severity } from '../core/finding';
import type { Report } from '../core/report';
import { displayPath } from './treeModel';

export interface ImageAnswer {
  readonly severity: Severity;
  readonly text: string;
}

/** `report` must come from inspect() with `images: [image]`. */
export function imageAnswer(report: Report, image: string): ImageAnswer {
  const file = displayPath(report.docker.path, report.home);
  const lookup = report.docker.lookups.find((l) => l.image === image);
  if (!lookup || lookup.key === null) {
    const why = report.findings.find((f) => f.code === 'IMAGE_REFERENCE_INVALID' && f.subject === image);
    return {
      severity: 'error',
      text: `${why?.message ?? 'The image reference is not valid.'}${why?.fix ? ` Fix: ${why.fix}` : ''}`,
    };
  }
  if (report.docker.status !== 'ok') {
    return {
      severity: 'error',
      text: `${image}: ${report.configDefault.reason}, so Model(...) cannot push it. Create ${file} first.`,
    };
  }
  if (lookup.matchedEntry === null) {
    return {
      severity: 'warning',
      text: `No entry of ${file} serves ${lookup.key}: pushing ${image} would go without credentials. Fix: add an auths entry for ${lookup.key} (docker login writes one).`,
    };
  }
  if (lookup.matchedEntry === 'AMBIGUOUS') {
    return {
      severity: 'warning',
      text: `Several entries of ${file} could serve ${lookup.key}, and which one docker/cli picks is not predictable. Fix: keep one entry for that registry.`,
    };
  }
  const entry = report.docker.registries.find((r) => r.key === lookup.matchedEntry);
  const who = entry?.username ? ` as ${entry.username}` : '';
  const broken = entry && !entry.valid ? ' Its auth does not decode, though: see the findings.' : '';
  return {
    severity: entry && !entry.valid ? 'error' : 'info',
    text: `${image} is pushed with the entry "${lookup.matchedEntry}" of ${file}${who}.${broken}`,
  };
}
