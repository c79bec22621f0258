#!/usr/bin/env node
// The bin entry (dist/cli.js): before anything else is loaded, the heap is kept small (src/core/heap.ts) and, on
// Node versions that have it (22.1 and later), compiled code is cached between starts, so a client that spawns the
// server for each session pays less to start it. Then the CLI itself, loaded as a chunk of its own.
import module from 'node:module';
import { limitHeapGrowth } from './core/heap.js';

limitHeapGrowth();
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./cli.js');
