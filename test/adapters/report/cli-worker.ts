// Runs `uriage …` (runCli) with a fixed clock in a worker thread, so that the test reads its stdout
// and stderr as streams without touching the test runner's own stdout.
import { parentPort, workerData } from 'node:worker_threads';
import { fixedClock } from '../../../src/app/clock.js';
import { runCli } from '../../../src/main/cli.js';

const { args, env, now } = workerData as { args: string[]; env: NodeJS.ProcessEnv; now: string };
const code = await runCli(args, fixedClock(now), env);
// A worker's stdout/stderr reach the parent asynchronously: flush both before saying we are done.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
parentPort?.postMessage({ code });
