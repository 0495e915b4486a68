// Packs the VS Code extension (.vsix) from the built dist/ (run `npm run build` first; `npm run package:vsix`
// does both). The project's package.json `files` list is the CLI's npm packing, and vsce takes `files` over any
// ignore file, so the extension's own files are staged in build/vsix-stage, with a package.json whose `files`
// lists just them, and packed there: the bundle and its chunks, the icon, the VS Code docs, the README and the
// license. Offline.
// Usage: node src/vscode/packaging/packageVsix.mjs [--out FILE]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const outArg = process.argv.indexOf('--out');
const out = path.resolve(
  outArg > 0 ? process.argv[outArg + 1] : path.join(root, 'build', 'kaptain-credentials.vsix'),
);
const stage = path.join(root, 'build', 'vsix-stage');

const dist = path.join(root, 'dist');
if (!existsSync(path.join(dist, 'extension.js'))) {
  console.error('packageVsix: dist/extension.js is missing; run `npm run build` first');
  process.exit(1);
}
rmSync(stage, { recursive: true, force: true });
const staged = [];
const copy = (relative) => {
  staged.push(relative);
  mkdirSync(path.dirname(path.join(stage, relative)), { recursive: true });
  cpSync(path.join(root, relative), path.join(stage, relative));
};
copy('dist/extension.js');
for (const name of readdirSync(dist)) if (/^vscode-.*\.js$/.test(name)) copy(`dist/${name}`);
copy('src/vscode/media/kaptain.svg');
copy('README.md');
copy('LICENSE');
if (existsSync(path.join(root, 'docs', 'vscode.md'))) copy('docs/vscode.md');
const images = path.join(root, 'docs', 'img');
if (existsSync(images))
  for (const name of readdirSync(images)) if (/^vscode-.*\.png$/.test(name)) copy(`docs/img/${name}`);

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
// The bundle holds everything it runs: no dependencies, no scripts; `files` is exactly what was staged.
for (const field of ['scripts', 'devDependencies', 'dependencies', 'bin', 'jupyterlab'])
  delete manifest[field];
manifest.files = staged;
writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

mkdirSync(path.dirname(out), { recursive: true });
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const result = spawnSync(
  process.execPath,
  [
    vsce,
    'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '--no-rewrite-relative-links',
    '--out',
    out,
  ],
  { cwd: stage, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
