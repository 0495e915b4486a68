/** The Report: the `status --json` shape of contract/cli.md. Field names are the contract's. */
import type { Finding } from './finding';

export type DockerStatus =
  | 'ok'
  | 'missing'
  | 'empty'
  | 'invalid_json'
  | 'trailing_data'
  | 'bom'
  | 'not_object'
  | 'not_a_file'
  | 'unreadable'
  | 'too_large';

export interface RegistryEntry {
  /** The `auths` key as written. */
  readonly key: string;
  /** ConvertToHostname(key), Hub names shown as `docker.io`. */
  readonly host: string;
  readonly username: string | null;
  readonly hasPassword: boolean;
  /** false exactly when a non-empty `auth` fails docker/cli's decodeAuth. */
  readonly valid: boolean;
}

export interface ImageLookup {
  readonly image: string;
  readonly key: string | null;
  /** The auths entry that would serve it; null when none; "AMBIGUOUS" when two could. */
  readonly matchedEntry: string | null;
}

export interface DockerSection {
  readonly path: string;
  readonly status: DockerStatus;
  readonly dockerCliLoadOk: boolean | null;
  readonly registries: readonly RegistryEntry[];
  readonly credsStore: string | null;
  readonly credHelpers: Readonly<Record<string, string>> | null;
  readonly lookups: readonly ImageLookup[];
}

export type AwsFileStatus =
  'ok' | 'missing' | 'empty' | 'parse_error' | 'not_a_file' | 'unreadable' | 'too_large';

export const PROVIDER_MINIO_DEFAULT = 'DefaultMinioConfigurationProvider.default()';
export const PROVIDER_S3_DEFAULT = 'S3ConfigurationProvider.default()';
export const PROVIDER_S3_FROM_ENV = 'S3ConfigurationProvider.from_env()';
export type StorageProvider =
  typeof PROVIDER_MINIO_DEFAULT | typeof PROVIDER_S3_DEFAULT | typeof PROVIDER_S3_FROM_ENV;

export interface MaskedCredentials {
  readonly accessKeyId: string;
  readonly hasSecret: boolean;
  readonly hasSessionToken: boolean;
}

export interface StorageEnv {
  readonly present: boolean;
  readonly accessKeyId: string | null;
  readonly hasSecret: boolean | null;
  readonly hasSessionToken: boolean | null;
  readonly region: string | null;
  readonly endpoint: string | null;
  readonly endpointValid: boolean | null;
  readonly forcePathStyle: boolean | null;
  readonly signatureVersion: string | null;
}

export interface StorageSection {
  readonly credentialsFile: {
    readonly path: string;
    readonly status: AwsFileStatus;
    readonly profiles: readonly string[];
  };
  readonly selectedProfile: string;
  readonly fileCredentials: MaskedCredentials | null;
  readonly env: StorageEnv;
  readonly usableProviders: readonly StorageProvider[];
}

export type CertificateStatus = 'ok' | 'missing' | 'invalid' | 'not_a_file' | 'unreadable' | 'too_large';

export interface CertificateSection {
  readonly path: string;
  readonly status: CertificateStatus;
  readonly names: readonly string[];
  /** ISO 8601, e.g. 2026-01-31T23:59:59Z; null when unknown. */
  readonly notAfter: string | null;
}

export interface ConfigDefault {
  readonly dockerProvider: 'DockerConfigurationProvider.default()';
  readonly storageProvider: typeof PROVIDER_MINIO_DEFAULT;
  readonly wouldFail: boolean;
  readonly reason: string;
}

/** A usable way to build a Config other than Config.default(), with the Python that does it. */
export interface Alternative {
  readonly dockerProvider: string;
  readonly storageProvider: string;
  readonly title: string;
  readonly snippet: string;
}

export interface Report {
  readonly home: string;
  readonly docker: DockerSection;
  readonly storage: StorageSection;
  readonly certificate: CertificateSection;
  readonly configDefault: ConfigDefault;
  /** Added field (cli.md allows more): the Config snippets for the usable alternatives. */
  readonly alternatives: readonly Alternative[];
  readonly findings: readonly Finding[];
}
