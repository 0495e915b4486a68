/**
 * Secret and PodDefault YAML, and the kubectl commands, from the last probe's Snapshot. The manifests engine (and
 * the YAML library with it) is loaded on first use, so it is not part of the panel's first paint.
 */
import type { ProbeResult } from '../model/controller';
import type { PanelSettings } from '../settings';

export type ManifestText =
  | { readonly ok: true; readonly text: string; readonly notes: readonly string[] }
  | { readonly ok: false; readonly message: string };

const SOURCE_LABEL: Record<string, string> = {
  docker: '~/.docker/config.json',
  awsFile: '~/.aws/credentials',
  awsEnv: 'the AWS_*/S3_* variables',
  certificate: '~/.tls/certificate.crt',
};

export async function manifestText(
  result: ProbeResult,
  settings: PanelSettings,
  kind: 'yaml' | 'kubectl',
): Promise<ManifestText> {
  const m = await import('../../core/manifests');
  const options = {
    namespace: settings.namespace || result.namespace || 'default',
    namePrefix: settings.namePrefix,
    homeDir: settings.homeDir || result.snapshot.home,
  };
  const problems = m.validateManifestOptions(options);
  if (problems.length > 0) return { ok: false, message: `Check the settings: ${problems.join('; ')}.` };
  const plan = m.planSources(result.snapshot, result.report, m.SOURCE_ORDER, false);
  const notes = plan.refused.map(
    (r) => `${SOURCE_LABEL[r.id]} is left out: ${r.findings.map((f) => f.code).join(', ')} (see Findings).`,
  );
  if (plan.sources.length === 0) {
    return {
      ok: false,
      message:
        notes.length > 0
          ? `Nothing to write. ${notes.join(' ')}`
          : 'Nothing to write: no config.json, credentials file, AWS_*/S3_* variable or certificate found.',
    };
  }
  const text =
    kind === 'yaml'
      ? m.toYamlStream(m.buildManifests(plan.sources, options))
      : m.kubectlCommands(plan.sources, options);
  return { ok: true, text, notes };
}
