// What the process commands (serve, worker, migrate, rekey) get: the configuration and output.
import type { Clock } from '../../app/clock.js';
import type { Config } from '../config.js';

export interface MainContext {
  config: Config;
  clock: Clock;
  env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
}
