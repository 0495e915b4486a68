// `npm run build:lab`: the prebuilt JupyterLab extension, in kaptain_credentials/labextension (git-ignored).
//
// The builder is run on a small generated package (build/lab-package/package.json) rather than on the repository
// root: the root's `main` is the VS Code extension and its dependencies are the Node faces', and the builder
// exposes `main` and shares every dependency. The generated package takes the root's `jupyterlab`, `style`,
// name and version, points `main` at src/jupyterlab/index.ts and shares only what the panel uses.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureCorePackage } from './corePackage.mjs';
import { root } from './paths.mjs';

const development = process.argv.includes('--development');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const lab = pkg.jupyterlab;
if (!lab || typeof lab.extension !== 'string')
  throw new Error('package.json has no jupyterlab.extension path');

const staging = path.join(root, 'build', 'lab-package');
mkdirSync(staging, { recursive: true });
const rel = (p) => path.relative(staging, path.join(root, p));
const staged = {
  name: pkg.name,
  version: pkg.version,
  description: pkg.description,
  license: pkg.license,
  main: rel(lab.extension),
  style: pkg.style ? rel(pkg.style) : undefined,
  // Bundled into the lab extension (the YAML library, for manifests and lint); JupyterLab provides the rest.
  dependencies: { yaml: pkg.dependencies.yaml },
  jupyterlab: {
    extension: true,
    outputDir: rel(lab.outputDir),
    schemaDir: rel(lab.schemaDir),
    webpackConfig: rel(lab.webpackConfig),
  },
};
writeFileSync(path.join(staging, 'package.json'), JSON.stringify(staged, null, 2) + '\n');

const corePath = ensureCorePackage();
const require = createRequire(import.meta.url);
const generateConfig = require('@jupyterlab/builder/lib/extensionConfig').default;
const webpack = require('webpack');
const configs = generateConfig({
  packagePath: staging,
  corePath,
  mode: development ? 'development' : 'production',
});
// license-webpack-plugin 2.x (the builder's) throws on webpack >= 5.107's shared-module identifiers
// (xz64/license-webpack-plugin#134, jupyterlab/jupyterlab#18984): leave it out and write the one bundled
// package's licence ourselves, in the file JupyterLab's licence viewer reads.
for (const config of configs) {
  config.plugins = config.plugins.filter(
    (plugin) => plugin?.constructor?.name !== 'JSONLicenseWebpackPlugin',
  );
}
const stats = await new Promise((resolve, reject) => {
  const compiler = webpack(configs);
  compiler.run((error, result) => compiler.close(() => (error ? reject(error) : resolve(result))));
});
if (stats.hasErrors()) {
  console.error(stats.toString({ all: false, errors: true, errorDetails: true }));
  process.exit(2);
}
console.log(stats.toString({ colors: false, modules: false, children: false, chunks: false, assets: true }));

const outputDir = path.join(root, lab.outputDir);
const yamlPkg = require('yaml/package.json');
const licenses = {
  packages: [
    {
      name: 'yaml',
      versionInfo: yamlPkg.version,
      licenseId: yamlPkg.license,
      extractedText: readFileSync(
        path.join(path.dirname(require.resolve('yaml/package.json')), 'LICENSE'),
        'utf8',
      ),
    },
  ],
};
writeFileSync(
  path.join(outputDir, 'static', 'third-party-licenses.json'),
  JSON.stringify(licenses, null, 2) + '\n',
);
console.log(`Built the JupyterLab extension into ${lab.outputDir}`);
