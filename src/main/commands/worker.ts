// uriage worker: runs the background jobs (printing, posting, sync) without the HTTP server — a
// separate process beside `uriage serve`, or several of them; pg-boss hands each job to one worker.
// freee is built as in the server (posting jobs need it), over the sandbox at URIAGE_SANDBOX_URL or
// one mounted in this process.
import type { Command } from '../../adapters/cli/command.js';
import { createLogger } from '../../adapters/log/logger.js';
import { openProcess } from '../process.js';
import { closeWithin, databaseLostMessage, untilStopOrDatabaseLost } from '../database-watch.js';
import type { MainContext } from './context.js';

export const workerCommand: Command<MainContext> = {
  name: 'worker',
  summary: 'バックグラウンドジョブを実行する (run job workers only)',
  usage: 'uriage worker',
  run: async (ctx) => {
    const running = await openProcess({
      config: ctx.config,
      clock: ctx.clock,
      logger: createLogger(ctx.config.logLevel),
      // One connection per posting run at once (each run's statements are autocommit), at least 4.
      connectionsMax: Math.max(4, ctx.config.postingConcurrency),
      jobs: 'workers',
      sandbox: 'worker',
      freee: true,
    });
    ctx.out(`worker running (${running.jobModules} job modules); Ctrl-C stops it`);
    const ended = await untilStopOrDatabaseLost(running.database.pool);
    if (ended === 'databaseLost') {
      ctx.err(databaseLostMessage(running.database.mode));
      await closeWithin(() => running.close());
      return 1;
    }
    await running.close();
    return 0;
  },
};
