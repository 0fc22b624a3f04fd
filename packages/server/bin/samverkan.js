#!/usr/bin/env node
// The CLI is compiled TypeScript; `npm ci` builds it (root "prepare" script).
import '../dist/cli/main.js';
