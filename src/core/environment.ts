/** Which environment variables the engine reads; a host passes only these (they are all it needs to see). */

const RELEVANT_PREFIXES = ['AWS_', 'S3_', 'DOCKER_'];
/** And the in-cluster MinIO's keys, which only the live check signs with (the report never shows them). */
const RELEVANT_NAMES = new Set(['HOME', 'MINIO_ACCESS_KEY', 'MINIO_SECRET_KEY']);

export function isRelevantEnvName(name: string): boolean {
  return RELEVANT_NAMES.has(name) || RELEVANT_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** Trailing slashes do not change a directory (`/home/kubeflow/.docker/` is `$HOME/.docker`). */
export function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}
