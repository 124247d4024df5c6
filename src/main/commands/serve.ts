// uriage serve: the service (API, console, jobs) on PORT; --demo creates the demo company once.
import { parseArgs } from 'node:util';
import type { Command } from '../../adapters/cli/command.js';
import { createLogger } from '../../adapters/log/logger.js';
import { startServer } from '../server.js';
import { closeWithin, databaseLostMessage, untilStopOrDatabaseLost } from '../database-watch.js';
import type { MainContext } from './context.js';

export const serveCommand: Command<MainContext> = {
  name: 'serve',
  summary: 'サーバーを起動する (run the service)',
  usage: 'uriage serve [--demo] [--port N]',
  run: async (ctx, argv) => {
    const { values } = parseArgs({
      args: argv,
      options: { demo: { type: 'boolean', default: false }, port: { type: 'string' } },
    });
    const config = values.port ? { ...ctx.config, port: Number(values.port) } : ctx.config;
    const logger = createLogger(config.logLevel);
    const server = await startServer({
      config,
      clock: ctx.clock,
      logger,
      demo: values.demo ?? false,
    });
    ctx.out(
      `Uriage is running: ${server.url}  (database: ${server.database.mode === 'server' ? 'PostgreSQL server' : `embedded PGlite at ${config.dataDir}`})`,
    );
    if (server.demoLogin) {
      ctx.out('Demo company created. Log in to the console (管理画面) with:');
      ctx.out(
        `  企業コード: ${server.demoLogin.companyCode}  担当者コード: ${server.demoLogin.staffCode}  パスワード: ${server.demoLogin.password}`,
      );
      if (server.demoSandboxSignIn)
        ctx.out(
          `  freeeサンドボックス（連携開始で表示されるログイン）: メールアドレス: ${server.demoSandboxSignIn.email}  パスワード: ${server.demoSandboxSignIn.password}`,
        );
    } else if (values.demo) {
      ctx.out(
        'Demo company exists already: log in as 企業コード demo / 担当者コード admin with the password printed at the first start.',
      );
    }
    const ended = await untilStopOrDatabaseLost(server.database.pool);
    if (ended === 'databaseLost') {
      ctx.err(databaseLostMessage(server.database.mode));
      await closeWithin(() => server.close());
      return 1;
    }
    ctx.out('stopping…');
    await server.close();
    return 0;
  },
};
