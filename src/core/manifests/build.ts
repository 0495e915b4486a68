/** Secrets and PodDefaults from the sources, typed as the cluster's models. */
import type { V1Secret } from '@kubernetes/client-node';
import { encodeBase64 } from '../bytes';
import { withoutTrailingSlashes } from '../environment';
import { namesFor, SOURCE_ORDER } from './names';
import type { ManifestObject, ManifestOptions, ManifestSource, PodDefault } from './types';

const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'kaptain-credentials' };

export function buildSecret(source: ManifestSource, options: ManifestOptions): V1Secret {
  const names = namesFor(source.id, options.namePrefix);
  const data: Record<string, string> = {};
  for (const entry of source.entries) data[entry.key] = encodeBase64(entry.bytes);
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: names.secret, namespace: options.namespace, labels: { ...MANAGED_BY } },
    type: 'Opaque',
    data,
  };
}

export function buildPodDefault(source: ManifestSource, options: ManifestOptions): PodDefault {
  const names = namesFor(source.id, options.namePrefix);
  const spec: PodDefault['spec'] = {
    // The spawner sets `<first matchLabels key>: "true"` on the notebook for each configuration chosen.
    selector: { matchLabels: { [names.podDefault]: 'true' } },
    desc: names.desc,
  };
  if (names.volume === null || names.homeSubdir === null) {
    spec.envFrom = [{ secretRef: { name: names.secret } }];
  } else {
    spec.volumeMounts = [
      {
        name: names.volume,
        mountPath: `${withoutTrailingSlashes(options.homeDir)}/${names.homeSubdir}`,
        readOnly: true,
      },
    ];
    spec.volumes = [{ name: names.volume, secret: { secretName: names.secret } }];
  }
  return {
    apiVersion: 'kubeflow.org/v1alpha1',
    kind: 'PodDefault',
    metadata: { name: names.podDefault, namespace: options.namespace, labels: { ...MANAGED_BY } },
    spec,
  };
}

/** Every Secret first, then every PodDefault, in the guide's order: what `kubectl apply -f` wants. */
export function buildManifests(
  sources: readonly ManifestSource[],
  options: ManifestOptions,
): ManifestObject[] {
  const ordered = SOURCE_ORDER.flatMap((id) => sources.filter((s) => s.id === id));
  return [...ordered.map((s) => buildSecret(s, options)), ...ordered.map((s) => buildPodDefault(s, options))];
}
