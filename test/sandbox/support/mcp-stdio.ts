// A minimal MCP client over stdio (newline-delimited JSON-RPC 2.0), enough to drive an MCP
// server process the way an AI client does: initialize, then tools/call. Every request has a
// timeout; close() ends the process (SIGTERM, then SIGKILL after a bounded wait).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** The protocol version announced on initialize (the server answers the one it speaks). */
const protocolVersion = '2025-06-18';
/** How much of the server's stderr is kept for failure messages. */
const stderrKeptChars = 8_000;
/** A stdout line longer than this is not a protocol message we expect: the process is stopped. */
const lineMaxChars = 4_000_000;
const exitWaitMs = 5_000;

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export interface ToolAnswer {
  text: string;
  isError: boolean;
}

export interface McpProcess {
  /** A JSON-RPC request; rejects on an error reply, on exit and after `timeoutMs`. */
  request(method: string, params: unknown, timeoutMs: number): Promise<unknown>;
  notify(method: string, params?: unknown): void;
  /** tools/call; the text content joined, and whether the server marked it an error. */
  tool(name: string, args: Record<string, unknown>, timeoutMs: number): Promise<ToolAnswer>;
  /** The tail of the server's stderr (its logs), for failure messages. */
  stderr(): string;
  close(): Promise<void>;
}

export async function startMcpProcess(options: {
  command: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  initializeTimeoutMs: number;
}): Promise<McpProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(options.command, [...options.args], {
    env: options.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let buffer = '';
  let stderrTail = '';
  let exited: string | null = null;
  const exitedPromise = new Promise<void>((resolve) => {
    const finish = (reason: string) => {
      if (exited) return;
      exited = reason;
      for (const [id, p] of pending) {
        clearTimeout(p.timer);
        p.reject(new Error(`MCP server ${reason} before answering #${id}\n${stderrTail}`));
      }
      pending.clear();
      resolve();
    };
    child.once('exit', (code, signal) => finish(`exited (code ${code}, signal ${signal})`));
    // A process that could not start emits no 'exit'.
    child.once('error', (error) => finish(`failed: ${error.message}`));
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-stderrKeptChars);
  });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    if (buffer.length > lineMaxChars) {
      child.kill('SIGKILL');
      return;
    }
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
      if (line === '') continue;
      let message: { id?: unknown; result?: unknown; error?: { message?: string } };
      try {
        message = JSON.parse(line) as typeof message;
      } catch {
        stderrTail += `\n(stdout, not JSON-RPC) ${line.slice(0, 200)}`;
        continue;
      }
      if (typeof message.id !== 'number') continue; // a notification or a request of the server
      const waiting = pending.get(message.id);
      if (!waiting) continue;
      pending.delete(message.id);
      clearTimeout(waiting.timer);
      if (message.error)
        waiting.reject(new Error(`MCP error: ${message.error.message ?? JSON.stringify(message)}`));
      else waiting.resolve(message.result);
    }
  });

  const send = (message: Record<string, unknown>) => {
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
  };
  const request = (method: string, params: unknown, timeoutMs: number): Promise<unknown> => {
    if (exited) return Promise.reject(new Error(`MCP server ${exited}\n${stderrTail}`));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`MCP ${method} #${id}: no answer in ${timeoutMs} ms\n${stderrTail}`));
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer });
      send({ id, method, params });
    });
  };
  const process_: McpProcess = {
    request,
    notify: (method, params) => send({ method, ...(params === undefined ? {} : { params }) }),
    async tool(name, args, timeoutMs) {
      const result = (await request('tools/call', { name, arguments: args }, timeoutMs)) as {
        content?: { type: string; text?: string }[];
        isError?: boolean;
      };
      const text = (result.content ?? [])
        .filter((c) => c.type === 'text')
        .map((c) => c.text ?? '')
        .join('\n');
      return { text, isError: result.isError === true };
    },
    stderr: () => stderrTail,
    async close() {
      if (!exited) {
        child.stdin.end();
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), exitWaitMs);
        await exitedPromise;
        clearTimeout(timer);
      }
    },
  };
  try {
    await request(
      'initialize',
      {
        protocolVersion,
        capabilities: {},
        clientInfo: { name: 'uriage-sandbox-test', version: '1' },
      },
      options.initializeTimeoutMs,
    );
    process_.notify('notifications/initialized');
  } catch (error) {
    await process_.close();
    throw error;
  }
  return process_;
}
