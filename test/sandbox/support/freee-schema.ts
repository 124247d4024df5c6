// Validates sandbox responses against freee's official OpenAPI document (vendor/freee) with ajv.
// OpenAPI 3.0 `nullable` becomes a JSON-Schema null type; in `closed` mode every object also
// refuses properties the schema does not list, so a misspelt field fails the test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';

const schemaPath = fileURLToPath(
  new URL('../../../vendor/freee/accounting-api-schema.json', import.meta.url),
);
/** Documented by freee outside the schema: deal lines carry `description` (API-NOTES §5), 401s a `code` (§2). */
const documentedExtras = ['description', 'code'];
const depthMax = 64;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function convert(node: Json, closed: boolean, depth = 0): Json {
  if (depth > depthMax) throw new Error('schema nesting deeper than expected');
  if (Array.isArray(node)) return node.map((n) => convert(n, closed, depth + 1));
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node))
    out[key] = key === 'example' ? value : convert(value, closed, depth + 1);
  if (out.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    delete out.nullable;
  }
  if (
    closed &&
    out.type === 'object' &&
    out.properties &&
    typeof out.properties === 'object' &&
    !Array.isArray(out.properties) &&
    out.additionalProperties === undefined
  ) {
    const allowed = Object.keys(out.properties);
    out.propertyNames = {
      enum: [...allowed, ...documentedExtras.filter((e) => !allowed.includes(e))],
    };
  }
  return out;
}

const document = JSON.parse(readFileSync(schemaPath, 'utf8')) as Json;

function makeAjv(closed: boolean): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(convert(document, closed) as object, 'freee');
  return ajv;
}

const ajvs = { closed: makeAjv(true), open: makeAjv(false) };
const cache = new Map<string, ValidateFunction>();

function pointer(segments: readonly string[]): string {
  return segments
    .map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1')))
    .join('/');
}

/** The validator of one documented response: e.g. ('/api/1/deals', 'post', 201). */
export function responseValidator(
  path: string,
  method: string,
  status: number,
  mode: 'closed' | 'open' = 'closed',
): ValidateFunction {
  const key = `${mode} ${method} ${path} ${status}`;
  let validate = cache.get(key);
  if (!validate) {
    const ref = `freee#/${pointer(['paths', path, method, 'responses', String(status), 'content', 'application/json', 'schema'])}`;
    validate = ajvs[mode].compile({ $ref: ref });
    cache.set(key, validate);
  }
  return validate;
}

/** Throws with ajv's errors when `body` does not match the documented response. */
export function assertMatchesSchema(
  path: string,
  method: string,
  status: number,
  body: unknown,
  mode: 'closed' | 'open' = 'closed',
): void {
  const validate = responseValidator(path, method, status, mode);
  if (!validate(body)) {
    throw new Error(
      `${method.toUpperCase()} ${path} ${status} does not match freee's schema: ${JSON.stringify(validate.errors?.slice(0, 5), null, 1)}\nbody: ${JSON.stringify(body).slice(0, 1500)}`,
    );
  }
}
