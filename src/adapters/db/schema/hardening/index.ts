// The hardening wing's tables (its own migration set: drizzle-hardening/,
// drizzle.hardening.config.ts): per-company network settings (issue #10 item 12).
import { jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies } from '../tenancy.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const companyNetworkSettings = pgTable('company_network_settings', {
  companyId: uuid('company_id')
    .primaryKey()
    .references(() => companies.id),
  /** CIDR ranges printers may be in; null = the default (private LAN ranges). */
  printerNetworks: jsonb('printer_networks').$type<string[]>(),
  updatedAt: at('updated_at').notNull(),
});
