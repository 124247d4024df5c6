// The company's printer network setting (issue #10 item 12): the CIDR ranges its printers may be
// in, and the check run when a printer is saved and again when a job is sent. A host name is
// resolved first and every address it resolves to must be allowed; the sender then connects to
// the checked address (a name that resolves differently a second later changes nothing).
import {
  defaultPrinterNetworks,
  networksMax,
  parseNetworkList,
  printerAddressVerdict,
  type Cidr,
} from '../../domain/network/allow-list.js';
import type { Clock } from '../clock.js';
import { AppError, validationError } from '../errors.js';

export interface NetworkSettingsStore {
  /** The ranges the admin set; null = never set (the default applies). */
  printerNetworks(companyId: string): Promise<string[] | null>;
  savePrinterNetworks(companyId: string, networks: string[] | null, now: Date): Promise<void>;
}

/** A host name or IP literal → its addresses (an IP literal → itself); [] when it does not resolve. */
export type HostResolver = (host: string) => Promise<string[]>;

export interface PrinterNetworkDeps {
  store: NetworkSettingsStore;
  resolve: HostResolver;
  clock: Clock;
}

export interface PrinterNetworks {
  networks: string[];
  /** True while the admin has not set a list (the private LAN ranges apply). */
  isDefault: boolean;
}

export async function getPrinterNetworks(
  deps: PrinterNetworkDeps,
  companyId: string,
): Promise<PrinterNetworks> {
  const saved = await deps.store.printerNetworks(companyId);
  return saved === null
    ? { networks: [...defaultPrinterNetworks], isDefault: true }
    : { networks: saved, isDefault: false };
}

const field = 'printerNetworks';

/** Saves the list (entries: CIDR or a bare address); an empty list → back to the default. */
export async function savePrinterNetworks(
  deps: PrinterNetworkDeps,
  companyId: string,
  entries: readonly string[],
): Promise<PrinterNetworks> {
  const parsed = parseNetworkList(entries);
  if (!parsed.ok) {
    const message = parsed.tooMany
      ? `プリンターを許可するネットワークは${networksMax}件までです。`
      : `プリンターを許可するネットワークの形式が正しくありません（例: 192.168.0.0/16）: ${parsed.invalid.slice(0, 5).join(', ')}`;
    throw validationError([{ path: field, code: 'invalid_network', message }]);
  }
  const networks = parsed.cidrs.length === 0 ? null : parsed.cidrs.map((c) => c.text);
  await deps.store.savePrinterNetworks(companyId, networks, deps.clock.now());
  return getPrinterNetworks(deps, companyId);
}

async function allowedRanges(deps: PrinterNetworkDeps, companyId: string): Promise<Cidr[]> {
  const { networks } = await getPrinterNetworks(deps, companyId);
  const parsed = parseNetworkList(networks);
  return parsed.ok ? parsed.cidrs : [];
}

const refusal = (path: string, code: string, message: string, log: string) =>
  new AppError('validation', code, message, [{ path, code, message }], log);

/**
 * The address to connect to for `host`, when the company's setting allows it; otherwise a
 * validation error on `path` (Japanese, naming the setting to change).
 */
export async function allowedPrinterAddress(
  deps: PrinterNetworkDeps,
  companyId: string,
  host: string,
  path = 'printer.host',
): Promise<string> {
  const ranges = await allowedRanges(deps, companyId);
  const addresses = await deps.resolve(host);
  if (addresses.length === 0)
    throw refusal(
      path,
      'printer_host_unresolved',
      `プリンターのホスト名「${host}」のIPアドレスが見つかりません。`,
      `printer host ${host} does not resolve`,
    );
  for (const address of addresses) {
    const verdict = printerAddressVerdict(address, ranges);
    if (verdict === 'allowed') continue;
    const where = address === host ? address : `${host}（${address}）`;
    throw refusal(
      path,
      'printer_network_refused',
      verdict === 'guarded'
        ? `プリンターのアドレス ${where} はループバック・リンクローカルのため使えません。使う場合は 運用管理設定 > ネットワーク でその範囲を明示的に許可してください。`
        : `プリンターのアドレス ${where} は許可されたネットワークにありません。運用管理設定 > ネットワーク で許可してください。`,
      `printer address ${address} (${host}) refused by the network setting (${verdict})`,
    );
  }
  return addresses[0] as string;
}
