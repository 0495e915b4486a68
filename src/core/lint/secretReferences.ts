/**
 * PodDefaults against the Secrets of the set: each reference finds its Secret in the PodDefault's namespace
 * (PD_SECRET_NOT_FOUND, PD_NAMESPACE_MISMATCH, PD_SECRET_KEY_NOT_FOUND), each volumeMount its volume (in its own
 * PodDefault first, else in another of the namespace: PD_MOUNT_UNKNOWN_VOLUME), and a Secret mounted as a Docker
 * config directory must give a `config.json` file (SECRET_DOCKER_KEY_NOT_CONFIG_JSON,
 * SECRET_DOCKERCONFIGJSON_WITHOUT_ITEMS). Volume names must be DNS-1123 labels (PD_VOLUME_NAME_INVALID).
 */
import type { Finding } from '../finding';
import { isDns1123Label } from '../k8sNames';
import { objectFinding, quotedList, refList } from './objectFinding';
import type { PdItem, PdMount, PodDefaultModel, SecretUse } from './podDefaults';
import type { SecretModel } from './secrets';
import { arrayField, compareStrings, field, stringField, unique } from './types';

export interface SecretIndex {
  get(namespace: string, name: string): SecretModel | undefined;
  /** Every namespace holding a Secret of this name. */
  namespacesOf(name: string): readonly string[];
}

const DOCKERCONFIGJSON = 'kubernetes.io/dockerconfigjson';

function inNamespace(pd: PodDefaultModel): string {
  const o = pd.object;
  return o.namespace === null
    ? `namespace ${o.effectiveNamespace} (it has no metadata.namespace, so the kubectl context's)`
    : `namespace ${o.effectiveNamespace}`;
}

function referenceFindings(pd: PodDefaultModel, secrets: SecretIndex): Finding[] {
  const ns = pd.object.effectiveNamespace;
  const out: Finding[] = [];
  const byName = new Map<string, SecretUse[]>();
  for (const use of pd.secretUses) {
    const list = byName.get(use.secretName);
    if (list) list.push(use);
    else byName.set(use.secretName, [use]);
  }
  for (const [name, uses] of byName) {
    const secretRef = `Secret/${name}`;
    const hows = unique(uses.map((u) => u.how)).join(', ');
    const secret = secrets.get(ns, name);
    if (!secret) {
      const elsewhere = secrets.namespacesOf(name).filter((n) => n !== ns);
      if (elsewhere.length > 0) {
        out.push(
          objectFinding(pd.object, {
            code: 'PD_NAMESPACE_MISMATCH',
            severity: 'error',
            message: `${pd.object.ref} is in ${inNamespace(pd)}, but the ${secretRef} it uses (${hows}) is in namespace ${elsewhere.join(', ')}; a pod can only use Secrets of its own namespace.`,
            fix: `Create both in one namespace: set metadata.namespace: ${ns} on ${secretRef}, or move ${pd.object.ref} to namespace ${elsewhere[0]}.`,
            path: uses[0].path,
            objects: [pd.object.ref, secretRef],
          }),
        );
        continue;
      }
      const required = uses.filter((u) => !u.optional);
      if (required.length === 0) continue;
      const volume = required.some((u) => u.how.startsWith('volume'));
      out.push(
        objectFinding(pd.object, {
          code: 'PD_SECRET_NOT_FOUND',
          severity: 'error',
          message: `${pd.object.ref} uses ${secretRef} (${unique(required.map((u) => u.how)).join(', ')}), but no Secret ${name} in namespace ${ns} is among the linted files; pods that select it ${volume ? 'stay in ContainerCreating' : 'fail to start (CreateContainerConfigError)'}.`,
          fix: `Create Secret ${name} in namespace ${ns} and lint its manifest together with this one, or mark the reference optional: true.`,
          path: required[0].path,
        }),
      );
      continue;
    }
    const missing = new Map<string, SecretUse>();
    for (const use of uses) {
      if (use.optional) continue;
      for (const key of use.keys) if (!secret.keys.has(key) && !missing.has(key)) missing.set(key, use);
    }
    for (const [key, use] of missing) {
      out.push(
        objectFinding(pd.object, {
          code: 'PD_SECRET_KEY_NOT_FOUND',
          severity: 'error',
          message: `${pd.object.ref} needs key "${key}" of ${secretRef} (${use.how}), but that Secret has no such key; pods that select it fail to start.`,
          fix: `Add the key "${key}" to ${secretRef}, correct the key name, or mark the reference optional: true.`,
          path: use.path,
          objects: [pd.object.ref, secretRef],
        }),
      );
    }
  }
  return out;
}

