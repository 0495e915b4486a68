/** MANIFEST_NAMESPACE_MISSING: a Secret or PodDefault that lands wherever the kubectl context points. */
import type { Finding } from '../finding';
import { objectFinding } from './objectFinding';
import type { ManifestObject } from './types';

export function namespaceMissingFindings(objects: readonly ManifestObject[]): Finding[] {
  return objects
    .filter((o) => o.namespace === null && (o.kind === 'Secret' || o.kind === 'PodDefault'))
    .map((o) =>
      objectFinding(o, {
        code: 'MANIFEST_NAMESPACE_MISSING',
        severity: 'warning',
        message: `${o.ref} has no metadata.namespace, so it is created in the kubectl context's namespace (taken here as ${o.effectiveNamespace}); PodDefaults apply only to pods of their own namespace, and only with Secrets of that namespace.`,
        fix: 'Add metadata.namespace: <your notebook namespace>, or always create it with kubectl -n <namespace> -f <file>.',
        path: ['metadata'],
      }),
    );
}
