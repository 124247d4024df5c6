// uriage serve: the service (API, console, jobs) on PORT; --demo creates the demo company once.
import { parseArgs } from 'node:util';
import type { Command } from '../../adapters/cli/command.js';
import { formatOption, outputFormatOf, printResult } from '../../adapters/cli/output.js';
import { createFormattedLogger, logFormatFor } from '../../adapters/log/logger.js';
import { startServer } from '../server.js';
import { closeWithin, databaseLostMessage, untilStopOrDatabaseLost } from '../database-watch.js';
import type { MainContext } from './context.js';

export const serveCommand: Command<MainContext> = {
  name: 'serve',
  summary: 'サーバーを起動する (run the service)',
  usage: 'uriage serve [--demo] [--port N] [--format text|json]',
  run: async (ctx, argv) => {
    const { values } = parseArgs({
      args: argv,
      options: {
        demo: { type: 'boolean', default: false },
        port: { type: 'string' },
        ...formatOption,
      },
    });
    const format = outputFormatOf(values.format, 'text');
    const config = values.port ? { ...ctx.config, port: Number(values.port) } : ctx.config;
    const logger = await createFormattedLogger(
      config.logLevel,
      logFormatFor(process.stdout.isTTY, ctx.env.LOG_FORMAT),
    );
    const server = await startServer({
      config,
      clock: ctx.clock,
      logger,
      demo: values.demo ?? false,
    });
    const started = {
      url: server.url,
      database: server.database.mode,
      dataDir: server.database.mode === 'server' ? null : config.dataDir,
      demoLogin: server.demoLogin ?? null,
      demoSandboxSignIn: server.demoSandboxSignIn ?? null,
      demoExists: !server.demoLogin && (values.demo ?? false),
    };
    printResult(
      ctx,
      format,
      started,
      (s) => [
        `Uriage is running: ${s.url}  (database: ${s.dataDir === null ? 'PostgreSQL server' : `embedded PGlite at ${s.dataDir}`})`,
        ...(s.demoLogin
          ? [
              'Demo company created. Log in to the console (管理画面) with:',
              `  企業コード: ${s.demoLogin.companyCode}  担当者コード: ${s.demoLogin.staffCode}  パスワード: ${s.demoLogin.password}`,
              ...(s.demoSandboxSignIn
                ? [
                    `  freeeサンドボックス（連携開始で表示されるログイン）: メールアドレス: ${s.demoSandboxSignIn.email}  パスワード: ${s.demoSandboxSignIn.password}`,
                  ]
                : []),
            ]
          : s.demoExists
            ? [
                'Demo company exists already: log in as 企業コード demo / 担当者コード admin with the password printed at the first start.',
              ]
            : []),
      ],
      { oneLine: true },
    );
    const ended = await untilStopOrDatabaseLost(server.database.pool);
    if (ended === 'databaseLost') {
      ctx.err(databaseLostMessage(server.database.mode));
      await closeWithin(() => server.close());
      return 1;
    }
    if (format === 'text') ctx.out('stopping…');
    await server.close();
    return 0;
  },
};
