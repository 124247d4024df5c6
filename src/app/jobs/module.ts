// A feature's background work: its queues, the outbox events it consumes, and its handlers.
// Each feature declares its module beside its use cases (app/<feature>/jobs.ts); src/main/job-modules.ts
// lists them; `uriage serve` and `uriage worker` start them all.
import type { EventConsumer } from './outbox.js';
import type { JobQueue, QueueDefinition } from './ports.js';

export interface JobModule {
  name: string;
  queues: readonly QueueDefinition[];
  consumers: readonly EventConsumer[];
  /** Registers this module's handlers on the queue (runs in every worker process). */
  registerWorkers(queue: JobQueue): Promise<void>;
}
