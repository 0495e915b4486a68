/** Findings about the pod itself rather than one file: where HOME is, which variables the SDK ignores, sizes. */
import { finding, type Finding } from './finding';
import { withoutTrailingSlashes } from './environment';
import type { FileState } from './snapshot';

export const KUBEFLOW_HOME = '/home/kubeflow';

/** `kubectl apply` keeps the object in an annotation, and annotations are capped at 256 KiB in total. */
export const KUBECTL_APPLY_ANNOTATION_LIMIT = 262144;

export function homeFindings(home: string): Finding[] {
  if (withoutTrailingSlashes(home) === KUBEFLOW_HOME) return [];
  return [
    finding({
      code: 'HOME_NOT_KUBEFLOW',
      severity: 'warning',
      subject: 'HOME',
      message: `HOME is ${home || '(empty)'}, not ${KUBEFLOW_HOME}: PodDefaults that mount under ${KUBEFLOW_HOME} (as the SDK guide's do) will not land in this home.`,
      fix: `Generate manifests with --home-dir ${home || '/home/jovyan'} so the Secrets are mounted under this notebook's home.`,
    }),
  ];
}

export function dockerConfigEnvFindings(env: Readonly<Record<string, string>>, dockerDir: string): Finding[] {
  const value = env.DOCKER_CONFIG;
  if (!value || withoutTrailingSlashes(value) === dockerDir) return [];
  return [
    finding({
      code: 'DOCKER_CONFIG_ENV_IGNORED',
      severity: 'warning',
      subject: 'DOCKER_CONFIG',
      message: `DOCKER_CONFIG points to ${value}, but DockerConfigurationProvider.default() always reads ${dockerDir}/config.json.`,
      fix: `Put config.json in ${dockerDir}/, or pass the other file explicitly with DockerConfigurationProvider.from_file("${withoutTrailingSlashes(value)}/config.json").`,
    }),
  ];
}

function base64Length(byteLength: number): number {
  return 4 * Math.ceil(byteLength / 3);
}

function fileSize(state: FileState): number | null {
  if (state.kind === 'file') return state.bytes.length;
  if (state.kind === 'too_large') return state.size;
  return null;
}

/** status: the base64 of config.json, or of the credentials file, each on its own, over 262144 bytes. */
export function kubectlApplyFindings(files: readonly { path: string; state: FileState }[]): Finding[] {
  return files.flatMap(({ path, state }) => {
    const size = fileSize(state);
    if (size === null || base64Length(size) <= KUBECTL_APPLY_ANNOTATION_LIMIT) return [];
    return [
      finding({
        code: 'SECRET_TOO_LARGE_FOR_KUBECTL_APPLY',
        severity: 'warning',
        subject: path,
        message: `A Secret made from ${path} is over 256 KiB once base64-encoded, too large for the annotation kubectl apply keeps.`,
        fix: 'Create the Secret with kubectl create (or kubectl apply --server-side), not a plain kubectl apply.',
      }),
    ];
  });
}

export function storageIgnoredFinding(usableCount: number): Finding[] {
  if (usableCount <= 1) return [];
  return [
    finding({
      code: 'STORAGE_CREDS_IGNORED_BY_CONFIG_DEFAULT',
      severity: 'info',
      subject: 'storage',
      message:
        'Usable S3 credentials are present, but Config.default() stores models in the in-cluster MinIO and ignores them.',
      fix: 'To use S3, pass a Config with storage_config_provider set to one of the usable S3 providers (see the alternatives).',
    }),
  ];
}
