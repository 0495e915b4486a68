/** In-memory Snapshots for the check tests. */
import type { Snapshot, FileState } from '../../../src/core/snapshot';

export const HOME = '/home/kubeflow';

export function snapshotOf(options: {
  config?: object | string;
  credentials?: string;
  certificate?: string;
  env?: Record<string, string>;
}): Snapshot {
  const files: Record<string, FileState> = {};
  const bytes = (text: string): FileState => ({ kind: 'file', bytes: new TextEncoder().encode(text) });
  if (options.config !== undefined) {
    files[`${HOME}/.docker/config.json`] = bytes(
      typeof options.config === 'string' ? options.config : JSON.stringify(options.config),
    );
  }
  if (options.credentials !== undefined) files[`${HOME}/.aws/credentials`] = bytes(options.credentials);
  if (options.certificate !== undefined) files[`${HOME}/.tls/certificate.crt`] = bytes(options.certificate);
  return { home: HOME, env: options.env ?? {}, files, nowMs: Date.parse('2026-01-02T03:04:05Z') };
}

export const b64 = (text: string) => Buffer.from(text).toString('base64');
