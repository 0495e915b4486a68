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
}

export const DEFAULT_HOME_DIR = '/home/kubeflow';

/** The subset of vscode.WorkspaceConfiguration used here. */
export interface ConfigurationReader {
  get<T>(key: string): T | undefined;
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
  };
}
