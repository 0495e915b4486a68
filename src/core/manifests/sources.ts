/**
 * Which Secrets can be made from what the pod has, and which inputs are too broken to become one
 * (a finding of severity error on them; `force` overrides, the findings still say why).
 */
import { encodeUtf8 } from '../bytes';
import type { Finding } from '../finding';
import type { Report } from '../report';
import { FROM_ENV_VARIABLES } from '../s3Env';
import { fileState, snapshotPaths, type Snapshot } from '../snapshot';
import type { ManifestSource, SourceId } from './types';

export interface SourcePlan {
  /** Sources that will become Secrets. */
  readonly sources: ManifestSource[];
  /** Selected sources that are absent (nothing to make a Secret from). */
  readonly absent: SourceId[];
  /** Selected sources refused because an error finding is about them (empty with `force`). */
  readonly refused: { readonly id: SourceId; readonly findings: Finding[] }[];
}

/** The findings that concern each source, by subject. */
function findingsAbout(id: SourceId, report: Report): Finding[] {
  const errors = report.findings.filter((f) => f.severity === 'error');
  switch (id) {
    case 'docker': {
      const keys = new Set(report.docker.registries.map((r) => r.key));
      return errors.filter((f) => f.subject === report.docker.path || keys.has(f.subject));
    }
    case 'awsFile':
      return errors.filter(
        (f) => f.subject === report.storage.credentialsFile.path || f.code === 'AWS_SECRET_MISSING',
      );
    case 'awsEnv':
      return errors.filter(
        (f) => (FROM_ENV_VARIABLES as readonly string[]).includes(f.subject) || f.code.startsWith('AWS_ENV_'),
      );
    case 'certificate':
      return errors.filter((f) => f.subject === report.certificate.path);
  }
}

function fileSource(id: SourceId, key: string, path: string, snapshot: Snapshot): ManifestSource | null {
  const state = fileState(snapshot, path);
  if (state.kind !== 'file') return null;
  return { id, origin: { kind: 'file', path }, entries: [{ key, bytes: state.bytes }] };
}

function envSource(snapshot: Snapshot): ManifestSource | null {
  const entries = FROM_ENV_VARIABLES.filter((name) => (snapshot.env[name] ?? '') !== '').map((name) => ({
    key: name,
    bytes: encodeUtf8(snapshot.env[name]),
  }));
  return entries.length > 0 ? { id: 'awsEnv', origin: { kind: 'env' }, entries } : null;
}

export function availableSource(id: SourceId, snapshot: Snapshot): ManifestSource | null {
  const paths = snapshotPaths(snapshot.home, snapshot.env);
  switch (id) {
    case 'docker':
      return fileSource(id, 'config.json', paths.dockerConfig, snapshot);
    case 'awsFile':
      return fileSource(id, 'credentials', paths.awsCredentials, snapshot);
    case 'awsEnv':
      return envSource(snapshot);
    case 'certificate':
      return fileSource(id, 'certificate.crt', paths.certificate, snapshot);
  }
}

export function planSources(
  snapshot: Snapshot,
  report: Report,
  selected: readonly SourceId[],
  force: boolean,
): SourcePlan {
  const plan: SourcePlan = { sources: [], absent: [], refused: [] };
  for (const id of selected) {
    const source = availableSource(id, snapshot);
    if (source === null) {
      plan.absent.push(id);
      continue;
    }
    const broken = findingsAbout(id, report);
    if (broken.length > 0 && !force) plan.refused.push({ id, findings: broken });
    else plan.sources.push(source);
  }
  return plan;
}
