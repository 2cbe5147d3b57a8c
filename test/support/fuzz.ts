import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  oneOf?: OpenApiSchema[];
  allOf?: OpenApiSchema[];
  minimum?: number;
  maximum?: number;
}
interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: OpenApiSchema;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema?: OpenApiSchema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

export interface FuzzOperation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI style: /api/v1/units/{id} */
  path: string;
  pathParams: string[];
  query: { name: string; schema: OpenApiSchema }[];
  body: { type: 'json' | 'csv' | 'binary'; schema?: OpenApiSchema } | null;
}

/** One generated request. */
export interface FuzzRequest {
  url: string;
  contentType?: string;
  /** Raw bytes of the body, exactly as sent (so that malformed JSON and odd keys survive). */
  body?: string | Buffer;
}

export function operationsOf(doc: OpenApiDocument): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const type = Object.keys(content)[0];
      operations.push({
        method: method.toUpperCase() as FuzzOperation['method'],
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: !type
          ? null
          : /json/.test(type)
            ? { type: 'json', schema: content[type].schema }
            : /csv/.test(type)
              ? { type: 'csv' }
              : { type: 'binary' },
      });
    }
  }
  return operations;
}

/** Strings that have broken systems before: NUL, combining marks, RTL, surrogates, SQL and CSV formulas, huge. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(10),
  'и\u0306', // й decomposed
  'е\u0308\u0301\u0301\u0301', // stacked combining marks
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  'שלום',
  '\uD800', // a lone surrogate
  '\uFEFF',
  '😀👮‍♀️',
  '__proto__',
  'constructor',
  'prototype',
  "' OR 1=1 --",
  '"; DROP TABLE officer; --',
  '%',
  '_',
  '\\',
  'abc\\',
  '%_\\%',
  '=1+1',
  '@SUM(A1)',
  '-1',
  'line\r\nforged: yes',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '{{constructor.constructor("return process")()}}',
  'null',
  'true',
  '1e999',
  '-0',
  'NaN',
  '9999-99-99',
  '2026-02-30',
  '0000-01-01T00:00:00Z',
  '275760-09-13T00:00:00.000Z',
  'x'.repeat(256),
  'ж'.repeat(5000),
  'x'.repeat(200_000),
];

export const NASTY_NUMBERS = [
  0,
  -1,
  1,
  0.5,
  -0.000001,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

export const stringArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.uuid().map(String) },
);
export const numberArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...NASTY_NUMBERS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, with the nasty strings and numbers among them, and `__proto__`/`constructor` keys. */
export const jsonArb: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    stringArb,
    numberArb,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.constantFrom('__proto__', 'constructor', 'id', 'kk', 'ru'), fc.string({ maxLength: 8 })),
      tie('value'),
      {
        maxKeys: 4,
      },
    ),
  ),
})).value;

function resolve(schema: OpenApiSchema | undefined, doc: OpenApiDocument, depth = 0): OpenApiSchema {
  if (!schema || depth > 5) return {};
  if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.split('/').pop()!], doc, depth + 1);
  if (schema.allOf?.length) return resolve(schema.allOf[0], doc, depth + 1);
  if (schema.oneOf?.length) return resolve(schema.oneOf[0], doc, depth + 1);
  return schema;
}

/** A value shaped like `schema` (often valid, or nearly) or anything at all. */
export function valueArb(
  schema: OpenApiSchema | undefined,
  doc: OpenApiDocument,
  ids: string[],
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  const anything = depth > 3 ? fc.constant(null) : jsonArb;
  let typed: fc.Arbitrary<unknown>;
  if (s.enum?.length) typed = fc.constantFrom(...s.enum);
  else if (s.type === 'string' && s.format === 'uuid') typed = fc.oneof(fc.constantFrom(...ids), fc.uuid().map(String));
  else if (s.type === 'string' && /date/.test(s.format ?? ''))
    typed = fc.oneof(
      fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    );
  else if (s.type === 'string') typed = stringArb;
  else if (s.type === 'integer' || s.type === 'number')
    typed = fc.oneof(numberArb, fc.integer({ min: s.minimum ?? -5, max: s.maximum ?? 1000 }));
  else if (s.type === 'boolean') typed = fc.boolean();
  else if (s.type === 'array')
    typed = depth > 3 ? fc.constant([]) : fc.array(valueArb(s.items, doc, ids, depth + 1), { maxLength: 4 });
  else if (s.type === 'object' || s.properties) typed = objectArb(s, doc, ids, depth + 1);
  else typed = anything;
  return fc.oneof({ weight: 5, arbitrary: typed }, { weight: 1, arbitrary: anything });
}

