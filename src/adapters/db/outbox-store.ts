// OutboxStore over the domain_events table and its dispatch records.
import { and, asc, eq, notExists } from 'drizzle-orm';
import type { OutboxStore } from '../../app/jobs/outbox.js';
import { domainEventDispatches, domainEvents } from './schema/index.js';
import { drizzleOver, type Queryable } from './unit-of-work.js';

export function outboxStoreOver(client: Queryable): OutboxStore {
  const db = drizzleOver(client);
  return {
    undispatched: async (consumer, eventType, limit) => {
      const dispatched = db
        .select({ one: domainEventDispatches.eventId })
        .from(domainEventDispatches)
        .where(
          and(
            eq(domainEventDispatches.eventId, domainEvents.id),
            eq(domainEventDispatches.consumer, consumer),
          ),
        );
      return db
        .select({
          id: domainEvents.id,
          companyId: domainEvents.companyId,
          type: domainEvents.type,
          payload: domainEvents.payload,
          createdAt: domainEvents.createdAt,
        })
        .from(domainEvents)
        .where(and(eq(domainEvents.type, eventType), notExists(dispatched)))
        .orderBy(asc(domainEvents.createdAt))
        .limit(limit);
    },
    markDispatched: async (eventId, consumer, jobId, now) => {
      await db
        .insert(domainEventDispatches)
        .values({ eventId, consumer, jobId, dispatchedAt: now })
        .onConflictDoNothing();
    },
  };
}
