/**
 * Merged by @jupyterlab/builder into the lab extension's webpack config (package.json jupyterlab.webpackConfig).
 * TypeScript straight from src/ (no lib/ step); ES module output keeps `import()` as separate chunks, so the
 * manifests and lint engines (and the YAML library) load only when used.
 */
module.exports = {
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: require.resolve('ts-loader'),
          options: {
            transpileOnly: true,
            compilerOptions: { module: 'es2020', target: 'es2020', sourceMap: false, declaration: false },
          },
        },
      },
    ],
  },
};
