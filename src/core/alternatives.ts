/**
 * The usable ways to build a `Config` other than `Config.default()`, each with the exact Python.
 * Module paths are the SDK API reference's (sdk-api-notes.md); it documents no import line for the providers,
 * so every snippet says so in a comment.
 */
import type { Alternative, StorageProvider } from './report';
import { PROVIDER_MINIO_DEFAULT, PROVIDER_S3_DEFAULT, PROVIDER_S3_FROM_ENV } from './report';

const MODULE_OF: Record<string, string> = {
  DockerConfigurationProvider: 'kaptain.platform.config.docker',
  S3ConfigurationProvider: 'kaptain.platform.config.s3',
  DefaultMinioConfigurationProvider: 'kaptain.platform.config.defaults',
  DockerRegistryCertificateProvider: 'kaptain.platform.config.certificates',
};

export interface AlternativesInput {
  /** DockerConfigurationProvider.default() constructs. */
  readonly dockerDefaultWorks: boolean;
  /** A config.json elsewhere (DOCKER_CONFIG) that from_file() would load. */
  readonly dockerFromFilePath: string | null;
  readonly usableProviders: readonly StorageProvider[];
  /** A valid $HOME/.tls/certificate.crt and the registry host it is probably for. */
  readonly certificateRegistry: string | null;
  readonly certificateUsable: boolean;
}

function pythonString(value: string): string {
  return JSON.stringify(value); // a JSON string literal is a valid Python string literal
}

function className(provider: string): string {
  return provider.slice(0, provider.indexOf('.'));
}

export function snippetFor(
  dockerProvider: string,
  storageProvider: string,
  certificate: string | null,
): string {
  const classes = new Set([className(dockerProvider), className(storageProvider)]);
  if (certificate !== null) classes.add('DockerRegistryCertificateProvider');
  const imports = [...classes].sort().map((name) => `from ${MODULE_OF[name]} import ${name}`);
  const lines = [
    '# Provider modules as the Kaptain SDK API reference names them (it documents no import line).',
    'from kaptain.config import Config',
    ...imports,
    '',
    'config = Config(',
    `    docker_config_provider=${dockerProvider},`,
    `    storage_config_provider=${storageProvider},`,
    ')',
  ];
  if (certificate !== null) {
    lines.push(
      '# The private registry that $HOME/.tls/certificate.crt is for:',
      `config.docker_registry_url = ${pythonString(certificate)}`,
      'config.docker_registry_certificate_provider = DockerRegistryCertificateProvider.default()',
    );
  }
  lines.push('', '# model = Model(..., config=config)');
  return lines.join('\n') + '\n';
}

const STORAGE_TITLES: Record<StorageProvider, string> = {
  [PROVIDER_MINIO_DEFAULT]: 'in-cluster MinIO',
  [PROVIDER_S3_DEFAULT]: 'S3 from ~/.aws/credentials',
  [PROVIDER_S3_FROM_ENV]: 'S3 from AWS_*/S3_* variables',
};

export function alternatives(input: AlternativesInput): Alternative[] {
  const dockerProviders: { expr: string; title: string }[] = [];
  if (input.dockerDefaultWorks) {
    dockerProviders.push({ expr: 'DockerConfigurationProvider.default()', title: '~/.docker/config.json' });
  }
  if (input.dockerFromFilePath !== null) {
    dockerProviders.push({
      expr: `DockerConfigurationProvider.from_file(${pythonString(input.dockerFromFilePath)})`,
      title: input.dockerFromFilePath,
    });
  }
  const certificate = input.certificateUsable ? (input.certificateRegistry ?? 'REGISTRY_HOST:PORT') : null;
  const out: Alternative[] = [];
  for (const docker of dockerProviders) {
    for (const storage of input.usableProviders) {
      const isConfigDefault =
        docker.expr === 'DockerConfigurationProvider.default()' && storage === PROVIDER_MINIO_DEFAULT;
      if (isConfigDefault && certificate === null) continue;
      out.push({
        dockerProvider: docker.expr,
        storageProvider: storage,
        title: `Docker: ${docker.title}; storage: ${STORAGE_TITLES[storage]}`,
        snippet: snippetFor(docker.expr, storage, certificate),
      });
    }
  }
  return out;
}
