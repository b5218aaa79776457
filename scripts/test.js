#!/usr/bin/env node
'use strict';
// The project's test command: type-check, then every mocha test. The last line is `N passed, N failed`.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } }).status ?? 1;

const typecheck = run(bin('tsc'), ['--noEmit', '-p', '.']);
if (typecheck !== 0) {
  console.error('\nType check failed: fix the errors above.');
  console.log('0 passed, 1 failed');
  process.exit(typecheck);
}
process.exit(run(bin('mocha'), process.argv.slice(2)));