function suggestLabel(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return s || 'secret-volume';
}

function volumeNameFindings(pd: PodDefaultModel): Finding[] {
  return pd.volumes
    .filter((v) => !isDns1123Label(v.name))
    .map((v) =>
      objectFinding(pd.object, {
        code: 'PD_VOLUME_NAME_INVALID',
        severity: 'error',
        message: `${pd.object.ref} defines volume "${v.name}", which is not a valid volume name (lower-case letters, digits and "-", at most 63 characters, no dots); pods that select it are rejected.`,
        fix: `Rename the volume and its volumeMounts, e.g. to ${suggestLabel(v.name)}.`,
        path: [...v.path, 'name'],
      }),
    );
}

interface VolumeOf {
  readonly pd: PodDefaultModel;
  readonly volume: PdItem;
}

/** A directory mount whose last path element is `.docker`: where docker and the SDK read config.json. */
function isDockerDirectory(mount: PdMount): boolean {
  if (mount.hasSubPath || mount.mountPath === null) return false;
  const trimmed = mount.mountPath.replace(/\/+$/, '');
  return trimmed === '.docker' || trimmed.endsWith('/.docker');
}

interface MountProblem {
  readonly secret: SecretModel;
  readonly pds: Set<string>;
  readonly paths: Set<string>;
  readonly first: VolumeOf;
}

function recordProblem(
  problems: Map<SecretModel, MountProblem>,
  secret: SecretModel,
  mountPd: PodDefaultModel,
  mount: PdMount,
  source: VolumeOf,
): void {
  let p = problems.get(secret);
  if (!p) {
    p = { secret, pds: new Set(), paths: new Set(), first: source };
    problems.set(secret, p);
  }
  p.pds.add(mountPd.object.ref);
  p.pds.add(source.pd.object.ref);
  if (mount.mountPath) p.paths.add(mount.mountPath);
}

