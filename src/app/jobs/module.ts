// A feature's background work: its queues, the outbox events it consumes, and its handlers.
// Feature modules are listed in src/jobs.ts; the server and `uriage worker` start them all.
import type { EventConsumer } from './outbox.js';
import type { JobQueue, QueueDefinition } from './ports.js';

export interface JobModule<S> {
  name: string;
  queues: readonly QueueDefinition[];
  consumers: readonly EventConsumer[];
  /** Registers this module's handlers on the queue (runs in every worker process). */
  registerWorkers(queue: JobQueue, services: S): Promise<void>;
}
