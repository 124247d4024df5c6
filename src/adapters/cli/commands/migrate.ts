import type { Command } from '../command.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'データベースのマイグレーションを適用する (apply migrations)',
  usage: 'uriage migrate',
  run: async (ctx) => {
    const db = await ctx.database();
    ctx.out(`migrations applied (${db.mode})`);
    return 0;
  },
};
