// The embedded database's wire-protocol server: pglite-socket's connection handler with our own
// query queue. PGlite has one backend session, so messages of concurrent connections must not
// interleave. pglite-socket 0.2.17 keeps a connection exclusive only while a transaction is open,
// so an extended-protocol batch (Parse/Bind/Describe/Execute … Sync) of one connection can be split
// by another's (electric-sql/pglite#1046, PR #977 unreleased): a query then answers another
// connection. This queue keeps the backend with one connection from its first message until the
// batch ends (Sync, simple Query, Terminate or the startup message) and, when that leaves a
// transaction open, until the transaction ends. A failing message is answered with its error and
// the queue goes on (0.2.17 stops for good).
import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import { authenticateWire } from './wire-password.js';

interface Queued {
  handlerId: number;
  message: Uint8Array;
  onData(data: Uint8Array): void;
  resolve(size: number): void;
  reject(error: Error): void;
}

const syncByte = 0x53; // 'S'
const queryByte = 0x51; // 'Q'
const terminateByte = 0x58; // 'X'

function endsBatch(message: Uint8Array): boolean {
  const type = message[0];
  // A startup message has no type byte: its first byte is the high byte of its length (0).
  return type === syncByte || type === queryByte || type === terminateByte || type === 0;
}

export class BatchAtomicQueue {
  private queue: Queued[] = [];
  private processing = false;
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(
    handlerId: number,
    message: Uint8Array,
    onData: (data: Uint8Array) => void,
  ): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    const kept: Queued[] = [];
    for (const q of this.queue) {
      if (q.handlerId === handlerId) q.reject(new Error('Handler disconnected'));
      else kept.push(q);
    }
    this.queue = kept;
  }

  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    await this.process();
  }

  private next(): Queued | undefined {
    if (this.owner === null) return this.queue.shift();
    const index = this.queue.findIndex((q) => q.handlerId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let query = this.next(); query; query = this.next()) await this.run(query);
    } finally {
      this.processing = false;
    }
  }

  private async run(query: Queued): Promise<void> {
    let size = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(query.message, {
          onRawData: (data: Uint8Array) => {
            size += data.length;
            query.onData(data);
          },
        }),
      );
    } catch (error) {
      this.owner = this.db.isInTransaction() ? query.handlerId : null;
      query.reject(error as Error);
      return;
    }
    this.owner = !endsBatch(query.message) || this.db.isInTransaction() ? query.handlerId : null;
    query.resolve(size);
  }
}

export interface PgliteWireServer {
  /** host:port */
  address: string;
  stop(): Promise<void>;
}

export async function startPgliteWireServer(
  db: PGlite,
  options: { connectionsMax: number; password: string },
): Promise<PgliteWireServer> {
  const queue = new BatchAtomicQueue(db);
  const handlers = new Set<PGLiteSocketHandler>();
  const server: Server = createServer((socket: Socket) => {
    void authenticateWire(socket, options.password).then((startup) => {
      if (startup !== null) serveAuthenticated(socket, startup);
    });
  });
  const serveAuthenticated = (socket: Socket, startup: Buffer) => {
    const handler = new PGLiteSocketHandler({
      queryQueue: queue as unknown as ConstructorParameters<
        typeof PGLiteSocketHandler
      >[0]['queryQueue'],
      closeOnDetach: true,
    });
    handlers.add(handler);
    socket.once('close', () => handlers.delete(handler));
    handler.attach(socket).catch(() => socket.destroy());
    // attach registered its data listener synchronously: hand it the startup message we read.
    socket.emit('data', startup);
  };
  server.maxConnections = options.connectionsMax;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address !== 'object')
    throw new Error('embedded database server has no TCP address');
  return {
    address: `127.0.0.1:${address.port}`,
    stop: async () => {
      for (const handler of handlers) await handler.detach(true).catch(() => undefined);
      handlers.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
