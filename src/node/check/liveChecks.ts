/**
 * Plans and runs the live checks from a Node process's HOME and environment, with the Node transport: what a Node
 * face (VS Code's Check credentials command) calls with its options. MinIO's keys come from the environment, as
 * the SDK's pod gets them (MINIO_ACCESS_KEY / MINIO_SECRET_KEY, read into the Snapshot); they never reach a result.
 */
import { planChecks, type StorageProviderChoice } from '../../core/check/plan';
import { runChecks } from '../../core/check/run';
import type { CheckResult } from '../../core/check/types';
import { readSnapshot } from '../readSnapshot';
import { sendWithNode } from './nodeTransport';

export interface LiveCheckOptions {
  readonly docker: boolean;
  readonly storage: boolean;
  /** The images the SDK will push; none: every `auths` entry. */
  readonly images: readonly string[];
  readonly storageProvider: StorageProviderChoice;
  readonly storageUri: string;
  readonly minioEndpoint: string;
  readonly timeoutMs: number;
  readonly insecureRegistries?: readonly string[];
}

export async function runLiveChecks(
  env: NodeJS.ProcessEnv,
  options: LiveCheckOptions,
  now: () => number = Date.now,
): Promise<CheckResult[]> {
  const plans = planChecks(readSnapshot(env), {
    docker: options.docker,
    storage: options.storage,
    images: options.images,
    storageProvider: options.storageProvider,
    storageUri: options.storageUri,
    minioEndpoint: options.minioEndpoint,
    insecureRegistries: options.insecureRegistries ?? [],
  });
  return runChecks(plans, { send: sendWithNode, now, timeoutMs: options.timeoutMs });
}
