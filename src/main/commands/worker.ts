// uriage worker: runs the background jobs (printing, posting, sync) without the HTTP server — a
// separate process beside `uriage serve`, or several of them; pg-boss hands each job to one worker.
// freee is built as in the server (posting jobs need it), over the sandbox at URIAGE_SANDBOX_URL or
// one mounted in this process.
import { parseArgs } from 'node:util';
import type { Command } from '../../adapters/cli/command.js';
import { formatOption, outputFormatOf, printResult } from '../../adapters/cli/output.js';
import { createFormattedLogger, logFormatFor } from '../../adapters/log/logger.js';
import { openProcess } from '../process.js';
import { closeWithin, databaseLostMessage, untilStopOrDatabaseLost } from '../database-watch.js';
import type { MainContext } from './context.js';

export const workerCommand: Command<MainContext> = {
  name: 'worker',
  summary: 'バックグラウンドジョブを実行する (run job workers only)',
  usage: 'uriage worker [--format text|json]',
  run: async (ctx, argv) => {
    const { values } = parseArgs({ args: argv, options: { ...formatOption } });
    const format = outputFormatOf(values.format, 'text');
    const running = await openProcess({
      config: ctx.config,
      clock: ctx.clock,
      logger: await createFormattedLogger(
        ctx.config.logLevel,
        logFormatFor(process.stdout.isTTY, ctx.env.LOG_FORMAT),
      ),
      // One connection per posting run at once (each run's statements are autocommit), at least 4.
      connectionsMax: Math.max(4, ctx.config.postingConcurrency),
      jobs: 'workers',
      sandbox: 'worker',
      freee: true,
    });
    printResult(
      ctx,
      format,
      { running: true, jobModules: running.jobModules },
      (r) => [`worker running (${r.jobModules} job modules); Ctrl-C stops it`],
      { oneLine: true },
    );
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
