/** The extension's settings (schema/plugin.json), read defensively: a bad value falls back to its default. */
import type { StorageProviderChoice } from '../core/check/plan';

export type ProbeTarget = 'dedicated' | 'active';

export interface PanelSettings {
  /** The image Model(image_name=...) pushes; '' for none. */
  readonly image: string;
  /** Namespace of generated manifests; '' = the pod's namespace, else `default`. */
  readonly namespace: string;
  /** Prepended to every Secret and PodDefault name (the CLI's --name-prefix). */
  readonly namePrefix: string;
  /** Home directory the generated PodDefaults mount into; '' = the kernel's HOME. */
  readonly homeDir: string;
  readonly probeTarget: ProbeTarget;
  readonly probeTimeoutMs: number;
  /** The dedicated probe kernel is shut down after this long without a probe; 0 = never. */
  readonly idleShutdownMs: number;
  readonly preflightGuard: boolean;
  /** Live checks: which storage provider's credentials are tried. */
  readonly checkStorageProvider: StorageProviderChoice;
  /** `base_model_storage_uri`: its bucket is checked. */
  readonly checkStorageUri: string;
  /** Where Config.default()'s MinIO answers, as the pod reaches it. */
  readonly minioEndpoint: string;
  /** Per live check, all its round trips included. */
  readonly checkTimeoutMs: number;
}

export const DEFAULT_SETTINGS: PanelSettings = {
  image: '',
  namespace: '',
  namePrefix: '',
  homeDir: '',
  probeTarget: 'dedicated',
  probeTimeoutMs: 5000,
  idleShutdownMs: 10 * 60 * 1000,
  preflightGuard: true,
  checkStorageProvider: 'minio',
  checkStorageUri: 's3://kaptain/models',
  minioEndpoint: 'http://minio.kubeflow',
  checkTimeoutMs: 5000,
};

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value.trim() : fallback;
}

function number(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
    ? value
    : fallback;
}

/** The schema says `from-env`; the engine says `env`. */
function storageProvider(value: unknown, fallback: StorageProviderChoice): StorageProviderChoice {
  if (value === 'minio' || value === 's3') return value;
  if (value === 'from-env') return 'env';
  return fallback;
}

/** From the setting registry's composite object (plain JSON). */
export function parseSettings(composite: unknown): PanelSettings {
  const c = typeof composite === 'object' && composite !== null ? (composite as Record<string, unknown>) : {};
  const d = DEFAULT_SETTINGS;
  return {
    image: text(c.image, d.image),
    namespace: text(c.namespace, d.namespace),
    namePrefix: text(c.namePrefix, d.namePrefix),
    homeDir: text(c.homeDir, d.homeDir),
    probeTarget: c.probeTarget === 'active' ? 'active' : 'dedicated',
    probeTimeoutMs: number(c.probeTimeoutSeconds, d.probeTimeoutMs / 1000, 0.5, 300) * 1000,
    idleShutdownMs: number(c.idleShutdownMinutes, d.idleShutdownMs / 60000, 0, 1440) * 60000,
    preflightGuard: typeof c.preflightGuard === 'boolean' ? c.preflightGuard : d.preflightGuard,
    checkStorageProvider: storageProvider(c.checkStorageProvider, d.checkStorageProvider),
    checkStorageUri: text(c.checkStorageUri, d.checkStorageUri) || d.checkStorageUri,
    minioEndpoint: text(c.minioEndpoint, d.minioEndpoint) || d.minioEndpoint,
    checkTimeoutMs: number(c.checkTimeoutSeconds, d.checkTimeoutMs / 1000, 0.5, 120) * 1000,
  };
}

/** Settings whose change needs a new probe (the others only re-render or re-inspect). */
export function needsNewProbe(before: PanelSettings, after: PanelSettings): boolean {
  return before.probeTarget !== after.probeTarget;
}
