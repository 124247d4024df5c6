// Password check of the embedded database's wire server (issue #10 item 5): PGlite answers any
// startup message with AuthenticationOk, so anyone on 127.0.0.1 could read every table. Before a
// socket reaches pglite-socket's handler we run PostgreSQL's md5 password exchange ourselves:
// startup message (SSL / GSS requests answered 'N') → AuthenticationMD5Password with a random salt →
// PasswordMessage checked → the startup message is handed on to PGlite, which answers
// AuthenticationOk. A wrong password gets FATAL 28P01 and the socket is closed.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Socket } from 'node:net';

/** A startup (or password) message longer than this is refused. */
export const wireStartupBytesMax = 10_000;
/** A client must authenticate within this long. */
export const wireAuthTimeoutMs = 10_000;

const protocolVersion3 = 196_608;
const sslRequestCode = 80_877_103;
const gssRequestCode = 80_877_104;
/** SSL and GSS requests a client may send before its startup message. */
const preStartupRequestsMax = 4;

const md5 = (text: string | Buffer): string => createHash('md5').update(text).digest('hex');

/** A random password for one start of the embedded database. */
export function newWirePassword(): string {
  return randomBytes(24).toString('base64url');
}

function startupUser(startup: Buffer): string {
  const fields = startup.subarray(8).toString('utf8').split('\u0000');
  for (let i = 0; i + 1 < fields.length; i += 2)
    if (fields[i] === 'user') return fields[i + 1] ?? '';
  return '';
}

function md5Request(salt: Buffer): Buffer {
  const message = Buffer.alloc(13);
  message.write('R', 0);
  message.writeInt32BE(12, 1);
  message.writeInt32BE(5, 5);
  salt.copy(message, 9);
  return message;
}

function fatal(code: string, text: string): Buffer {
  const body = Buffer.from(`SFATAL\u0000VFATAL\u0000C${code}\u0000M${text}\u0000\u0000`, 'utf8');
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

function passwordMatches(answer: Buffer, expected: string): boolean {
  const given = answer.subarray(0, answer.indexOf(0) === -1 ? answer.length : answer.indexOf(0));
  const wanted = Buffer.from(expected, 'utf8');
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

type Step =
  | { kind: 'more' }
  | { kind: 'refuse'; reply: Buffer | null }
  | { kind: 'reply'; reply: Buffer; rest: Buffer }
  | { kind: 'done'; rest: Buffer };

interface Exchange {
  startup: Buffer | null;
  salt: Buffer;
  requests: number;
}

/** One step of the exchange over the bytes received so far. */
function step(exchange: Exchange, bytes: Buffer, password: string): Step {
  if (exchange.startup === null) {
    if (bytes.length < 8) return { kind: 'more' };
    const length = bytes.readInt32BE(0);
    if (length < 8 || length > wireStartupBytesMax) return { kind: 'refuse', reply: null };
    if (bytes.length < length) return { kind: 'more' };
    const code = bytes.readInt32BE(4);
    if (code === sslRequestCode || code === gssRequestCode) {
      exchange.requests += 1;
      if (exchange.requests > preStartupRequestsMax) return { kind: 'refuse', reply: null };
      return { kind: 'reply', reply: Buffer.from('N'), rest: bytes.subarray(length) };
    }
    if (code !== protocolVersion3) return { kind: 'refuse', reply: null };
    exchange.startup = Buffer.from(bytes.subarray(0, length));
    return { kind: 'reply', reply: md5Request(exchange.salt), rest: bytes.subarray(length) };
  }
  if (bytes.length < 5) return { kind: 'more' };
  const length = bytes.readInt32BE(1);
  if (bytes[0] !== 0x70 || length < 4 || length > wireStartupBytesMax)
    return { kind: 'refuse', reply: null };
  if (bytes.length < length + 1) return { kind: 'more' };
  const user = startupUser(exchange.startup);
  const expected = 'md5' + md5(Buffer.concat([Buffer.from(md5(password + user)), exchange.salt]));
  if (!passwordMatches(bytes.subarray(5, length + 1), expected))
    return {
      kind: 'refuse',
      reply: fatal('28P01', `password authentication failed for user "${user}"`),
    };
  return { kind: 'done', rest: bytes.subarray(length + 1) };
}

/**
 * Runs the password exchange on a new socket. Resolves with the bytes to hand to PGlite (the
 * startup message and anything after the password), or null when the socket was refused and closed.
 */
export function authenticateWire(socket: Socket, password: string): Promise<Buffer | null> {
  const exchange: Exchange = { startup: null, salt: randomBytes(4), requests: 0 };
  let received = Buffer.alloc(0);
  return new Promise((resolve) => {
    const finish = (result: Buffer | null, reply: Buffer | null) => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
      if (result === null) {
        if (reply) socket.end(reply);
        else socket.destroy();
      }
      resolve(result);
    };
    const onClose = () => finish(null, null);
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      for (let turn = 0; turn <= preStartupRequestsMax + 2; turn += 1) {
        const next = step(exchange, received, password);
        if (next.kind === 'more') return;
        if (next.kind === 'refuse') return finish(null, next.reply);
        if (next.kind === 'done' && exchange.startup)
          return finish(Buffer.concat([exchange.startup, next.rest]), null);
        if (next.kind === 'reply') {
          socket.write(next.reply);
          received = Buffer.from(next.rest);
        }
      }
    };
    const timer = setTimeout(() => finish(null, null), wireAuthTimeoutMs);
    socket.on('data', onData);
    socket.once('close', onClose);
  });
}
