#!/usr/bin/env node
'use strict';
// kaptain-credentials' entry point. It runs the webpack bundle (cli.bundle.js) through V8's code cache
// (cli.bundle.cache, made by the build) so start-up skips compiling it; a Node whose V8 rejects the cache
// compiles as usual. Nothing is written at run time.
const { readFileSync, writeFileSync } = require('node:fs');
const { Script } = require('node:vm');
const { createRequire } = require('node:module');
const path = require('node:path');

const bundle = path.join(__dirname, 'cli.bundle.js');
const cacheFile = path.join(__dirname, 'cli.bundle.cache');
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const source = readFileSync(bundle, 'utf8');
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundle,
  cachedData,
});
const module_ = { exports: {} };
script.runInThisContext()(module_.exports, createRequire(bundle), module_, bundle, __dirname);
if (process.env.KAPTAIN_CREDENTIALS_WRITE_CODE_CACHE === '1') {
  // The build runs one `status` with this set: the cache then holds the functions start-up compiles.
  process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
