#!/usr/bin/env -S node --max-semi-space-size=64
// `npx uriage …`: runs the TypeScript sources through tsx's loader (no build step).
// --max-semi-space-size=64: a young generation of 64 MB per half instead of 16 (ingest: ≈ 8 µs less
// CPU per checkout in garbage collection; docs/operating.md "Node flags").
import { register } from 'tsx/esm/api';

register();
await import('../src/main/index.ts');
