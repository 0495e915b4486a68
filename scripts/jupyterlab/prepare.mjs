// `node scripts/jupyterlab/prepare.mjs VERSION`: a venv with jupyterlab==VERSION (cached) and this extension
// installed into it with pip, built first if needed. Prints the venv directory as JSON on the last line
// (the e2e suites, npm start and the bench use it).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { labextensionDir, root, versions } from './paths.mjs';
import { ensureLabVenv, installExtension } from './venv.mjs';

/** Newest modification time under the inputs of the lab build. */
function newestInput() {
  let newest = 0;
  const visit = (p) => {
    const info = statSync(p);
    if (info.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, info.mtimeMs);
  };
  for (const p of ['src', 'style', 'schema', 'package.json', 'scripts/jupyterlab/webpack.lab.js'])
    visit(path.join(root, p));
  return newest;
}

/** The build output is missing, or older than a source it is built from. */
function stale() {
  const built = path.join(labextensionDir, 'package.json');
  return (
    !existsSync(path.join(labextensionDir, 'static', 'style.js')) || statSync(built).mtimeMs < newestInput()
  );
}

export function prepare(version, { rebuild = false } = {}) {
  if (rebuild || stale()) {
    const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'jupyterlab', 'build.mjs')], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (build.status !== 0) throw new Error('npm run build:lab failed');
  }
  const venv = ensureLabVenv(version);
  installExtension(venv);
  return venv;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const version = process.argv[2] && !process.argv[2].startsWith('-') ? process.argv[2] : versions.oldest;
  const venv = prepare(version, { rebuild: process.argv.includes('--rebuild') });
  console.log(JSON.stringify({ version, dir: venv.dir }));
}
