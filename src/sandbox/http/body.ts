// Request bodies: JSON for the API (what Uriage sends), form-encoded for OAuth endpoints.
import type { Context } from 'hono';
import type { z } from 'zod';
import { badRequest } from './errors.js';

export async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().includes('application/json'))
    throw badRequest('Content-Type は application/json を指定してください。');
  try {
    return await c.req.json();
  } catch {
    throw badRequest('リクエストボディが不正なJSONです。');
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function pathName(path: readonly PropertyKey[]): string {
  return (
    path
      .map((key, i) =>
        typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`,
      )
      .join('') || 'body'
  );
}

function issueMessage(issue: z.core.$ZodIssue, data: unknown): string {
  const name = pathName(issue.path);
  if (valueAt(data, issue.path) === undefined && issue.code === 'invalid_type')
    return `${name} は必須です。`;
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' || issue.expected === 'number'
        ? `${name} は整数で指定してください。`
        : `${name} の形式が不正です。`;
    case 'invalid_value':
      return `${name} は ${issue.values.map(String).join(', ')} のいずれかを指定してください。`;
    case 'too_small':
      return issue.origin === 'array'
        ? `${name} は${String(issue.minimum)}件以上指定してください。`
        : `${name} は${String(issue.minimum)}以上で指定してください。`;
    case 'too_big':
      return issue.origin === 'array'
        ? `${name} は最大${String(issue.maximum)}件までです。`
        : `${name} は${String(issue.maximum)}${issue.origin === 'string' ? '文字' : ''}以下で指定してください。`;
    default:
      return `${name} ${issue.message}`;
  }
}

/** Parses with a zod schema; failures become freee's 400 with one message per problem. */
export function parseWith<T>(schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw badRequest(...result.error.issues.slice(0, 20).map((issue) => issueMessage(issue, data)));
}
