/** JupyterLab in Debian's chromium (test/e2e/support/chromium.ts), with every console message kept. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../support/chromium';

export interface LabPage {
  readonly page: Page;
  readonly console: string[];
  close(): Promise<void>;
}

export async function openLab(url: string): Promise<LabPage> {
  const profile = mkdtempSync(path.join(tmpdir(), 'kc-chromium-'));
  const { context, page, console: messages } = await launchChromium(profile, { width: 1280, height: 860 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => undefined);
  await page.goto(url);
  await page.waitForSelector('#jp-main-dock-panel', { timeout: 90000 });
  return {
    page,
    console: messages,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
