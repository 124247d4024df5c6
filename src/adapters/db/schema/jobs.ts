// Which consumer has taken which domain event from the outbox: each (event, consumer) once.
import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { domainEvents } from './ledger.js';

export const domainEventDispatches = pgTable(
  'domain_event_dispatches',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => domainEvents.id),
    consumer: text('consumer').notNull(),
    jobId: text('job_id'),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.consumer] })],
);
