import { withoutTrailingSlashes } from './environment';

/**
 * What a host can see, with nothing decided yet. Gathering a Snapshot is the only I/O; the engine
 * interprets it. Every face (Node reader, JupyterLab kernel probe, VS Code) builds the same shape.
 */

/** The reader never reads more than this (cli.md: `too_large`). */
export const READ_LIMIT_BYTES = 8 * 1024 * 1024;

/** The state of one path the engine asked for. */
export type FileState =
  | { readonly kind: 'missing' }
  | { readonly kind: 'not_a_file' }
  | { readonly kind: 'unreadable' }
  /** Over READ_LIMIT_BYTES: not read at all. */
  | { readonly kind: 'too_large'; readonly size: number }
  | { readonly kind: 'file'; readonly bytes: Uint8Array };

export interface Snapshot {
  /** $HOME as the host saw it. */
  readonly home: string;
  /** The process environment (only variables that are set appear). */
  readonly env: Readonly<Record<string, string>>;
  /** Keyed by absolute path, for every path of `snapshotPaths(home)`. A path absent here is `missing`. */
  readonly files: Readonly<Record<string, FileState>>;
  /** The host's clock in milliseconds since the epoch: the engine has none (certificate expiry). */
  readonly nowMs: number;
}

export interface SnapshotPaths {
  readonly dockerConfig: string;
  readonly awsCredentials: string;
  readonly certificate: string;
  /**
   * `$DOCKER_CONFIG/config.json` when DOCKER_CONFIG names another directory: the SDK's default() ignores it,
   * but `DockerConfigurationProvider.from_file()` can use it, so the engine looks at it as an alternative.
   */
  readonly dockerConfigFromEnv: string | null;
}

/** The paths the SDK's default() providers read: fixed under $HOME. */
export function snapshotPaths(home: string, env: Readonly<Record<string, string>> = {}): SnapshotPaths {
  const base = withoutTrailingSlashes(home);
  const dockerDir = `${base === '/' ? '' : base}/.docker`;
  const fromEnv = env.DOCKER_CONFIG ? withoutTrailingSlashes(env.DOCKER_CONFIG) : '';
  return {
    dockerConfig: `${dockerDir}/config.json`,
    awsCredentials: `${base === '/' ? '' : base}/.aws/credentials`,
    certificate: `${base === '/' ? '' : base}/.tls/certificate.crt`,
    dockerConfigFromEnv:
      fromEnv && fromEnv !== dockerDir ? `${fromEnv === '/' ? '' : fromEnv}/config.json` : null,
  };
}

/** Every path a host must gather for `snapshotPaths(home, env)`. */
export function pathsToGather(paths: SnapshotPaths): string[] {
  const all = [paths.dockerConfig, paths.awsCredentials, paths.certificate];
  return paths.dockerConfigFromEnv ? [...all, paths.dockerConfigFromEnv] : all;
}

export function fileState(snapshot: Snapshot, path: string): FileState {
  return snapshot.files[path] ?? { kind: 'missing' };
}
