// A CLI command: its name, help text and what it does. Commands get the process's App, built
// (once, lazily) by src/main/cli.ts: with freee over the built-in sandbox when asked.
import type { App } from '../../app/app.js';
import type { Clock } from '../../app/clock.js';
import type { StatementReading } from '../../app/reconcile/statements.js';
import type { ReceiptRendering } from '../../app/receipt/rendering.js';
import type { ReportRendering } from '../../app/report/rendering.js';

export interface CliContext {
  clock: Clock;
  /**
   * The App of this run (opened once). `freee`: with freee連携; `sandbox`: freee連携 reaching the
   * built-in sandbox (served by this process unless URIAGE_SANDBOX_URL is set).
   */
  app(options?: { freee?: boolean; sandbox?: boolean }): Promise<App>;
  /** Rendering and printing a 日報 (needs no database). */
  rendering: ReportRendering;
  /** Reading bank statement files (needs no database). */
  statements: StatementReading;
  /** Rendering a receipt (needs no database). */
  receipts: ReceiptRendering;
  out(text: string): void;
  err(text: string): void;
}

export interface Command<C = CliContext> {
  name: string;
  summary: string;
  usage: string;
  run(ctx: C, argv: string[]): Promise<number>;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
