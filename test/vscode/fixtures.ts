/** In-memory Snapshots for the VS Code layer's tests: the engine reads them as it reads a real home. */
import type { Snapshot } from '../../src/core/snapshot';

export const HOME = '/home/kubeflow';
export const CANARY = {
  docker: 'CANARY-docker-Pw-0a1b2c',
  aws: 'CANARYawsSecretKey000000000000000000000001',
  env: 'CANARYenvSecretKey000000000000000000000002',
  token: 'CANARY-token-3d4e5f',
};

const enc = (text: string) => new TextEncoder().encode(text);
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

export const DOCKER_CONFIG = JSON.stringify({
  auths: {
    'registry.example.com:5000': { auth: b64(`alice:${CANARY.docker}`) },
    'broken.example.com': { auth: '!!not base64!!' },
  },
});

export const AWS_CREDENTIALS = `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${CANARY.aws}\n\n[team]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = ${CANARY.aws}\n`;

export interface SnapshotParts {
  readonly docker?: string | null;
  readonly aws?: string | null;
  readonly env?: Record<string, string>;
  readonly home?: string;
}

export function snapshotOf(parts: SnapshotParts = {}): Snapshot {
  const home = parts.home ?? HOME;
  const files: Snapshot['files'] = {};
  const docker = parts.docker === undefined ? DOCKER_CONFIG : parts.docker;
  const aws = parts.aws === undefined ? AWS_CREDENTIALS : parts.aws;
  const writable = files as Record<string, Snapshot['files'][string]>;
  if (docker !== null) writable[`${home}/.docker/config.json`] = { kind: 'file', bytes: enc(docker) };
  if (aws !== null) writable[`${home}/.aws/credentials`] = { kind: 'file', bytes: enc(aws) };
  return {
    home,
    env: parts.env ?? {
      AWS_ACCESS_KEY_ID: 'AKIAI44QH8DHBEXAMPLE',
      AWS_SECRET_ACCESS_KEY: CANARY.env,
      AWS_SESSION_TOKEN: CANARY.token,
      S3_ENDPOINT: 'http://minio.kubeflow:9000',
    },
    files,
    nowMs: Date.UTC(2026, 0, 1),
  };
}

/** Every text a secret could leak through. */
export function secretsIn(value: unknown): string[] {
  const text = JSON.stringify(value);
  return [...Object.values(CANARY), b64(`alice:${CANARY.docker}`)].filter((c) => text.includes(c));
}
