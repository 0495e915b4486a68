/** The SDK guide's names for each Secret and PodDefault, and where each is mounted. */
import type { SourceId } from './types';

export interface SourceNames {
  readonly secret: string;
  readonly podDefault: string;
  /** Volume name and directory under the home, for mounted Secrets; null for the env Secret. */
  readonly volume: string | null;
  readonly homeSubdir: string | null;
  /** What the notebook spawner lists for the PodDefault. */
  readonly desc: string;
}

export const SOURCE_ORDER: readonly SourceId[] = ['docker', 'awsFile', 'awsEnv', 'certificate'];

const NAMES: Record<SourceId, SourceNames> = {
  docker: {
    secret: 'docker-secret',
    podDefault: 'docker-config',
    volume: 'docker-secret-volume',
    homeSubdir: '.docker',
    desc: 'Docker registry credentials for the Kaptain SDK (~/.docker/config.json)',
  },
  awsFile: {
    secret: 'aws-credentials',
    podDefault: 'aws-credentials',
    volume: 'aws-credentials-volume',
    homeSubdir: '.aws',
    desc: 'AWS credentials file for S3ConfigurationProvider.default() (~/.aws/credentials)',
  },
  awsEnv: {
    secret: 'aws-configuration',
    podDefault: 'aws-configuration',
    volume: null,
    homeSubdir: null,
    desc: 'AWS_* and S3_* variables for S3ConfigurationProvider.from_env()',
  },
  certificate: {
    secret: 'registry-certificate',
    podDefault: 'registry-certificate',
    volume: 'registry-certificate-volume',
    homeSubdir: '.tls',
    desc: 'Private Docker registry certificate (~/.tls/certificate.crt)',
  },
};

export function namesFor(id: SourceId, prefix: string): SourceNames {
  const n = NAMES[id];
  return {
    ...n,
    secret: prefix + n.secret,
    podDefault: prefix + n.podDefault,
    volume: n.volume === null ? null : prefix + n.volume,
  };
}
