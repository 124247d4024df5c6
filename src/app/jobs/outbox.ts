// Outbox → job queue. Use cases write domain events in the same transaction as their change
// (e.g. `day.closed` with the close); the dispatcher hands each event to every consumer that wants
// it, once: enqueue first, then record the dispatch (a crash in between enqueues again, so job
// handlers are idempotent and queues use singleton keys).
import type { Clock } from '../clock.js';
import { eventSchemas, type AppEvents, type EventType } from '../events.js';
import type { EnqueueOptions, JobQueue } from './ports.js';

export interface DomainEventRecord {
  id: string;
  companyId: string;
  type: string;
  payload: unknown;
  createdAt: Date;
}

/** A stored event with its payload read back as its type declares (src/app/events.ts). */
export interface DomainEvent<K extends EventType> extends DomainEventRecord {
  type: K;
  payload: AppEvents[K];
}

export interface JobRequest {
  queue: string;
  data: object;
  options?: EnqueueOptions;
}

export interface EventConsumerOf<K extends EventType> {
  /** Stable name: a dispatch is recorded per (event, consumer). */
  name: string;
  eventType: K;
  toJob(event: DomainEvent<K>): JobRequest | null;
}

export type EventConsumer = { [K in EventType]: EventConsumerOf<K> }[EventType];

function jobOf<K extends EventType>(
  consumer: EventConsumerOf<K>,
  record: DomainEventRecord,
): JobRequest | null {
  const payload = eventSchemas[consumer.eventType].parse(record.payload);
  return consumer.toJob({ ...record, type: consumer.eventType, payload });
}

export interface OutboxStore {
  undispatched(consumer: string, eventType: string, limit: number): Promise<DomainEventRecord[]>;
  markDispatched(eventId: string, consumer: string, jobId: string | null, now: Date): Promise<void>;
}

export const dispatchBatchMax = 100;

/** One pass over every consumer; returns how many events were dispatched. */
export async function dispatchOutbox(deps: {
  store: OutboxStore;
  queue: JobQueue;
  clock: Clock;
  consumers: readonly EventConsumer[];
}): Promise<number> {
  let dispatched = 0;
  for (const consumer of deps.consumers) {
    const events = await deps.store.undispatched(
      consumer.name,
      consumer.eventType,
      dispatchBatchMax,
    );
    for (const event of events) {
      const job = jobOf(consumer, event);
      const jobId = job ? await deps.queue.enqueue(job.queue, job.data, job.options) : null;
      await deps.store.markDispatched(event.id, consumer.name, jobId, deps.clock.now());
      dispatched += 1;
    }
  }
  return dispatched;
}
