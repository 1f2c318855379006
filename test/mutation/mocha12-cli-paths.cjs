/**
 * Preloaded (NODE_OPTIONS) by `npm run test:mutation` only. @stryker-mutator/mocha-runner 9.6.1
 * (the last StrykerJS that runs on Node 20) requires mocha's CLI helpers by their pre-12 names
 * (`mocha/lib/cli/run-helpers`, `options`, `collect-files`); mocha 12 ships them as `.cjs`. This
 * maps those three paths to the `.cjs` files and touches nothing else.
 */
'use strict';
const Module = require('node:module');

const HELPER = /[\\/]mocha[\\/]lib[\\/]cli[\\/](?:run-helpers|options|collect-files)$/;
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, HELPER.test(request) ? `${request}.cjs` : request, ...rest);
};
