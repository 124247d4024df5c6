// Partners by the normalised forms of their names, kana and learned payer names, so a payer name
// finds its partners with one exact lookup and one prefix bucket (cut names, names with a suffix).
import {
  compareNames,
  nameMatchLengthMin,
  normaliseName,
  payerKeys,
  type NameMatch,
} from './payer-name.js';
import type { Partner } from './model.js';

export interface NameIndex {
  exact: Map<string, Set<string>>;
  buckets: Map<string, { key: string; partnerId: string }[]>;
}

export interface PartnerMatch {
  partnerId: string;
  match: NameMatch;
  /** The partner's name form that matched. */
  key: string;
}

export function buildNameIndex(partners: readonly Partner[]): NameIndex {
  const exact = new Map<string, Set<string>>();
  const buckets = new Map<string, { key: string; partnerId: string }[]>();
  for (const partner of partners) {
    const keys = new Set(partner.names.map(normaliseName).filter((k) => k !== ''));
    for (const key of keys) {
      let ids = exact.get(key);
      if (!ids) exact.set(key, (ids = new Set()));
      ids.add(partner.id);
      if (key.length < nameMatchLengthMin) continue;
      const prefix = key.slice(0, nameMatchLengthMin);
      let bucket = buckets.get(prefix);
      if (!bucket) buckets.set(prefix, (bucket = []));
      bucket.push({ key, partnerId: partner.id });
    }
  }
  return { exact, buckets };
}

const strength: Record<NameMatch, number> = { exact: 3, truncated: 2, extended: 1 };

/** The partners a payer name points to, the strongest match per partner, strongest first. */
export function partnersOfPayer(index: NameIndex, payerName: string): PartnerMatch[] {
  const best = new Map<string, PartnerMatch>();
  const offer = (m: PartnerMatch) => {
    const had = best.get(m.partnerId);
    if (!had || strength[m.match] > strength[had.match]) best.set(m.partnerId, m);
  };
  for (const payerKey of payerKeys(payerName)) {
    for (const id of index.exact.get(payerKey) ?? [])
      offer({ partnerId: id, match: 'exact', key: payerKey });
    if (payerKey.length < nameMatchLengthMin) continue;
    for (const entry of index.buckets.get(payerKey.slice(0, nameMatchLengthMin)) ?? []) {
      const match = compareNames(payerKey, entry.key);
      if (match) offer({ partnerId: entry.partnerId, match, key: entry.key });
    }
  }
  return [...best.values()].sort((a, b) => strength[b.match] - strength[a.match]);
}
