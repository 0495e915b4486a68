/**
 * Secrets from values the user types rather than files: the config.json the SDK needs for one registry
 * (kubectl's docker-registry layout, but as an Opaque Secret with the key config.json, where the SDK reads it).
 */
import { encodeBase64, encodeUtf8 } from '../bytes';
import { registryKeyForDomain } from '../dockerRegistryKeys';
import type { ManifestSource } from './types';

export interface GivenDocker {
  readonly server: string;
  readonly username: string;
  readonly password: string;
}

/** A bare Hub name becomes the key docker/cli looks up (https://index.docker.io/v1/); others stay as given. */
export function dockerServerKey(server: string): string {
  return server.includes('/') ? server : registryKeyForDomain(server);
}

export function dockerConfigJson(given: GivenDocker): string {
  const auth = encodeBase64(encodeUtf8(`${given.username}:${given.password}`));
  const entry = { username: given.username, password: given.password, auth };
  return JSON.stringify({ auths: { [dockerServerKey(given.server)]: entry } }, null, 2) + '\n';
}

export function givenDockerSource(given: GivenDocker): ManifestSource {
  return {
    id: 'docker',
    origin: { kind: 'given' },
    entries: [{ key: 'config.json', bytes: encodeUtf8(dockerConfigJson(given)) }],
  };
}

/** The env Secret from typed values; only set, non-empty variables become keys (as from the pod's env). */
export function givenEnvSource(values: Readonly<Record<string, string>>): ManifestSource {
  const entries = Object.entries(values)
    .filter(([, v]) => v !== '')
    .map(([key, v]) => ({ key, bytes: encodeUtf8(v) }));
  return { id: 'awsEnv', origin: { kind: 'given' }, entries };
}
