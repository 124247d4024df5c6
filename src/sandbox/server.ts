// Serves the sandbox alone over real HTTP (integration tests, local runs via main.ts).
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Clock } from './ports.js';
import type { Pool } from './ports.js';
import { createSandboxApp } from './app.js';
import type { FaultPlan } from './faults.js';
import type { ServicePlan } from './service.js';
import type { SandboxEnv } from './http/env.js';

export interface SandboxServerOptions {
  pool: Pool;
  clock: Clock;
  /** 0 = any free port. */
  port: number;
  hostname?: string;
  faults?: FaultPlan | undefined;
  service?: ServicePlan | undefined;
}

export interface SandboxServer {
  url: string;
  close(): Promise<void>;
}

export async function startSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  let app: Hono<SandboxEnv> | null = null;
  let url = '';
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve(
      {
        fetch: (request, env) =>
          app ? app.fetch(request, env) : new Response(null, { status: 503 }),
        port: options.port,
        hostname,
      },
      (info) => {
        url = `http://${hostname}:${info.port}`;
        app = createSandboxApp({
          pool: options.pool,
          clock: options.clock,
          faults: options.faults,
          service: options.service,
          baseUrl: url,
        });
        resolve(started);
      },
    );
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        options.faults?.close();
        server.close((error) => (error ? reject(error) : resolve()));
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
