// Creating the 品目 / 取引先 a store-day needs, safe under concurrency (issue #10 item 8). Many
// store-days of one 事業所 posted at once all miss the same 【POS Reg】 items:
//   - in one process, one creator per (事業所, kind, name): the others wait for its answer;
//   - across processes, a create refused by freee (400: 「品目名が重複しています」) is followed by one
//     re-read of the 事業所's masters: a master now carrying the name is used ("exists, re-read"),
//     and only when it is still missing does the refusal stand. An unanswered create is left to the
//     run (post-day.ts): it waits the settle time, then reads the masters.
import type {
  FreeeCallFailure,
  FreeeCompanyInfo,
  NamedMaster,
  Outcome,
  PostingGateway,
} from './ports.js';

type MasterKind = 'items' | 'partners';

const inFlight = new Map<string, Promise<Outcome<NamedMaster>>>();

const normalized = (text: string): string => text.normalize('NFKC').trim();

function namedIn(info: FreeeCompanyInfo, kind: MasterKind, name: string): NamedMaster | undefined {
  const wanted = normalized(name);
  return info[kind].find((row) => row.available !== false && normalized(row.name) === wanted);
}

async function createOrReRead(
  gateway: PostingGateway,
  kind: MasterKind,
  name: string,
): Promise<Outcome<NamedMaster>> {
  const created =
    kind === 'items' ? await gateway.createItem(name) : await gateway.createPartner(name);
  if (created.ok || created.failure.kind !== 'validation') return created;
  const info = await gateway.companyInfo();
  if (!info.ok) return created;
  const existing = namedIn(info.value, kind, name);
  return existing === undefined ? created : { ok: true, value: existing };
}

/** The master `name` of `kind` in the gateway's 事業所: created, or found after a failed create. */
function ensureMaster(
  gateway: PostingGateway,
  kind: MasterKind,
  name: string,
): Promise<Outcome<NamedMaster>> {
  const key = `${gateway.provider}\u0000${gateway.freeeCompanyId}\u0000${kind}\u0000${normalized(name)}`;
  const running = inFlight.get(key);
  if (running !== undefined) return running;
  const started = createOrReRead(gateway, kind, name).finally(() => inFlight.delete(key));
  inFlight.set(key, started);
  return started;
}

/** Creates the missing names and adds them to `info`; the first failure that stands is returned. */
export async function createMissingMasters(
  gateway: PostingGateway,
  info: FreeeCompanyInfo,
  missing: { items: readonly string[]; partners: readonly string[] },
): Promise<FreeeCallFailure | null> {
  const wanted: [MasterKind, readonly string[]][] = [
    ['items', missing.items],
    ['partners', missing.partners],
  ];
  for (const [kind, names] of wanted) {
    for (const name of names) {
      if (namedIn(info, kind, name) !== undefined) continue;
      const outcome = await ensureMaster(gateway, kind, name);
      if (!outcome.ok) return outcome.failure;
      info[kind].push(outcome.value);
    }
  }
  return null;
}
