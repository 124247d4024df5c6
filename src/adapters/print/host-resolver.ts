// HostResolver over the system resolver (getaddrinfo, like the TCP connect itself would use): an IP
// literal is itself; a name → every address, within a deadline and a bound on how many are read.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { HostResolver } from '../../app/network/printer-network.js';

const lookupTimeoutMs = 5_000;
const addressesMax = 16;
const hostMax = 253;

export function dnsHostResolver(timeoutMs = lookupTimeoutMs): HostResolver {
  return async (host) => {
    const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
    if (isIP(bare) !== 0) return [bare];
    if (bare.length === 0 || bare.length > hostMax || !/^[A-Za-z0-9.-]+$/.test(bare)) return [];
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`lookup of ${bare} timed out`)), timeoutMs);
    });
    try {
      const found = await Promise.race([lookup(bare, { all: true, verbatim: true }), deadline]);
      return found.slice(0, addressesMax).map((entry) => entry.address);
    } catch {
      return [];
    } finally {
      clearTimeout(timer);
    }
  };
}
