/** Every name is checked against the Kubernetes rules before anything is written. */
import { isDns1123Label, isDns1123Subdomain, isLabelKey } from '../k8sNames';
import { namesFor, SOURCE_ORDER } from './names';
import type { ManifestOptions } from './types';

/** Problems with the options, as sentences that never echo a rejected value. */
export function validateManifestOptions(options: ManifestOptions): string[] {
  const problems: string[] = [];
  if (!isDns1123Label(options.namespace)) {
    problems.push(
      'the namespace must be a DNS-1123 label: at most 63 characters of a-z, 0-9 and -, starting and ending with a letter or digit',
    );
  }
  if (!options.homeDir.startsWith('/'))
    problems.push('--home-dir must be an absolute path, such as /home/jovyan');
  if (/[\0\n\r]/.test(options.homeDir)) problems.push('--home-dir must not contain control characters');
  for (const id of SOURCE_ORDER) {
    const names = namesFor(id, options.namePrefix);
    const bad =
      !isDns1123Subdomain(names.secret) ||
      !isDns1123Subdomain(names.podDefault) ||
      !isLabelKey(names.podDefault) ||
      (names.volume !== null && !isDns1123Label(names.volume));
    if (bad) {
      problems.push(
        '--name-prefix makes names Kubernetes refuses: use lower-case letters, digits and -, short enough that volume names stay within 63 characters',
      );
      break;
    }
  }
  return problems;
}
