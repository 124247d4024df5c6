// uriage worker: runs the background jobs (printing, posting, sync) without the HTTP server — a
// separate process beside `uriage serve`, or several of them; pg-boss hands each job to one worker.
import { createLogger } from '../../log/logger.js';
import { startJobRuntime } from '../../jobs/runtime.js';
import { jobModules } from '../../../jobs.js';
import { buildServices } from '../../../wiring.js';
import type { Command } from '../command.js';

export const workerCommand: Command = {
  name: 'worker',
  summary: 'バックグラウンドジョブを実行する (run job workers only)',
  usage: 'uriage worker',
  run: async (ctx) => {
    const database = await ctx.database();
    const logger = createLogger(ctx.config.logLevel);
    const runtime = await startJobRuntime({ connectionString: database.connectionString, pool: database.pool, clock: ctx.clock, logger, modules: jobModules });
    await runtime.startWorkers(buildServices({ pool: database.pool, clock: ctx.clock, logger, jobs: runtime.queue }));
    ctx.out(`worker running (${jobModules.length} job modules); Ctrl-C stops it`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await runtime.stop();
    return 0;
  },
};
