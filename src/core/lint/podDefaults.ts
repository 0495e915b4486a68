/**
 * A PodDefault as the admission webhook uses it: the volumes, volumeMounts and env it merges into every container,
 * the envFrom sources it appends, and every Secret it needs (volumes, projected sources, envFrom, secretKeyRef, in
 * the spec and in its initContainers and sidecars). Items with no string name are left to PD_SCHEMA_INVALID.
 */
import {
  appendAll,
  arrayField,
  field,
  isObject,
  stringField,
  type Json,
  type ManifestObject,
  type PathSegment,
} from './types';

export interface PdItem {
  readonly name: string;
  readonly value: Json;
  readonly path: readonly PathSegment[];
}

export interface PdMount extends PdItem {
  readonly mountPath: string | null;
  /** A subPath mount puts one file at mountPath, not a directory of keys. */
  readonly hasSubPath: boolean;
}

export interface SecretUse {
  readonly secretName: string;
  readonly optional: boolean;
  /** The keys it needs: its volume's items, or a secretKeyRef's key; [] for the whole Secret. */
  readonly keys: readonly string[];
  readonly path: readonly PathSegment[];
  /** For messages: `volume "docker-secret-volume"`, `envFrom`, `env AWS_REGION`. */
  readonly how: string;
}

export interface EnvFromSource {
  readonly kind: 'Secret' | 'ConfigMap';
  readonly name: string;
  readonly prefix: string;
  readonly path: readonly PathSegment[];
}

export interface PodDefaultModel {
  readonly object: ManifestObject;
  /** spec.selector as written; undefined or null when absent (then it selects no pod). */
  readonly selector: Json | undefined;
  readonly volumes: readonly PdItem[];
  /** spec.volumeMounts: merged into every container, checked by name and by mountPath. */
  readonly volumeMounts: readonly PdMount[];
  /** The volumeMounts of its initContainers and sidecars. */
  readonly containerMounts: readonly PdMount[];
  readonly env: readonly PdItem[];
  readonly envFrom: readonly EnvFromSource[];
  readonly secretUses: readonly SecretUse[];
}

function named(list: Json[], base: readonly PathSegment[]): PdItem[] {
  const out: PdItem[] = [];
  list.forEach((value, i) => {
    const name = stringField(value, 'name');
    if (name !== undefined) out.push({ name, value, path: [...base, i] });
  });
  return out;
}

function mounts(list: Json[], base: readonly PathSegment[]): PdMount[] {
  return named(list, base).map((item) => {
    const subPath = field(item.value, 'subPath');
    const subPathExpr = field(item.value, 'subPathExpr');
    return {
      ...item,
      mountPath: stringField(item.value, 'mountPath') ?? null,
      hasSubPath:
        (typeof subPath === 'string' && subPath !== '') ||
        (typeof subPathExpr === 'string' && subPathExpr !== ''),
    };
  });
}

function isOptional(value: Json | undefined): boolean {
  return field(value, 'optional') === true;
}

/** Secrets used by a container-like mapping (the spec itself, an init container, a sidecar). */
function containerSecretUses(container: Json, base: readonly PathSegment[], uses: SecretUse[]): void {
  arrayField(container, 'envFrom').forEach((source, i) => {
    const ref = field(source, 'secretRef');
    const name = stringField(ref, 'name');
    if (name)
      uses.push({
        secretName: name,
        optional: isOptional(ref),
        keys: [],
        path: [...base, 'envFrom', i],
        how: 'envFrom',
      });
  });
  arrayField(container, 'env').forEach((env, i) => {
    const ref = field(field(env, 'valueFrom'), 'secretKeyRef');
    const name = stringField(ref, 'name');
    const key = stringField(ref, 'key');
    if (name) {
      uses.push({
        secretName: name,
        optional: isOptional(ref),
        keys: key !== undefined ? [key] : [],
        path: [...base, 'env', i, 'valueFrom', 'secretKeyRef'],
        how: `env ${stringField(env, 'name') ?? ''}`.trim(),
      });
    }
  });
}

function itemKeys(source: Json | undefined): string[] {
  const keys: string[] = [];
  for (const item of arrayField(source, 'items')) {
    const key = stringField(item, 'key');
    if (key !== undefined) keys.push(key);
  }
  return keys;
}

export function readPodDefault(object: ManifestObject): PodDefaultModel {
  const spec = field(object.value, 'spec');
  const volumes = named(arrayField(spec, 'volumes'), ['spec', 'volumes']);
  const uses: SecretUse[] = [];
  for (const volume of volumes) {
    const secret = field(volume.value, 'secret');
    const secretName = stringField(secret, 'secretName');
    if (secretName) {
      uses.push({
        secretName,
        optional: isOptional(secret),
        keys: itemKeys(secret),
        path: [...volume.path, 'secret'],
        how: `volume "${volume.name}"`,
      });
    }
    arrayField(field(volume.value, 'projected'), 'sources').forEach((source, i) => {
      const projected = field(source, 'secret');
      const name = stringField(projected, 'name');
      if (name) {
        uses.push({
          secretName: name,
          optional: isOptional(projected),
          keys: itemKeys(projected),
          path: [...volume.path, 'projected', 'sources', i, 'secret'],
          how: `volume "${volume.name}"`,
        });
      }
    });
  }
  containerSecretUses(spec ?? null, ['spec'], uses);
  const containerMounts: PdMount[] = [];
  for (const list of ['initContainers', 'sidecars'] as const) {
    arrayField(spec, list).forEach((container, i) => {
      if (!isObject(container)) return;
      containerSecretUses(container, ['spec', list, i], uses);
      appendAll(
        containerMounts,
        mounts(arrayField(container, 'volumeMounts'), ['spec', list, i, 'volumeMounts']),
      );
    });
  }

  const envFrom: EnvFromSource[] = [];
  arrayField(spec, 'envFrom').forEach((source, i) => {
    const prefix = stringField(source, 'prefix') ?? '';
    const secret = stringField(field(source, 'secretRef'), 'name');
    const configMap = stringField(field(source, 'configMapRef'), 'name');
    if (secret) envFrom.push({ kind: 'Secret', name: secret, prefix, path: ['spec', 'envFrom', i] });
    if (configMap) envFrom.push({ kind: 'ConfigMap', name: configMap, prefix, path: ['spec', 'envFrom', i] });
  });

  return {
    object,
    selector: field(spec, 'selector'),
    volumes,
    volumeMounts: mounts(arrayField(spec, 'volumeMounts'), ['spec', 'volumeMounts']),
    containerMounts,
    env: named(arrayField(spec, 'env'), ['spec', 'env']),
    envFrom,
    secretUses: uses,
  };
}
