/* global document, window, MutationObserver, requestAnimationFrame -- page.evaluate callbacks run in the browser */
// JupyterLab face figures: `export async function bench(report)` (wired into bench/run.mjs by the lead);
// `node bench/jupyterlab.mjs` prints them alone.
// - the prebuilt extension's JavaScript (every chunk, raw and gzip) and what the page loads before the first
//   rendered verdict (the rest, the manifests and lint engines with the YAML library, loads on first use);
// - the probe round trip through JupyterLab's kernel connection on an idle dedicated kernel (the palette command
//   "Measure Probe Speed": 50 probes beside 50 empty silent executes, alternated);
// - the time from opening the panel to a rendered verdict with the probe kernel already running.
// Runs a real JupyterLab (the newest tested) on 127.0.0.1 with a temporary home, driven by Debian's chromium.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const {
  labArguments,
  isolatedJupyterEnv,
  writeLabSettings,
  QUIET_SETTINGS,
} = require('../scripts/jupyterlab/launch.cjs');
const staticDir = path.join(root, 'kaptain_credentials', 'labextension', 'static');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (value) => `${value.toFixed(1)} ms`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function chunkSizes() {
  const sizes = new Map();
  for (const name of readdirSync(staticDir).filter((f) => f.endsWith('.js'))) {
    const bytes = readFileSync(path.join(staticDir, name));
    sizes.set(name, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return sizes;
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startLab(venvDir, home) {
  const work = mkdtempSync(path.join(tmpdir(), 'kc-bench-lab-'));
  const rootDir = path.join(work, 'root');
  mkdirSync(rootDir);
  const env = {
    PATH: `${path.join(venvDir, 'bin')}:/usr/local/bin:/usr/bin:/bin`,
    LANG: 'C.UTF-8',
    HOME: home,
    ...isolatedJupyterEnv(path.join(work, 'jupyter')),
  };
  writeLabSettings(env.JUPYTERLAB_SETTINGS_DIR, QUIET_SETTINGS);
  const port = await freePort();
  const token = randomBytes(16).toString('hex');
  const child = spawn(path.join(venvDir, 'bin', 'jupyter'), labArguments({ port, token, rootDir }), {
    env,
    detached: true,
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/status`, { headers: { Authorization: `token ${token}` } })).ok) break;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url: `${base}/lab?token=${token}`,
    async stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // gone
      }
      if (child.exitCode === null)
        await Promise.race([
          new Promise((r) => child.once('exit', r)),
          new Promise((r) => setTimeout(r, 8000)),
        ]);
      spawnSync('pkill', ['-KILL', '-f', env.JUPYTER_RUNTIME_DIR]);
      rmSync(work, { recursive: true, force: true });
    },
  };
}

export async function bench(report, opens = Number(process.env.BENCH_RUNS ?? 15)) {
  const { versions } = await import('../scripts/jupyterlab/paths.mjs');
  const { prepare } = await import('../scripts/jupyterlab/prepare.mjs');
  const venv = prepare(versions.newest, { rebuild: true });
  const sizes = chunkSizes();
  const total = [...sizes.values()].reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), {
    raw: 0,
    gzip: 0,
  });
  report(`lab extension JavaScript, ${sizes.size} chunks (raw)`, kb(total.raw));
  report('lab extension JavaScript, all chunks (gzip)', kb(total.gzip));

  const home = mkdtempSync(path.join(tmpdir(), 'kc-bench-home-'));
  mkdirSync(path.join(home, '.docker'));
  writeFileSync(
    path.join(home, '.docker', 'config.json'),
    JSON.stringify({ auths: { 'registry.example.com': { auth: Buffer.from('u:p').toString('base64') } } }),
  );
  mkdirSync(path.join(home, '.aws'));
  writeFileSync(
    path.join(home, '.aws', 'credentials'),
    '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\n',
  );
  const lab = await startLab(venv.dir, home);
  const profile = mkdtempSync(path.join(tmpdir(), 'kc-bench-chromium-'));
  const { chromium } = require('playwright-core');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-sync',
    ],
    env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const loaded = [];
    let firstPaintDone = false;
    page.on('request', (request) => {
      const match = /\/lab\/extensions\/kaptain-credentials\/static\/([^?]+)/.exec(request.url());
      if (match) loaded.push({ name: match[1], beforeFirstPaint: !firstPaintDone });
    });
    const timings = [];
    page.on('console', (message) => {
      const m = /probe timings (\{.*\})/.exec(message.text());
      if (m) timings.push(JSON.parse(m[1]));
    });
    await page.goto(lab.url);
    await page.waitForSelector('#jp-main-dock-panel', { timeout: 90000 });
    const panel = '#kaptain-credentials-panel';
    await page.locator('.lm-TabBar-tab[data-id="kaptain-credentials-panel"]').click();
    await page.locator(`${panel} .kc-verdict`).waitFor({ timeout: 90000 });
    firstPaintDone = true;
    const beforePaint = [...new Set(loaded.filter((l) => l.beforeFirstPaint).map((l) => l.name))];
    const paintBytes = beforePaint.reduce((sum, name) => sum + (sizes.get(name)?.gzip ?? 0), 0);
    report(
      `loaded before the first verdict: ${beforePaint.length} of ${sizes.size} chunks (gzip)`,
      kb(paintBytes),
    );

    // Opening the panel with the kernel running: click the tab, wait for the next completed check to render.
    const openTimes = [];
    for (let i = 0; i < opens; i++) {
      await page.locator('.lm-TabBar-tab[data-id="kaptain-credentials-panel"]').click(); // close
      await page.locator(panel).waitFor({ state: 'hidden' });
      // Timed in the page, from the real pointer press on the tab to the frame after the new verdict rendered.
      await page.evaluate((selector) => {
        const node = document.querySelector(selector);
        const tab = document.querySelector('.lm-TabBar-tab[data-id="kaptain-credentials-panel"]');
        const before = node.getAttribute('data-kc-checks');
        window.__kcOpenTime = new Promise((resolve, reject) => {
          let start = 0;
          tab.addEventListener('pointerdown', () => (start = performance.now()), {
            capture: true,
            once: true,
          });
          const observer = new MutationObserver(() => {
            if (node.getAttribute('data-kc-checks') !== before) {
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - start));
            }
          });
          observer.observe(node, { attributes: true, attributeFilter: ['data-kc-checks'] });
          setTimeout(() => reject(new Error('no verdict within 30 s')), 30000);
        });
      }, panel);
      await page.locator('.lm-TabBar-tab[data-id="kaptain-credentials-panel"]').click();
      openTimes.push(await page.evaluate(() => window.__kcOpenTime));
    }
    report(`open the panel → verdict rendered, kernel running (median of ${opens})`, ms(median(openTimes)));

    // The palette command runs 50 probes and 50 empty silent executes on the dedicated kernel.
    await page.keyboard.press('Control+Shift+C');
    await page.locator('.lm-CommandPalette-input').fill('Measure Probe Speed');
    await page.locator('.lm-CommandPalette-item', { hasText: 'Measure Probe Speed' }).first().click();
    const deadline = Date.now() + 300000;
    while (timings.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const t = timings[0];
    if (!t) throw new Error('no probe timings in the console');
    report(
      `probe round trip via JupyterLab, idle dedicated kernel (median of ${t.runs})`,
      ms(t.probeMedianMs),
      'target < 20 ms',
    );
    report(`probe round trip (p95 of ${t.runs})`, ms(t.probeP95Ms), 'target < 50 ms');
    report('empty silent execute, same kernel and path (median, the floor)', ms(t.emptyMedianMs));
    report('empty silent execute (p95)', ms(t.emptyP95Ms));
    report('probe cost over the floor (median)', ms(t.probeMedianMs - t.emptyMedianMs));
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    await lab.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = (name, value, target = '') =>
    console.log(`${name.padEnd(72)} ${String(value).padStart(10)}   ${target}`);
  await bench(report);
}
