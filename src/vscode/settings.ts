/**
 * The `kaptainCredentials.*` settings, read through a getter so the mapping is testable without VS Code.
 * Names of generated objects: the engine fixes the SDK guide's names (docker-secret, docker-config, ...) and
 * supports one prefix for all of them (ManifestOptions.namePrefix), so the setting is that prefix.
 */

export interface Settings {
  /** The image the SDK will push (`Model(image_name=...)`); '' when not set. */
  readonly image: string;
  /** Namespace of generated manifests and the lint context's; '' = this pod's own, else asked. */
  readonly namespace: string;
  /** Prepended to every generated Secret, PodDefault, volume name and selector label. */
  readonly namePrefix: string;
  /** The notebook image's home, where generated mountPaths go. */
  readonly homeDir: string;
  readonly statusBarEnabled: boolean;
  /** Live checks (run only by the Check credentials command). */
  readonly check: CheckSettings;
}

/** The CLI's `--storage-provider` names; `from-env` is S3ConfigurationProvider.from_env(). */
export type CheckStorageProvider = 'minio' | 's3' | 'from-env';

export interface CheckSettings {
  readonly storageProvider: CheckStorageProvider;
  readonly storageUri: string;
  readonly minioEndpoint: string;
  /** Per check, all its round trips included. */
  readonly timeoutMs: number;
}

/** Kept in step with src/core/check/plan.ts (not imported: activation must not load the check code). */
export const CHECK_DEFAULTS: CheckSettings = {
  storageProvider: 'minio',
  storageUri: 's3://kaptain/models',
  minioEndpoint: 'http://minio.kubeflow',
  timeoutMs: 5000,
};

const MAX_TIMEOUT_SECONDS = 300;

export const DEFAULT_HOME_DIR = '/home/kubeflow';

/** The subset of vscode.WorkspaceConfiguration used here. */
export interface ConfigurationReader {
  get<T>(key: string): T | undefined;
}

function checkSettings(config: ConfigurationReader): CheckSettings {
  const provider = config.get<unknown>('check.storageProvider');
  const seconds = config.get<unknown>('check.timeoutSeconds');
  return {
    storageProvider:
      provider === 'minio' || provider === 's3' || provider === 'from-env'
        ? provider
        : CHECK_DEFAULTS.storageProvider,
    storageUri: text(config, 'check.storageUri', '') || CHECK_DEFAULTS.storageUri,
    minioEndpoint: text(config, 'check.minioEndpoint', '') || CHECK_DEFAULTS.minioEndpoint,
    timeoutMs:
      typeof seconds === 'number' && seconds > 0 && seconds <= MAX_TIMEOUT_SECONDS
        ? Math.round(seconds * 1000)
        : CHECK_DEFAULTS.timeoutMs,
  };
}

function text(config: ConfigurationReader, key: string, fallback: string): string {
  const value = config.get<unknown>(key);
  return typeof value === 'string' ? value.trim() : fallback;
}

export function readSettings(config: ConfigurationReader): Settings {
  const statusBar = config.get<unknown>('statusBar.enabled');
  return {
    image: text(config, 'image', ''),
    namespace: text(config, 'namespace', ''),
    namePrefix: text(config, 'namePrefix', ''),
    homeDir: text(config, 'homeDir', '') || DEFAULT_HOME_DIR,
    statusBarEnabled: statusBar !== false,
    check: checkSettings(config),
  };
}
