// A store's receipt printer: where it is and which command set it speaks (docs/printing.md).
import { PrinterSettingsError } from './printer-errors.js';
import { printerPortDefault } from './send-options.js';
import { cplDefault, cplMax, cplMin } from './report-layout.js';

export const printerKinds = ['escpos', 'starprnt'] as const;
/** escpos: Epson TM and ESC/POS-compatible printers; starprnt: Star mC-Print / TSP650II etc. in StarPRNT mode. */
export type PrinterKind = (typeof printerKinds)[number];

export interface StorePrinter {
  host: string;
  port: number;
  kind: PrinterKind;
  /** Characters per line: 48 for 80 mm paper, 32 for 58 mm. */
  cpl: number;
}

/** Validates a store's printer setting (e.g. from the console or the day file); fills defaults. */
export function toStorePrinter(input: {
  host?: unknown;
  port?: unknown;
  kind?: unknown;
  cpl?: unknown;
}): StorePrinter {
  const host = typeof input.host === 'string' ? input.host.trim() : '';
  if (host === '')
    throw new PrinterSettingsError(
      'host',
      'must not be empty',
      'プリンターのIPアドレスまたはホスト名を設定してください。',
    );
  const port = input.port ?? printerPortDefault;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new PrinterSettingsError(
      'port',
      `must be 1..65535, got ${String(port)}`,
      'プリンターのポート番号は1〜65535で設定してください。',
    );
  }
  const kind = input.kind;
  if (typeof kind !== 'string' || !(printerKinds as readonly string[]).includes(kind)) {
    throw new PrinterSettingsError(
      'kind',
      `must be escpos or starprnt, got ${String(kind)}`,
      'プリンターの種類はESC/POSかStarPRNTを選んでください。',
    );
  }
  const cpl = input.cpl ?? cplDefault;
  if (typeof cpl !== 'number' || !Number.isInteger(cpl) || cpl < cplMin || cpl > cplMax) {
    throw new PrinterSettingsError(
      'cpl',
      `must be ${cplMin}..${cplMax}, got ${String(cpl)}`,
      `1行の文字数は${cplMin}〜${cplMax}で設定してください。`,
    );
  }
  return { host, port, kind: kind as PrinterKind, cpl };
}
