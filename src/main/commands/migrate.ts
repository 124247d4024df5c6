// uriage migrate: applies the migrations (the main schema and the sandbox's) and stops.
import { parseArgs } from 'node:util';
import type { Command } from '../../adapters/cli/command.js';
import { formatOption, outputFormatOf, printResult } from '../../adapters/cli/output.js';
import type { MainContext } from './context.js';
import { withMigratedDatabase } from './migrated-database.js';

export const migrateCommand: Command<MainContext> = {
  name: 'migrate',
  summary: 'データベースのマイグレーションを適用する (apply migrations)',
  usage: 'uriage migrate [--format text|json]',
  run: (ctx, argv) => {
    const { values } = parseArgs({ args: argv, options: { ...formatOption } });
    const format = outputFormatOf(values.format, 'text');
    return withMigratedDatabase(ctx, async (_pool, mode) => {
      printResult(ctx, format, { migrated: true, mode }, (r) => [`migrations applied (${r.mode})`]);
      return 0;
    });
  },
};
