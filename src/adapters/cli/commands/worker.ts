// uriage worker: runs the background jobs (printing, posting, sync) without the HTTP server — a
// separate process beside `uriage serve`, or several of them; pg-boss hands each job to one worker.
// freee is wired as in the server (wireWorkerFreee): posting jobs need it.
import { createLogger } from '../../log/logger.js';
import { startJobRuntime } from '../../jobs/runtime.js';
import { wireWorkerFreee } from '../../freee/wire.js';
import { jobModulesFor, postingTimingsOf } from '../../../jobs.js';
import { buildServices } from '../../../wiring.js';
import type { Command } from '../command.js';

export const workerCommand: Command = {
  name: 'worker',
  summary: 'バックグラウンドジョブを実行する (run job workers only)',
  usage: 'uriage worker',
  run: async (ctx) => {
    const database = await ctx.database();
    const logger = createLogger(ctx.config.logLevel);
    const modules = jobModulesFor(ctx.config);
    const runtime = await startJobRuntime({
      connectionString: database.connectionString,
      pool: database.pool,
      clock: ctx.clock,
      logger,
      modules,
      maintenanceIntervalSeconds: ctx.config.jobMaintenanceIntervalSeconds,
    });
    const services = buildServices({
      pool: database.pool,
      clock: ctx.clock,
      logger,
      jobs: runtime.queue,
      postingTimings: postingTimingsOf(ctx.config),
    });
    wireWorkerFreee(services, ctx.config);
    await runtime.startWorkers(services);
    ctx.out(`worker running (${modules.length} job modules); Ctrl-C stops it`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await runtime.stop();
    return 0;
  },
};
