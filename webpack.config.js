/**
 * Node-side bundles: the CLI (dist/cli.js). The JupyterLab build has its own webpack (the lab builder's).
 * One small file, no source maps in production: start-up time is benchmarked against `node -e 0`.
 * dist/cli.js itself is the small loader scripts/build.mjs puts in front of this bundle (V8 code cache).
 */
const path = require('node:path');
const webpack = require('webpack');
const { version } = require('./package.json');

module.exports = (_env, argv) => ({
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
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'es2020' } } },
      },
    ],
  },
  plugins: [new webpack.DefinePlugin({ __VERSION__: JSON.stringify(version) })],
  optimization: { minimize: (argv.mode ?? 'production') === 'production' },
  devtool: false,
  performance: { hints: false },
});
