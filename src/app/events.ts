// The domain events use cases write to the outbox, and their payloads: the one declaration.
import { z } from 'zod';

export interface DayClosed {
  closeId: string;
  companyId: string;
  storeCode: string;
  businessDate: string;
  version: number;
}

export interface AppEvents {
  'day.closed': DayClosed;
}

export type EventType = keyof AppEvents;

/** How a stored payload is read back (the outbox holds JSON). */
export const eventSchemas: { readonly [K in EventType]: z.ZodType<AppEvents[K]> } = {
  'day.closed': z.object({
    closeId: z.string(),
    companyId: z.string(),
    storeCode: z.string(),
    businessDate: z.string(),
    version: z.number(),
  }),
};
