/**
 * The kubectl commands that make the same objects. Files are referenced by path and variables by name
 * ("$AWS_SECRET_ACCESS_KEY"), so no secret value is ever printed or lands in shell history; flags come
 * before the file they belong to (the guide's `kubectl create -f -n ns file` takes `-n` as the file).
 */
import { toYamlStream } from './yaml';
import { buildPodDefault } from './build';
import { namesFor, SOURCE_ORDER } from './names';
import type { ManifestOptions, ManifestSource } from './types';

/** POSIX shell single quoting. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function secretCommand(source: ManifestSource, options: ManifestOptions): string {
  const names = namesFor(source.id, options.namePrefix);
  const parts = [
    'kubectl',
    'create',
    'secret',
    'generic',
    shellQuote(names.secret),
    '--namespace',
    shellQuote(options.namespace),
  ];
  for (const entry of source.entries) {
    // Typed values (`given`) are variables too: the CLI refuses --kubectl for a typed config.json.
    if (source.origin.kind === 'file')
      parts.push(shellQuote(`--from-file=${entry.key}=${source.origin.path}`));
    else parts.push(`--from-literal=${entry.key}="$${entry.key}"`);
  }
  return parts.join(' ');
}

export function kubectlCommands(sources: readonly ManifestSource[], options: ManifestOptions): string {
  const ordered = SOURCE_ORDER.flatMap((id) => sources.filter((s) => s.id === id));
  const lines = ['# Secrets: values are read from the files and variables named here, never typed in.'];
  if (ordered.some((s) => s.origin.kind === 'given')) {
    lines.push(
      '# Set the variables named in --from-literal first (read -rs VAR keeps a secret off the screen).',
    );
  }
  lines.push(...ordered.map((s) => secretCommand(s, options)));
  const podDefaults = toYamlStream(ordered.map((s) => buildPodDefault(s, options)));
  lines.push(
    '',
    '# PodDefaults: they hold no secret.',
    `kubectl apply --namespace ${shellQuote(options.namespace)} -f - <<'EOF'`,
    podDefaults.trimEnd(),
    'EOF',
  );
  return lines.join('\n') + '\n';
}
