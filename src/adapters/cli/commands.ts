// The commands that work through the App (src/main/cli.ts adds serve, worker, migrate, rekey).
import type { Command } from './command.js';
import { closeCommand } from './commands/close.js';
import { companyCommand } from './commands/company.js';
import { connectCommand } from './commands/connect.js';
import { connectionsCommand } from './commands/connections.js';
import { dealsCommand } from './commands/deals.js';
import { importCommand } from './commands/import.js';
import { mastersCommand } from './commands/masters.js';
import { postCommand } from './commands/post.js';
import { reconcileCommand } from './commands/reconcile.js';
import { receiptCommand } from './commands/receipt.js';
import { reportCommand } from './commands/report.js';
import { staffCommand } from './commands/staff.js';
import { tokenCommand } from './commands/token.js';

export const appCommands: readonly Command[] = [
  companyCommand,
  tokenCommand,
  importCommand,
  closeCommand,
  connectCommand,
  connectionsCommand,
  reportCommand,
  receiptCommand,
  postCommand,
  dealsCommand,
  mastersCommand,
  reconcileCommand,
  staffCommand,
];
