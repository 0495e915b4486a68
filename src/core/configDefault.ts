/** What `Config.default()` resolves to, and whether it would raise (findings.md, "Where the SDK guide is silent" 3). */
import type { ConfigDefault, DockerStatus } from './report';
import { PROVIDER_MINIO_DEFAULT } from './report';

/** Why DockerConfigurationProvider.default() raises for each failing status; absent = it constructs. */
const FAILURE_REASONS: Partial<Record<DockerStatus, string>> = {
  missing: 'config.json missing',
  empty: 'config.json is empty',
  invalid_json: 'config.json is not valid JSON',
  trailing_data: 'config.json has data after its JSON value',
  bom: 'config.json starts with a byte order mark',
  not_object: 'config.json is not a JSON object',
  not_a_file: 'config.json is not a regular file',
  unreadable: 'config.json cannot be read',
};

export function resolveConfigDefault(dockerStatus: DockerStatus): ConfigDefault {
  const failure = FAILURE_REASONS[dockerStatus];
  return {
    dockerProvider: 'DockerConfigurationProvider.default()',
    storageProvider: PROVIDER_MINIO_DEFAULT,
    wouldFail: failure !== undefined,
    reason:
      failure ??
      (dockerStatus === 'too_large'
        ? 'config.json present (too large to become a Secret); the in-cluster MinIO default needs no configuration'
        : 'config.json present; the in-cluster MinIO default needs no configuration'),
  };
}

/** The short failure used by verdict lines: "config.json missing". */
export function failureSummary(dockerStatus: DockerStatus): string | null {
  return FAILURE_REASONS[dockerStatus] ?? null;
}
