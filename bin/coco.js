#!/usr/bin/env node
// The `coco` command: runs the TypeScript CLI through tsx, so a fresh `npm install` needs no build step.
require('tsx/cjs');
require('../cli/main.ts');
