import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { after, describe, it } from 'node:test';
import { renderReport } from '../../../src/adapters/print/render.js';
import { printReport } from '../../../src/adapters/print/print-report.js';
import { toStorePrinter } from '../../../src/adapters/print/printer-config.js';
import {
  PrinterSettingsError,
  PrinterUnreachableError,
  sendToPrinter,
  type PrintResult,
} from '../../../src/adapters/print/tcp-printer.js';
import { fixtureReport, fixtureSettings } from './fixture-report.js';

interface FakePrinter {
  port: number;
  connections: number;
  /** Bytes of each finished connection, in order. */
  received: Buffer[];
  close(): Promise<void>;
}

/**
 * A fake printer on 127.0.0.1:0. `records`: reads until the client closes, then closes too (like a
 * TM/mC printer on 9100). `silent`: accepts and never reads nor answers.
 */
async function fakePrinter(mode: 'records' | 'silent'): Promise<FakePrinter> {
  const sockets = new Set<Socket>();
  const state = { connections: 0, received: [] as Buffer[] };
  const server: Server = createServer({ pauseOnConnect: mode === 'silent' }, (socket) => {
    state.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (mode === 'silent') return;
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      state.received.push(Buffer.concat(chunks));
      socket.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address !== null && typeof address === 'object');
  return {
    port: address.port,
    get connections() {
      return state.connections;
    },
    received: state.received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const printer = await fakePrinter('records');
  await printer.close();
  return printer.port;
}

async function timed(
  send: () => Promise<PrintResult>,
): Promise<{ result: PrintResult; elapsedMs: number }> {
  const startedMs = performance.now();
  const result = await send();
  return { result, elapsedMs: performance.now() - startedMs };
}

const printers: FakePrinter[] = [];
after(async () => {
  await Promise.all(printers.map((printer) => printer.close()));
});

describe('sendToPrinter', () => {
  it('delivers exactly the rendered ESC/POS bytes, in one connection', async () => {
    const printer = await fakePrinter('records');
    printers.push(printer);
    const bytes = renderReport(fixtureReport(), fixtureSettings(), 'escpos').bytes;
    const result = await sendToPrinter({
      host: '127.0.0.1',
      port: printer.port,
      bytes,
      timeoutMs: 2_000,
    });
    assert.deepEqual(result, {
      ok: true,
      host: '127.0.0.1',
      port: printer.port,
      attempts: 1,
      bytesSent: bytes.length,
    });
    assert.equal(printer.connections, 1);
    assert.equal(printer.received.length, 1);
    assert.ok(printer.received[0]?.equals(bytes), 'the printer got the same bytes');
  });

  it('a closed port: PrinterUnreachableError after attemptsMax attempts, bytes kept for later', async () => {
    const port = await closedPort();
    const bytes = Buffer.from('日報', 'utf8');
    const result = await sendToPrinter({
      host: '127.0.0.1',
      port,
      bytes,
      timeoutMs: 1_000,
      attemptsMax: 3,
      backoffMs: 5,
    });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.ok(result.error instanceof PrinterUnreachableError);
    assert.equal(result.attempts, 3);
    assert.equal(result.error.attempts, 3);
    assert.equal(result.error.host, '127.0.0.1');
    assert.equal(result.error.port, port);
    assert.deepEqual(
      result.error.failures.map((failure) => [failure.attempt, failure.reason, failure.code]),
      [
        [1, 'connect-failed', 'ECONNREFUSED'],
        [2, 'connect-failed', 'ECONNREFUSED'],
        [3, 'connect-failed', 'ECONNREFUSED'],
      ],
    );
    assert.equal(
      result.error.userMessage,
      `プリンター(127.0.0.1:${port})に接続できません。電源とネットワークを確認して再印刷してください。`,
    );
    assert.match(result.error.message, /unreachable after 3 attempt/);
    assert.ok(result.bytes.equals(bytes));
    assert.deepEqual(
      JSON.parse(JSON.stringify(result.error.failures))[0].reason,
      'connect-failed',
      'failures store as JSON',
    );
  });

  it(
    'a printer that accepts but never reads: each attempt ends at timeoutMs, one connection each',
    { timeout: 10_000 },
    async () => {
      const printer = await fakePrinter('silent');
      printers.push(printer);
      const bytes = Buffer.alloc(64 * 1024 * 1024, 0x20); // more than the socket buffers hold
      const { result, elapsedMs } = await timed(() =>
        sendToPrinter({
          host: '127.0.0.1',
          port: printer.port,
          bytes,
          timeoutMs: 300,
          attemptsMax: 2,
          backoffMs: 10,
        }),
      );
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.deepEqual(
        result.error.failures.map((failure) => failure.reason),
        ['timeout', 'timeout'],
      );
      assert.match(result.error.failures[0]?.detail ?? '', /write not finished within 300 ms/);
      assert.equal(printer.connections, 2);
      assert.ok(elapsedMs < 5_000, `returned after ${Math.round(elapsedMs)} ms`);
    },
  );

  it(
    'a printer that takes a short job but never answers nor closes: delivered, no hang',
    { timeout: 10_000 },
    async () => {
      const printer = await fakePrinter('silent');
      printers.push(printer);
      const bytes = renderReport(fixtureReport(), fixtureSettings(), 'escpos').bytes;
      const { result, elapsedMs } = await timed(() =>
        sendToPrinter({
          host: '127.0.0.1',
          port: printer.port,
          bytes,
          timeoutMs: 300,
          attemptsMax: 1,
        }),
      );
      assert.equal(result.ok, true);
      assert.ok(elapsedMs < 5_000, `returned after ${Math.round(elapsedMs)} ms`);
    },
  );

  it('rejects invalid options before connecting, naming the field', async () => {
    const bytes = Buffer.from([0x1b, 0x40]);
    const cases: Array<[Parameters<typeof sendToPrinter>[0], string]> = [
      [{ host: ' ', bytes }, 'host'],
      [{ host: '127.0.0.1', port: 0, bytes }, 'port'],
      [{ host: '127.0.0.1', port: 65_536, bytes }, 'port'],
      [{ host: '127.0.0.1', bytes: Buffer.alloc(0) }, 'bytes'],
      [{ host: '127.0.0.1', bytes, timeoutMs: 0 }, 'timeoutMs'],
      [{ host: '127.0.0.1', bytes, attemptsMax: 0 }, 'attemptsMax'],
      [{ host: '127.0.0.1', bytes, attemptsMax: 11 }, 'attemptsMax'],
      [{ host: '127.0.0.1', bytes, backoffMs: -1 }, 'backoffMs'],
    ];
    for (const [input, field] of cases) {
      await assert.rejects(sendToPrinter(input), (error: unknown) => {
        assert.ok(error instanceof PrinterSettingsError, field);
        assert.equal(error.field, field);
        assert.ok(error.userMessage.length > 0);
        return true;
      });
    }
  });
});

describe('printReport', () => {
  it('renders for the store printer kind and sends it (StarPRNT)', async () => {
    const printer = await fakePrinter('records');
    printers.push(printer);
    const storePrinter = toStorePrinter({
      host: '127.0.0.1',
      port: printer.port,
      kind: 'starprnt',
      cpl: 32,
    });
    const result = await printReport(fixtureReport(), fixtureSettings(), storePrinter, {
      timeoutMs: 2_000,
    });
    assert.equal(result.ok, true);
    const expected = renderReport(fixtureReport(), fixtureSettings(), 'starprnt', {
      cpl: 32,
    }).bytes;
    assert.ok(printer.received[0]?.equals(expected));
  });

  it('store printer settings: defaults and named errors', () => {
    assert.deepEqual(toStorePrinter({ host: '192.168.0.50', kind: 'escpos' }), {
      host: '192.168.0.50',
      port: 9100,
      kind: 'escpos',
      cpl: 48,
    });
    for (const [input, field] of [
      [{ host: '', kind: 'escpos' }, 'host'],
      [{ host: 'a', kind: 'zpl' }, 'kind'],
      [{ host: 'a', kind: 'escpos', port: '9100' }, 'port'],
      [{ host: 'a', kind: 'escpos', cpl: 100 }, 'cpl'],
    ] as const) {
      assert.throws(
        () => toStorePrinter(input),
        (error: unknown) => error instanceof PrinterSettingsError && error.field === field,
      );
    }
  });
});
