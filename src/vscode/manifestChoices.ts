/**
 * What "Generate manifests" offers, as plain data: one choice per source present (what the CLI's `manifests`
 * would read), whether an error finding makes it broken, and the names it becomes. Pure.
 */
import type { Finding } from '../core/finding';
import {
  availableSource,
  namesFor,
  planSources,
  SOURCE_ORDER,
  validateManifestOptions,
} from '../core/manifests';
import type { ManifestOptions, ManifestSource, SourceId } from '../core/manifests';
import type { Report } from '../core/report';
import type { Snapshot } from '../core/snapshot';
import { displayPath } from './treeModel';

export interface SourceChoice {
  readonly id: SourceId;
  readonly source: ManifestSource;
  readonly label: string;
  /** Where it is read from (a path, or the names of the variables). */
  readonly origin: string;
  /** `Secret docker-secret + PodDefault docker-config`. */
  readonly becomes: string;
  /** Error findings about it: it is only used when the user insists. */
  readonly broken: readonly Finding[];
}

const LABELS: Record<SourceId, string> = {
  docker: 'Docker registry credentials',
  awsFile: 'AWS credentials file',
  awsEnv: 'AWS and S3 variables',
  certificate: 'Registry certificate',
};

export function sourceChoices(snapshot: Snapshot, report: Report, namePrefix: string): SourceChoice[] {
  const choices: SourceChoice[] = [];
  for (const id of SOURCE_ORDER) {
    const source = availableSource(id, snapshot);
    if (source === null) continue;
    const refused = planSources(snapshot, report, [id], false).refused;
    const names = namesFor(id, namePrefix);
    choices.push({
      id,
      source,
      label: LABELS[id],
      origin:
        source.origin.kind === 'file'
          ? displayPath(source.origin.path, snapshot.home)
          : `${source.entries.map((e) => e.key).join(', ')}`,
      becomes: `Secret ${names.secret} + PodDefault ${names.podDefault}`,
      broken: refused.flatMap((r) => r.findings),
    });
  }
  return choices;
}

/** Problems with the settings (prefix, home) before anything is asked, in the settings' own words. */
export function settingsProblems(options: Omit<ManifestOptions, 'namespace'>): string[] {
  return validateManifestOptions({ ...options, namespace: 'default' }).map((p) =>
    p
      .replace('--name-prefix', 'The kaptainCredentials.namePrefix setting')
      .replace('--home-dir', 'The kaptainCredentials.homeDir setting'),
  );
}

/** The namespace input's validation: null when valid, else why (never echoing the input). */
export function namespaceProblem(namespace: string): string | null {
  const problems = validateManifestOptions({ namespace, namePrefix: '', homeDir: '/' });
  return problems.length > 0 ? `${problems[0].charAt(0).toUpperCase()}${problems[0].slice(1)}.` : null;
}
