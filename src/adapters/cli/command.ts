// A CLI command: its name, help text and what it does. Commands get a lazily opened database.
import type { Clock } from '../../app/clock.js';
import type { Config } from '../../config.js';
import type { Database } from '../db/database.js';
import type { Services } from '../http/context.js';

export interface CliContext {
  config: Config;
  clock: Clock;
  /** Opens (once) and migrates the database: the running server's, shared through its socket, or taken. */
  database(): Promise<Database>;
  services(): Promise<Services>;
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(ctx: CliContext, argv: string[]): Promise<number>;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
