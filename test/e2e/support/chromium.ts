/**
 * Debian's chromium through playwright-core (never a downloaded browser), headless, with its profile, home and
 * caches in `profileDir`, and every console message and page error of its page kept (the canary checks read them).
 */
import { mkdirSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export interface OpenBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly console: string[];
}

export async function launchChromium(
  profileDir: string,
  viewport: { width: number; height: number },
): Promise<OpenBrowser> {
  mkdirSync(profileDir, { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    env: {
      ...process.env,
      HOME: profileDir,
      XDG_CONFIG_HOME: profileDir,
      XDG_CACHE_HOME: profileDir,
      TMPDIR: profileDir,
    },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const console: string[] = [];
  page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => console.push(`pageerror: ${error.message}`));
  return { context, page, console };
}
