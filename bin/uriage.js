#!/usr/bin/env -S node --max-semi-space-size=32
// `npx uriage …`: runs the TypeScript sources through tsx's loader (no build step).
// --max-semi-space-size=32: young-generation halves of 32 MB instead of 16 (less GC at ingest; 48 or
// 64 MB cut more but put the festival day's peak RSS over 512 MB; docs/operating.md "Node flags").
import { register } from 'tsx/esm/api';

register();
await import('../src/main/index.ts');