function mountFindings(pds: readonly PodDefaultModel[], secrets: SecretIndex): Finding[] {
  const out: Finding[] = [];
  const volumesByNamespace = new Map<string, Map<string, VolumeOf[]>>();
  for (const pd of pds) {
    const ns = pd.object.effectiveNamespace;
    let byName = volumesByNamespace.get(ns);
    if (!byName) volumesByNamespace.set(ns, (byName = new Map()));
    for (const volume of pd.volumes) {
      const list = byName.get(volume.name);
      if (list) list.push({ pd, volume });
      else byName.set(volume.name, [{ pd, volume }]);
    }
  }
  const noConfigJson = new Map<SecretModel, MountProblem>();
  const withoutItems = new Map<SecretModel, MountProblem>();
  for (const pd of pds) {
    const ns = pd.object.effectiveNamespace;
    for (const mount of [...pd.volumeMounts, ...pd.containerMounts]) {
      const all = volumesByNamespace.get(ns)?.get(mount.name) ?? [];
      const own = all.filter((v) => v.pd === pd);
      const sources = own.length > 0 ? own : all;
      if (sources.length === 0) {
        out.push(
          objectFinding(pd.object, {
            code: 'PD_MOUNT_UNKNOWN_VOLUME',
            severity: 'error',
            message: `${pd.object.ref} mounts volume "${mount.name}"${mount.mountPath ? ` at ${mount.mountPath}` : ''}, but neither it nor any other PodDefault in namespace ${ns} defines a volume "${mount.name}"; pods that select it are rejected.`,
            fix: `Add a volume named "${mount.name}" to spec.volumes of ${pd.object.ref}, or correct the volumeMount's name.`,
            path: [...mount.path, 'name'],
          }),
        );
        continue;
      }
      if (mount.hasSubPath) continue;
      for (const source of sources) {
        const volumeSecret = field(source.volume.value, 'secret');
        const secretName = stringField(volumeSecret, 'secretName');
        const secret = secretName ? secrets.get(ns, secretName) : undefined;
        if (!secret) continue;
        const items = field(volumeSecret, 'items');
        const mapped = arrayField(volumeSecret, 'items');
        if (secret.type === DOCKERCONFIGJSON) {
          const ok = mapped.some(
            (i) => stringField(i, 'key') === '.dockerconfigjson' && stringField(i, 'path') === 'config.json',
          );
          if (!ok) recordProblem(withoutItems, secret, pd, mount, source);
        } else if (isDockerDirectory(mount)) {
          const files = Array.isArray(items) ? mapped.map((i) => stringField(i, 'path')) : [...secret.keys];
          if (!files.includes('config.json')) recordProblem(noConfigJson, secret, pd, mount, source);
        }
      }
    }
  }

  for (const p of noConfigJson.values()) {
    const s = p.secret;
    const keys = [...s.keys].sort(compareStrings);
    const mountedBy = [...p.pds].sort(compareStrings);
    const other = keys.find((k) => k !== 'config.json');
    const itemsFix = other ? ` or map it in the volume: items: [{key: ${other}, path: config.json}]` : '';
    out.push(
      objectFinding(s.object, {
        code: 'SECRET_DOCKER_KEY_NOT_CONFIG_JSON',
        severity: 'error',
        message: `${s.object.ref} is mounted at ${[...p.paths].join(', ')} by ${refList(mountedBy)} but gives no config.json there (${keys.length > 0 ? `its keys: ${quotedList(keys)}` : 'it has no keys'}); docker and the SDK read .docker/config.json.`,
        fix: `Recreate it with kubectl create secret generic ${s.object.name} --from-file=config.json=PATH (the key is the file name)${itemsFix}.`,
        path: s.object.value.data !== undefined ? ['data'] : [],
        objects: [s.object.ref, ...mountedBy],
      }),
    );
  }
  for (const p of withoutItems.values()) {
    const s = p.secret;
    const mountedBy = [...p.pds].sort(compareStrings);
    out.push(
      objectFinding(s.object, {
        code: 'SECRET_DOCKERCONFIGJSON_WITHOUT_ITEMS',
        severity: 'error',
        message: `${s.object.ref} has type ${DOCKERCONFIGJSON} and ${refList(mountedBy)} ${mountedBy.length > 1 ? 'mount' : 'mounts'} it at ${[...p.paths].join(', ')} without mapping .dockerconfigjson to config.json, so the file there is .dockerconfigjson and config.json is missing.`,
        fix: `Add items: [{key: .dockerconfigjson, path: config.json}] to the secret volume "${p.first.volume.name}" of ${p.first.pd.object.ref}.`,
        objects: [s.object.ref, ...mountedBy],
        location: p.first.pd.object.locate([...p.first.volume.path, 'secret']),
      }),
    );
  }
  return out;
}

export function secretReferenceFindings(pds: readonly PodDefaultModel[], secrets: SecretIndex): Finding[] {
  return [
    ...pds.flatMap((pd) => referenceFindings(pd, secrets)),
    ...pds.flatMap(volumeNameFindings),
    ...mountFindings(pds, secrets),
  ];
}
