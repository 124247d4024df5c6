// The `uriage` command line: dispatches to one command; exit 0 on success, 1 on an error, 2 on usage.
// Process commands (serve, worker, migrate, rekey) get the configuration; the others get an App
// opened once, lazily, for the run.
import type { App } from '../app/app.js';
import { systemClock, type Clock } from '../app/clock.js';
import { AppError } from '../app/errors.js';
import type { CliContext, Command } from '../adapters/cli/command.js';
import { UsageError } from '../adapters/cli/command.js';
import { appCommands } from '../adapters/cli/commands.js';
import { createLogger } from '../adapters/log/logger.js';
import { migrateCommand } from './commands/migrate.js';
import type { MainContext } from './commands/context.js';
import { rekeyCommand } from './commands/rekey.js';
import { serveCommand } from './commands/serve.js';
import { workerCommand } from './commands/worker.js';
import { readConfig, type Config } from './config.js';
import { receiptRendering } from './receipt-rendering.js';
import { reportRendering } from './report-rendering.js';
import { statementReading } from './statement-reading.js';
import { openProcess, type OpenProcess } from './process.js';

type AnyCommand =
  { kind: 'main'; command: Command<MainContext> } | { kind: 'app'; command: Command };

const mainCommand = (command: Command<MainContext>): AnyCommand => ({ kind: 'main', command });
const appCommand = (name: string): AnyCommand => {
  const command = appCommands.find((c) => c.name === name);
  if (!command) throw new Error(`no command ${name}`);
  return { kind: 'app', command };
};

/** In the order `uriage --help` lists them. */
const commands: readonly AnyCommand[] = [
  mainCommand(serveCommand),
  mainCommand(workerCommand),
  mainCommand(migrateCommand),
  ...['company', 'staff', 'token', 'import', 'close', 'connect', 'connections'].map(appCommand),
  mainCommand(rekeyCommand),
  ...['report', 'receipt', 'post', 'deals', 'masters', 'reconcile'].map(appCommand),
];

function helpText(): string {
  const lines = ['Uriage (売上) — usage: uriage <command> [options]', '', 'Commands:'];
  for (const { command: c } of commands) lines.push(`  ${c.name.padEnd(12)} ${c.summary}`);
  lines.push('', 'uriage <command> --help shows its options.');
  return lines.join('\n');
}

const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (text: string) => process.stderr.write(`${text}\n`);

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
  const found = commands.find((c) => c.command.name === name);
  if (!found) {
    process.stderr.write(`unknown command: ${name}\n\n${helpText()}\n`);
    return 2;
  }
  const { command } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.summary}\n\n${command.usage}\n`);
    return 0;
  }
  const config = readConfig(env);
  if (found.kind === 'main') {
    try {
      return await found.command.run({ config, clock, env, out, err }, rest);
    } catch (error) {
      return reportError(error, command);
    }
  }
  const ctx = appContext(config, clock, env);
  try {
    return await found.command.run(ctx, rest);
  } catch (error) {
    return reportError(error, command);
  } finally {
    await ctx.close();
  }
}

function reportError(error: unknown, command: Command<never>): number {
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

/** One App per run, opened on first use: with freee over the sandbox when the command asks. */
function appContext(
  config: Config,
  clock: Clock,
  env: NodeJS.ProcessEnv,
): CliContext & { close(): Promise<void> } {
  let opened: Promise<OpenProcess> | null = null;
  const open = (freee: boolean, sandbox: boolean): Promise<App> => {
    opened ??= openProcess({
      config,
      clock,
      logger: createLogger(env.LOG_LEVEL ?? 'warn', process.stderr),
      connectionsMax: 4,
      jobs: 'lazy',
      sandbox: sandbox ? 'cli' : 'none',
      freee: freee || sandbox,
      warnKeyFile: false,
    });
    return opened.then((p) => p.app);
  };
  return {
    clock,
    rendering: reportRendering,
    statements: statementReading,
    receipts: receiptRendering,
    app: (options) => open(options?.freee ?? false, options?.sandbox ?? false),
    out,
    err,
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
}
