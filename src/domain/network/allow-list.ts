// Which network addresses a company's printers may have (issue #10 item 12): a list of CIDR ranges
// set by the admin. By default the private LAN ranges; loopback, link-local (cloud metadata
// 169.254.169.254) and "this network" are refused unless a listed range lies inside them — a broad
// range such as 0.0.0.0/0 does not open them.

export interface Cidr {
  /** The text as written (normalised: no spaces). */
  text: string;
  family: 4 | 6;
  /** The network address as a 32- or 128-bit number. */
  network: bigint;
  prefix: number;
}

/** Private LAN ranges (RFC 1918 and IPv6 unique-local). */
export const defaultPrinterNetworks: readonly string[] = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  'fc00::/7',
];

/** Ranges a printer may be in only when a listed range lies inside them. */
const guardedNetworks: readonly string[] = [
  '127.0.0.0/8',
  '169.254.0.0/16',
  '0.0.0.0/8',
  '::1/128',
  '::/128',
  'fe80::/10',
];

/** The most ranges one list may hold. */
export const networksMax = 50;

function ipv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(Number(part));
  }
  return value;
}

function ipv6(text: string): bigint | null {
  if (text.length > 45 || !/^[0-9a-fA-F:.]+$/.test(text)) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (const [i, piece] of pieces.entries()) {
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = ipv4(piece);
        if (v4 === null) return null;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return null;
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

const mappedPrefix = 0xffffn << 32n;

/** An IP address literal → family and number; IPv4-mapped IPv6 (::ffff:a.b.c.d) counts as IPv4. */
export function parseAddress(text: string): { family: 4 | 6; value: bigint } | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const v4 = ipv4(bare);
  if (v4 !== null) return { family: 4, value: v4 };
  const v6 = ipv6(bare.split('%')[0] ?? '');
  if (v6 === null) return null;
  if (v6 >> 32n === mappedPrefix >> 32n) return { family: 4, value: v6 & 0xffffffffn };
  return { family: 6, value: v6 };
}

const bitsOf = (family: 4 | 6) => (family === 4 ? 32 : 128);

function maskOf(family: 4 | 6, prefix: number): bigint {
  const bits = bitsOf(family);
  return ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n);
}

/** `a.b.c.d/n`, `x::/n`, or a bare address (a /32 or /128); null when it is not one. */
export function parseCidr(text: string): Cidr | null {
  const trimmed = text.trim();
  const [addressText, prefixText, extra] = trimmed.split('/');
  if (extra !== undefined || !addressText) return null;
  const address = parseAddress(addressText);
  if (!address || (addressText.includes(':') && address.family === 4 && prefixText)) return null;
  const bits = bitsOf(address.family);
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return null;
  return {
    text: trimmed,
    family: address.family,
    network: address.value & maskOf(address.family, prefix),
    prefix,
  };
}

function contains(range: Cidr, family: 4 | 6, value: bigint): boolean {
  return range.family === family && (value & maskOf(family, range.prefix)) === range.network;
}

/** `inner` lies entirely inside `outer`. */
function within(inner: Cidr, outer: Cidr): boolean {
  return inner.prefix >= outer.prefix && contains(outer, inner.family, inner.network);
}

const guarded = guardedNetworks.map((text) => parseCidr(text) as Cidr);

export type AddressVerdict = 'allowed' | 'outside' | 'guarded';

/**
 * Whether a printer may be at `address` (an IP literal): inside a listed range, and — for a
 * loopback / link-local / unspecified address — inside a listed range that itself lies in that
 * guarded range. Not an IP literal → 'outside'.
 */
export function printerAddressVerdict(address: string, allowed: readonly Cidr[]): AddressVerdict {
  const parsed = parseAddress(address);
  if (!parsed) return 'outside';
  const guard = guarded.find((g) => contains(g, parsed.family, parsed.value));
  const ranges = guard ? allowed.filter((range) => within(range, guard)) : allowed;
  if (ranges.some((range) => contains(range, parsed.family, parsed.value))) return 'allowed';
  return guard ? 'guarded' : 'outside';
}

/** The list as the admin wrote it (one per line, or commas) → ranges, or the entries that are not ranges. */
export function parseNetworkList(
  entries: readonly string[],
): { ok: true; cidrs: Cidr[] } | { ok: false; invalid: string[]; tooMany: boolean } {
  const texts = entries.map((e) => e.trim()).filter((e) => e !== '');
  if (texts.length > networksMax) return { ok: false, invalid: [], tooMany: true };
  const cidrs: Cidr[] = [];
  const invalid: string[] = [];
  for (const text of texts) {
    const cidr = parseCidr(text);
    if (cidr) cidrs.push(cidr);
    else invalid.push(text);
  }
  return invalid.length > 0 ? { ok: false, invalid, tooMany: false } : { ok: true, cidrs };
}
