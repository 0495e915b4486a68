/**
 * Check credentials: contacts the registry of the image setting (or every `auths` entry) and the storage of the
 * chosen provider with the credentials the SDK would use, through the same engine and Node transport as the CLI's
 * `check`. Loaded as its own chunk on first use (it holds the request signing and the transport).
 */
import * as vscode from 'vscode';
import type { StorageProviderChoice } from '../core/check/plan';
import { passed, type CheckResult } from '../core/check/types';
import { runLiveChecks } from '../node/check/liveChecks';
import { VIEW_ID } from './ids';
import type { LiveChecks } from './liveChecks';
import type { CheckStorageProvider, Settings } from './settings';

const PROVIDERS: Readonly<Record<CheckStorageProvider, StorageProviderChoice>> = {
  minio: 'minio',
  s3: 's3',
  'from-env': 'env',
};

export function checkSummary(results: readonly CheckResult[]): string {
  const failed = results.filter((r) => !passed(r)).length;
  const checks = `${results.length} check${results.length === 1 ? '' : 's'}`;
  return `Live checks: ${checks}, ${results.length - failed} passed, ${failed} failed. The Kaptain view shows what each server answered.`;
}

export async function checkCredentials(
  settings: Settings,
  checks: LiveChecks,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const results = await vscode.window.withProgress(
    { location: { viewId: VIEW_ID }, title: 'Checking credentials' },
    () =>
      checks.run(() =>
        runLiveChecks(env, {
          docker: true,
          storage: true,
          images: settings.image === '' ? [] : [settings.image],
          storageProvider: PROVIDERS[settings.check.storageProvider],
          storageUri: settings.check.storageUri,
          minioEndpoint: settings.check.minioEndpoint,
          timeoutMs: settings.check.timeoutMs,
        }),
      ),
  );
  await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  const summary = checkSummary(results);
  if (results.every(passed)) void vscode.window.showInformationMessage(summary);
  else void vscode.window.showWarningMessage(summary);
}
