import { spawnSync } from 'node:child_process';
import { alternatives, snippetFor } from '../../src/core/alternatives';
import {
  PROVIDER_MINIO_DEFAULT,
  PROVIDER_S3_DEFAULT,
  PROVIDER_S3_FROM_ENV,
  type StorageProvider,
} from '../../src/core/report';

const base = {
  dockerDefaultWorks: true,
  dockerFromFilePath: null,
  usableProviders: [PROVIDER_MINIO_DEFAULT] as StorageProvider[],
  certificateRegistry: null,
  certificateUsable: false,
};

describe('alternatives to Config.default()', () => {
  test('none when only Config.default() itself is usable', () => {
    expect(alternatives(base)).toEqual([]);
  });

  test('one per usable S3 provider, with the exact Python and the documented modules', () => {
    const alts = alternatives({
      ...base,
      usableProviders: [PROVIDER_MINIO_DEFAULT, PROVIDER_S3_DEFAULT, PROVIDER_S3_FROM_ENV],
    });
    expect(alts.map((a) => a.storageProvider)).toEqual([PROVIDER_S3_DEFAULT, PROVIDER_S3_FROM_ENV]);
    const fromEnv = alts[1].snippet;
    expect(fromEnv).toContain('from kaptain.config import Config');
    expect(fromEnv).toContain('from kaptain.platform.config.s3 import S3ConfigurationProvider');
    expect(fromEnv).toContain('from kaptain.platform.config.docker import DockerConfigurationProvider');
    expect(fromEnv).toContain('    storage_config_provider=S3ConfigurationProvider.from_env(),');
    expect(fromEnv).toMatch(/documents no import line/);
  });

  test('a config.json named by DOCKER_CONFIG gives from_file() alternatives even when default() fails', () => {
    const alts = alternatives({
      ...base,
      dockerDefaultWorks: false,
      dockerFromFilePath: '/etc/docker "x"/config.json',
    });
    expect(alts).toHaveLength(1);
    // The path is a Python string literal, quotes escaped.
    expect(alts[0].snippet).toContain(
      'DockerConfigurationProvider.from_file("/etc/docker \\"x\\"/config.json")',
    );
  });

  test('no alternative when no Docker provider works', () => {
    expect(
      alternatives({
        ...base,
        dockerDefaultWorks: false,
        usableProviders: [PROVIDER_MINIO_DEFAULT, PROVIDER_S3_DEFAULT],
      }),
    ).toEqual([]);
  });

  test('a usable registry certificate adds the certificate provider and the registry URL', () => {
    const alts = alternatives({
      ...base,
      certificateUsable: true,
      certificateRegistry: 'registry.example.com:5000',
    });
    expect(alts).toHaveLength(1);
    expect(alts[0].snippet).toContain('config.docker_registry_url = "registry.example.com:5000"');
    expect(alts[0].snippet).toContain(
      'from kaptain.platform.config.certificates import DockerRegistryCertificateProvider',
    );
  });

  test('snippets are valid Python (compiled by python3)', () => {
    const code = snippetFor(
      'DockerConfigurationProvider.from_file("/a/\\u00e9")',
      PROVIDER_S3_FROM_ENV,
      'r.example.com',
    );
    const result = spawnSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), "snippet", "exec")'], {
      input: code,
    });
    expect(result.status).toBe(0);
  });
});
