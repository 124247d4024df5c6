// Goal: the printer network allow-list's matching (issue #10 item 12): private LAN by default,
// loopback / link-local / unspecified only through a range inside them, IPv4-mapped IPv6 as IPv4,
// and CIDR text parsed strictly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultPrinterNetworks,
  parseCidr,
  parseNetworkList,
  printerAddressVerdict,
  type Cidr,
} from './allow-list.js';

const ranges = (texts: readonly string[]): Cidr[] => {
  const parsed = parseNetworkList(texts);
  assert.ok(parsed.ok, texts.join(','));
  return parsed.cidrs;
};

test('default ranges: LAN allowed; loopback, link-local, unspecified guarded; public outside', () => {
  const allowed = ranges(defaultPrinterNetworks);
  for (const address of ['10.1.2.3', '172.16.0.9', '172.31.255.254', '192.168.1.50', 'fd12::1'])
    assert.equal(printerAddressVerdict(address, allowed), 'allowed', address);
  for (const address of [
    '127.0.0.1',
    '::1',
    '169.254.169.254',
    'fe80::1',
    '0.0.0.0',
    '::',
    '::ffff:127.0.0.1',
  ])
    assert.equal(printerAddressVerdict(address, allowed), 'guarded', address);
  for (const address of ['8.8.8.8', '172.32.0.1', '2001:db8::1', 'printer.local'])
    assert.equal(printerAddressVerdict(address, allowed), 'outside', address);
});

test('a broad range does not open guarded ranges; a range inside them does', () => {
  const broad = ranges(['0.0.0.0/0', '::/0']);
  assert.equal(printerAddressVerdict('127.0.0.1', broad), 'guarded');
  assert.equal(printerAddressVerdict('::1', broad), 'guarded');
  assert.equal(printerAddressVerdict('8.8.8.8', broad), 'allowed');
  const loopback = ranges(['127.0.0.1/32']);
  assert.equal(printerAddressVerdict('127.0.0.1', loopback), 'allowed');
  assert.equal(printerAddressVerdict('::ffff:127.0.0.1', loopback), 'allowed');
  assert.equal(printerAddressVerdict('127.0.0.2', loopback), 'guarded');
  assert.equal(printerAddressVerdict('192.168.0.1', loopback), 'outside');
});

test('CIDR text: prefixes within the family, bare addresses, nothing else', () => {
  assert.deepEqual(parseCidr('192.168.0.0/16'), {
    text: '192.168.0.0/16',
    family: 4,
    network: 0xc0a80000n,
    prefix: 16,
  });
  assert.equal(parseCidr('10.0.0.5')?.prefix, 32);
  assert.equal(parseCidr('fc00::/7')?.family, 6);
  for (const bad of [
    '192.168.0.0/33',
    '256.0.0.1',
    '1.2.3',
    '::1/129',
    'example.com',
    '1.2.3.4/8/1',
    '',
    '::g',
  ])
    assert.equal(parseCidr(bad), null, bad);
  const list = parseNetworkList(['10.0.0.0/8', 'x', ' ']);
  assert.deepEqual(list, { ok: false, invalid: ['x'], tooMany: false });
});
