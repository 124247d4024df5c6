// The `uriage` command line: dispatches to one command; exit 0 on success, 1 on an error, 2 on usage.
import { systemClock, type Clock } from '../../app/clock.js';
import { AppError } from '../../app/errors.js';
import { readConfig } from '../../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { runMigrations } from '../db/migrate.js';
import { allMigrationSets } from '../../migration-sets.js';
import type { Services } from '../http/context.js';
import { createLogger } from '../log/logger.js';
import { buildServices } from '../../wiring.js';
import type { CliContext, Command } from './command.js';
import { UsageError } from './command.js';
import { closeCommand } from './commands/close.js';
import { companyCommand } from './commands/company.js';
import { connectCommand } from './commands/connect.js';
import { connectionsCommand } from './commands/connections.js';
import { rekeyCommand } from './commands/rekey.js';
import { importCommand } from './commands/import.js';
import { migrateCommand } from './commands/migrate.js';
import { reportCommand } from './commands/report.js';
import { serveCommand } from './commands/serve.js';
import { tokenCommand } from './commands/token.js';
import { workerCommand } from './commands/worker.js';
import { postCommand } from './commands/post.js';
import { dealsCommand } from './commands/deals.js';

export const commands: Command[] = [
  serveCommand,
  workerCommand,
  migrateCommand,
  companyCommand,
  tokenCommand,
  importCommand,
  closeCommand,
  connectCommand,
  connectionsCommand,
  rekeyCommand,
  reportCommand,
  postCommand,
  dealsCommand,
];

export function registerCommand(command: Command): void {
  if (!commands.some((c) => c.name === command.name)) commands.push(command);
}

function helpText(): string {
  const lines = ['Uriage (売上) — usage: uriage <command> [options]', '', 'Commands:'];
  for (const c of commands) lines.push(`  ${c.name.padEnd(12)} ${c.summary}`);
  lines.push('', 'uriage <command> --help shows its options.');
  return lines.join('\n');
}

export async function runCli(
  argv: string[],
  clock: Clock = systemClock,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${helpText()}\n`);
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`unknown command: ${name}\n\n${helpText()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.summary}\n\n${command.usage}\n`);
    return 0;
  }
  const ctx = createContext(clock, env);
  try {
    return await command.run(ctx, rest);
  } catch (error) {
    return reportError(error, command);
  } finally {
    await ctx.close();
  }
}

function reportError(error: unknown, command: Command): number {
  if (
    error instanceof UsageError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    process.stderr.write(`${(error as Error).message}\n\nusage: ${command.usage}\n`);
    return 2;
  }
  if (error instanceof AppError) {
    process.stderr.write(`エラー: ${error.userMessage}\n`);
    for (const f of error.fields) process.stderr.write(`  ${f.path}: ${f.message}\n`);
    return 1;
  }
  process.stderr.write(`error: ${(error as Error).stack ?? String(error)}\n`);
  return 1;
}

function createContext(
  clock: Clock,
  env: NodeJS.ProcessEnv,
): CliContext & { close(): Promise<void> } {
  const config = readConfig(env);
  let database: Promise<Database> | null = null;
  let services: Services | null = null;
  const open = () => {
    database ??= openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      startedAt: clock.now().toISOString(),
      connectionsMax: 4,
    }).then(async (db) => {
      await runMigrations(db.pool, allMigrationSets);
      return db;
    });
    return database;
  };
  return {
    config,
    clock,
    database: open,
    services: async () =>
      (services ??= buildServices({
        pool: (await open()).pool,
        clock,
        logger: createLogger(env.LOG_LEVEL ?? 'warn', process.stderr),
      })),
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    close: async () => {
      if (database) await (await database).close();
    },
  };
}
