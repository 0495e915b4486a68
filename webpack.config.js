/**
 * Node-side bundles: the CLI (dist/cli.js) and, in a second build, the VS Code extension (dist/extension.js,
 * below). The JupyterLab build has its own webpack (the lab builder's).
 * One small file, no source maps in production: start-up time is benchmarked against `node -e 0`.
 * dist/cli.js itself is the small loader scripts/build.mjs puts in front of this bundle (V8 code cache).
 */
const path = require('node:path');
const webpack = require('webpack');
const { version } = require('./package.json');

const tsRule = {
  test: /\.ts$/,
  exclude: /node_modules/,
  use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'es2020' } } },
};

const cliAndEngine = (_env, argv) => ({
  name: 'node',
  target: 'node20',
  mode: argv.mode ?? 'production',
  entry: {
    cli: './src/cli/index.ts',
    // The engine alone, for benchmarks and for Node callers that want the Report without the CLI.
    engine: { import: './src/core/index.ts', library: { type: 'commonjs2' } },
  },
  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [tsRule],
  },
  plugins: [new webpack.DefinePlugin({ __VERSION__: JSON.stringify(version) })],
  optimization: { minimize: (argv.mode ?? 'production') === 'production' },
  devtool: false,
  performance: { hints: false },
});

/**
 * The extension: `vscode` is the host's. Its own build, after the CLI's (which cleans dist/), so the CLI's chunks
 * stay as they are; the manifests and lint commands are chunks (vscode-*.js) that bring the YAML library when run.
 */
const vscodeExtension = (_env, argv) => ({
  name: 'vscode',
  dependencies: ['node'],
  target: 'node20',
  mode: argv.mode ?? 'production',
  entry: { extension: './src/vscode/extension.ts' },
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: '[name].js',
    chunkFilename: 'vscode-[name].js',
    library: { type: 'commonjs2' },
    clean: false,
  },
  externals: { vscode: 'commonjs vscode' },
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: [tsRule] },
  plugins: [new webpack.DefinePlugin({ __VERSION__: JSON.stringify(version) })],
  // Chunk files named after what they hold (vscode-vendors-node_modules_yaml_...): the .vsix takes vscode-*.js.
  optimization: { minimize: (argv.mode ?? 'production') === 'production', chunkIds: 'named' },
  devtool: false,
  performance: { hints: false },
});

module.exports = (env, argv) => [cliAndEngine(env, argv), vscodeExtension(env, argv)];
