#!/usr/bin/env node
// `npx uriage …`: runs the TypeScript sources through tsx's loader (no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/main/index.ts');
