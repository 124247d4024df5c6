// The network settings' use cases bound once to their ports.
import { bindAll } from '../bind.js';
import {
  getPrinterNetworks,
  savePrinterNetworks,
  type PrinterNetworkDeps,
} from './printer-network.js';

export function bindNetwork(deps: PrinterNetworkDeps) {
  return bindAll(deps, { getPrinterNetworks, savePrinterNetworks });
}

export type NetworkApp = ReturnType<typeof bindNetwork>;
