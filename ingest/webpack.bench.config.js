// The ingest benchmark's runner (`bench/bench-ingest-run.ts`), bundled exactly like the deployed
// worker (`webpack.config.js`: same plugin, compiler, target, production mode and externals), so
// the benchmark measures the code a deployment runs, not TypeScript compiled on the fly.
// Built by `npm run bench:ingest` into dist/ingest-bench/main.js; never shipped.
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../dist/ingest-bench'),
    clean: true,
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './bench/bench-ingest-run.ts',
      tsConfig: './tsconfig.bench.json',
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: false,
      sourceMap: true,
    }),
  ],
};