/** An object with each declared property kept, dropped or given a wrong type, and extra keys now and then. */
function objectArb(schema: OpenApiSchema, doc: OpenApiDocument, ids: string[], depth: number): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {});
  const record = Object.fromEntries(
    properties.map(([name, property]) => [
      name,
      fc.option(valueArb(property, doc, ids, depth), { freq: 4, nil: undefined }),
    ]),
  ) as Record<string, fc.Arbitrary<unknown>>;
  return fc
    .tuple(
      fc.record(record),
      fc.option(
        fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'extra', 'isAdmin', 'role'), jsonArb, { maxKeys: 2 }),
        {
          freq: 4,
        },
      ),
    )
    .map(([own, extra]) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(own)) if (v !== undefined) out[k] = v;
      if (extra)
        for (const [k, v] of Object.entries(extra))
          Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      return out;
    });
}

const CSV_HEADER = 'personnel_number,full_name,rank,position,service_type,unit_code,status,language';
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const csvArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(CSV_HEADER, 'occurred_at,unit_code,category,outcome', '', 'a,b', CSV_HEADER + ',extra'),
      fc.array(fc.array(stringArb, { maxLength: 9 }), { maxLength: 4 }),
      fc.constantFrom('\n', '\r\n', '\r'),
    )
    .map(([header, rows, eol]) => [header, ...rows.map((row) => row.map(csvField).join(','))].join(eol)),
  fc.constantFrom('"unterminated,quote\n', '\u0000\u0000', 'a,"b""c",d\n"x', CSV_HEADER + '\n"1"2,x'),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

function encodeQuery(pairs: [string, unknown][]): string {
  const parts: string[] = [];
  for (const [name, value] of pairs) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values)
      parts.push(
        `${encodeURIComponent(name)}=${encodeURIComponent(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`,
      );
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Encodes what `encodeURIComponent` refuses (lone surrogates) as raw percent-encoded bytes instead of throwing. */
function encodeURIComponent(value: string): string {
  try {
    return globalThis.encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}

/** Generated requests for one operation: path ids (real ones, random ones, junk), queries and bodies. */
export function requestArb(op: FuzzOperation, doc: OpenApiDocument, ids: string[]): fc.Arbitrary<FuzzRequest> {
  const pathValue = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(ids.length ? ids : [randomUUID()])) },
    { weight: 1, arbitrary: fc.uuid().map(String) },
    { weight: 1, arbitrary: stringArb.filter((s) => s.length > 0 && s.length < 2000) },
  );
  const pathArb = fc
    .tuple(...op.pathParams.map(() => pathValue))
    .map((values) =>
      op.pathParams.reduce((path, name, i) => path.replace(`{${name}}`, encodeURIComponent(values[i])), op.path),
    );
  const queryArb = fc
    .tuple(
      fc.tuple(...op.query.map((q) => fc.option(valueArb(q.schema, doc, ids), { freq: 2, nil: undefined }))),
      fc.option(fc.tuple(fc.constantFrom('unknown', '__proto__', 'limit', 'offset', 'format'), jsonArb), { freq: 5 }),
    )
    .map(([values, extra]) => {
      const pairs: [string, unknown][] = [];
      op.query.forEach((q, i) => {
        if (values[i] !== undefined) pairs.push([q.name, values[i]]);
      });
      if (extra) pairs.push(extra);
      return encodeQuery(pairs);
    });
  const bodyArb: fc.Arbitrary<Pick<FuzzRequest, 'body' | 'contentType'>> = !op.body
    ? fc.oneof(fc.constant({}), fc.constant({ body: '{"unexpected":true}', contentType: 'application/json' }))
    : op.body.type === 'csv'
      ? csvArb.map((body) => ({ body: Buffer.from(body, 'utf8'), contentType: 'text/csv' }))
      : op.body.type === 'binary'
        ? fc
            .uint8Array({ maxLength: 300 })
            .map((bytes) => ({ body: Buffer.from(bytes), contentType: 'application/octet-stream' }))
        : fc.oneof(
            {
              weight: 6,
              arbitrary: valueArb(op.body.schema, doc, ids).map((value) => ({
                body: JSON.stringify(value) ?? 'null',
                contentType: 'application/json',
              })),
            },
            {
              weight: 1,
              arbitrary: fc
                .constantFrom(
                  '{',
                  '{"a":',
                  '[1,2',
                  'not json',
                  '{"__proto__":{"isAdmin":true}}',
                  '{"a":1,"a":2}',
                  '\u0000',
                  '"\\ud800"',
                  '{"x":1e99999}',
                  '',
                )
                .map((body) => ({ body, contentType: 'application/json' })),
            },
            { weight: 1, arbitrary: stringArb.map((body) => ({ body, contentType: 'text/plain' })) },
          );
  return fc.tuple(pathArb, queryArb, bodyArb).map(([path, query, body]) => ({ url: path + query, ...body }));
}
