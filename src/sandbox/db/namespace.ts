// The sandbox's own PostgreSQL schema: freee's data never mixes with Uriage's tables.
import { pgSchema } from 'drizzle-orm/pg-core';

export const freeeSandbox = pgSchema('freee_sandbox');

/** Identity columns start at distinct values per table, so an id of one kind never passes for another. */
export const idStart = {
  users: 5_000_001,
  companies: 3_000_001,
  fiscalYears: 9_000_001,
  accountItems: 100_000_001,
  items: 20_000_001,
  partners: 30_000_001,
  tags: 40_000_001,
  sections: 50_000_001,
  segmentTags: 60_000_001,
  walletables: 1_001,
  walletTxns: 300_000_001,
  deals: 700_000_001,
  dealDetails: 800_000_001,
  dealPayments: 900_000_001,
  tokens: 1,
} as const;
