import { HttpStatus } from '@nestjs/common';
import { HTTP_CODE_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { AssessmentsProblem } from '@lms/assessments';
import { AssignmentsProblem } from '@lms/assignments';
import { CatalogueProblem } from '@lms/catalogue';
import { CommonProblem, PageQuery } from '@lms/core';
import { IdentityProblem } from '@lms/identity';
import { JobsProblem } from '@lms/jobs';
import { PersonnelProblem } from '@lms/personnel';
import { ReportsProblem } from '@lms/reports';
import { SeminarsProblem } from '@lms/seminars';
import { apiAs } from '../support/api-client';
import { enrol, officerOf, rightAnswers } from '../support/assessment-fixtures';
import { createCourse, unitId } from '../support/catalogue-fixtures';
import { controllerRoutes, NestRoute } from '../support/controller-routes';
import { createTestApp, TestApp } from '../support/test-app';

interface Schema {
  type?: string;
  format?: string;
  $ref?: string;
  enum?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
  required?: string[];
}
interface Response {
  description?: string;
  content?: Record<string, { schema?: Schema }>;
}
interface Operation {
  summary?: string;
  description?: string;
  security?: unknown[];
  responses: Record<string, Response>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** Properties that hold any JSON on purpose: an audit event's record, a setting's old and new value. */
const FREE_FORM = ['AuditView.before', 'AuditView.after', 'SettingChangeView.from', 'SettingChangeView.to'];

const LIBRARY_PROBLEMS: Record<string, Record<string, string>> = {
  Personnel: PersonnelProblem,
  Identity: IdentityProblem,
  Catalogue: CatalogueProblem,
  Assignments: AssignmentsProblem,
  Seminars: SeminarsProblem,
  Assessments: AssessmentsProblem,
  Reports: ReportsProblem,
  Jobs: JobsProblem,
};

/** The JSON API's routes; the pages (libs/web) are not part of its contract. */
const apiRoutes = (t: TestApp) => controllerRoutes(t).filter((route) => !route.page);

const operationKey = (route: NestRoute) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`;

/** The status Nest answers with unless the handler sets another: @HttpCode, else 201 for POST and 200 otherwise. */
function defaultStatus(route: NestRoute): number {
  const handler = route.controller.prototype[route.methodName as keyof object] as object;
  const declared = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
  return declared ?? (route.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
}

/** The handler takes the response object (`@Res()`), so it may set the status itself. */
function setsOwnStatus(route: NestRoute): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.methodName) ?? {}) as object;
  return Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.RESPONSE));
}

/** The handler reads `limit` and `offset` (its query extends PageQuery), so it answers a page. */
function takesPage(route: NestRoute): boolean {
  const types = (Reflect.getMetadata('design:paramtypes', route.controller.prototype, route.methodName) ??
    []) as unknown[];
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.methodName) ?? {}) as Record<
    string,
    { index: number }
  >;
  return Object.entries(args).some(([key, { index }]) => {
    const type = types[index] as { prototype?: unknown } | undefined;
    return (
      key.split(':')[0] === String(RouteParamtypes.QUERY) &&
      (type === PageQuery || type?.prototype instanceof PageQuery)
    );
  });
}

/** Properties typed `object` with nothing to say what is in them: usually a `number | null` that lost its type. */
function shapelessObjects(name: string, schema: Schema, path = name): string[] {
  const found: string[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const where = `${path}.${key}`;
    const described =
      property.properties ||
      property.additionalProperties ||
      property.$ref ||
      property.allOf ||
      property.oneOf ||
      property.anyOf;
    if (property.type === 'object' && !described) found.push(where);
    found.push(...shapelessObjects(name, property, where));
    if (property.items) found.push(...shapelessObjects(name, property.items, `${where}[]`));
  }
  return found;
}

/**
 * Where a JSON value departs from its documented schema: a field the schema
 * does not name, a required one missing, null where it is not nullable, a
 * value of another type. Empty when the answer is what the document says.
 */
function departures(doc: Document, schema: Schema, value: unknown, path: string): string[] {
  if (schema.$ref) return departures(doc, doc.components.schemas[schema.$ref.split('/').pop()!], value, path);
  if (value === null) return schema.nullable ? [] : [`${path}: null, not nullable`];
  if (schema.oneOf) {
    const fits = schema.oneOf.some((option) => departures(doc, option, value, path).length === 0);
    return fits ? [] : [`${path}: fits none of oneOf`];
  }
  if (schema.allOf) return schema.allOf.flatMap((part) => departures(doc, part, value, path));
  if (schema.enum && !schema.enum.includes(value as string)) return [`${path}: ${JSON.stringify(value)} not in enum`];
  switch (schema.type) {
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((item, i) => departures(doc, schema.items ?? {}, item, `${path}[${i}]`))
        : [`${path}: not an array`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${path}: ${JSON.stringify(value)} is not an integer`];
    case 'number':
    case 'string':
    case 'boolean':
      return typeof value === schema.type ? [] : [`${path}: ${JSON.stringify(value)} is not a ${schema.type}`];
    case undefined: // an object, or a free-form value: below
  }
  if (!schema.properties) return []; // free-form
  if (typeof value !== 'object' || Array.isArray(value)) return [`${path}: not an object`];
  const record = value as Record<string, unknown>;
  return [
    ...(schema.required ?? []).filter((key) => record[key] === undefined).map((key) => `${path}.${key}: missing`),
    ...Object.entries(record).flatMap(([key, field]) =>
      schema.properties![key]
        ? departures(doc, schema.properties![key], field, `${path}.${key}`)
        : [`${path}.${key}: not documented`],
    ),
  ];
}

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  let operations: [string, Operation][];

  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.http().get('/api/v1/docs/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body as Document;
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]): [string, Operation] => [
        `${method.toUpperCase()} ${path}`,
        operation,
      ]),
    );
  });
  afterAll(() => t.close());

  it('describes every route the API serves, and nothing else (the pages are not the API)', () => {
    const routes = apiRoutes(t).map(operationKey).sort();
    expect(routes.length).toBeGreaterThan(80);
    expect(operations.map(([key]) => key).sort()).toEqual(routes);
  });

  it('gives every operation a summary and a description', () => {
    const missing = operations
      .filter(([, operation]) => !operation.summary?.trim() || !operation.description?.trim())
      .map(([key]) => key);
    expect(missing).toEqual([]);
  });

  it('says what every operation answers on success: a schema for each media type, or no content for 204', () => {
    const untyped: string[] = [];
    for (const [key, operation] of operations) {
      const successes = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
      if (successes.length === 0) untyped.push(`${key}: no 2xx response`);
      for (const [status, response] of successes) {
        const content = Object.entries(response.content ?? {});
        if (status === '204') {
          if (content.length > 0) untyped.push(`${key} ${status}: content on a 204`);
          continue;
        }
        if (content.length === 0) untyped.push(`${key} ${status}: no content`);
        for (const [mediaType, { schema }] of content) {
          const json = /json/.test(mediaType);
          const described = json
            ? schema?.$ref || schema?.type === 'array' || schema?.oneOf
            : schema?.type === 'string';
          if (!described) untyped.push(`${key} ${status} ${mediaType}: ${JSON.stringify(schema)}`);
        }
      }
    }
    expect(untyped).toEqual([]);
  });

  it('documents the status each route answers with', () => {
    const wrong: string[] = [];
    const byKey = new Map(operations);
    for (const route of apiRoutes(t)) {
      const key = operationKey(route);
      const documented = Object.keys(byKey.get(key)?.responses ?? {})
        .filter((status) => /^2\d\d$/.test(status))
        .map(Number);
      const status = defaultStatus(route);
      // A handler that sets the status itself (a resumed quiz attempt: 200) documents each it sends, Nest's default among them.
      const fits = setsOwnStatus(route)
        ? documented.includes(status)
        : documented.length === 1 && documented[0] === status;
      if (!fits) wrong.push(`${key}: answers ${status}, documents ${documented.join(', ') || 'none'}`);
    }
    expect(wrong).toEqual([]);
  });

  it('documents both answers of starting a quiz: 201 for a new attempt, 200 for the one still open', () => {
    const responses = doc.paths['/api/v1/enrollments/{id}/attempts'].post.responses;
    expect(Object.keys(responses)).toEqual(expect.arrayContaining(['200', '201']));
  });

  it('types numbers as numbers: no shapeless object outside the free-form properties', () => {
    const shapeless = Object.entries(doc.components.schemas).flatMap(([name, schema]) =>
      shapelessObjects(name, schema),
    );
    expect(shapeless.sort()).toEqual([...FREE_FORM].sort());
    const version = doc.components.schemas.VersionContentDto.properties!;
    expect(version.validityMonths).toMatchObject({ type: 'integer', nullable: true });
    const quiz = doc.components.schemas.QuizDto.properties!;
    expect(quiz.timeLimitMinutes).toMatchObject({ type: 'integer', nullable: true });
  });

  it('marks nullable fields', () => {
    const unit = doc.components.schemas.UnitView.properties!;
    expect(unit.parentId).toMatchObject({ type: 'string', nullable: true });
    const enrollment = doc.components.schemas.EnrollmentView.properties!;
    expect(enrollment.dueAt).toMatchObject({ type: 'string', format: 'date-time', nullable: true });
  });

  it('describes every list (a route that takes limit and offset) as { items, total, limit, offset }', () => {
    const byKey = new Map(operations);
    const lists = apiRoutes(t).filter(takesPage);
    expect(lists.length).toBeGreaterThan(15);
    const wrong: string[] = [];
    for (const route of lists) {
      const schema = byKey.get(operationKey(route))?.responses['200']?.content?.['application/json']?.schema;
      const page = schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!] : undefined;
      const keys = Object.keys(page?.properties ?? {}).sort();
      if (keys.join() !== 'items,limit,offset,total' || page?.properties?.items.type !== 'array')
        wrong.push(`${operationKey(route)}: ${JSON.stringify(schema)}`);
    }
    expect(wrong).toEqual([]);
    expect(doc.paths['/api/v1/courses/{id}/versions'].get.responses['200'].content!['application/json'].schema).toEqual(
      { $ref: '#/components/schemas/VersionHistoryEntryPage' },
    );
  });

  it('documents the errors of every operation as problems, with their codes', () => {
    const undocumented: string[] = [];
    for (const [key, operation] of operations) {
      if (key === 'GET /api/v1/health') continue;
      const problems = Object.entries(operation.responses).filter(([status]) => /^4/.test(status));
      if (!problems.some(([status]) => status === '4XX')) undocumented.push(`${key}: no 4XX`);
      if (operation.security?.length && !(operation.responses['401'] && operation.responses['403']))
        undocumented.push(`${key}: no 401 and 403`);
      for (const [status, response] of problems) {
        const schema = response.content?.['application/problem+json']?.schema;
        if (!schema?.$ref?.match(/Problem(Dto)?$/)) undocumented.push(`${key} ${status}: ${JSON.stringify(schema)}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it("lists each library's problem codes, and the common ones, in its problem schema", () => {
    const common = Object.values(CommonProblem).map((code) => `/problems/${code}`);
    for (const [library, codes] of Object.entries(LIBRARY_PROBLEMS)) {
      const types = doc.components.schemas[`${library}ProblemType`]?.enum;
      expect({ library, types }).toEqual({
        library,
        types: expect.arrayContaining([...Object.values(codes).map((code) => `/problems/${code}`), ...common]),
      });
    }
  });

  it('declares the media type of every download', () => {
    const download = (path: string, method = 'get') =>
      Object.keys(doc.paths[path][method].responses[method === 'post' ? '201' : '200'].content ?? {});
    expect(download('/api/v1/certificates/{id}/pdf')).toEqual(['application/pdf']);
    expect(download('/api/v1/sessions/{id}/roster.csv')).toEqual(['text/csv']);
    expect(download('/api/v1/sessions/{id}/roster.html')).toEqual(['text/html']);
    expect(download('/api/v1/sessions/{id}/calendar.ics')).toEqual(['text/calendar']);
    expect(download('/api/v1/me/sessions.ics')).toEqual(['text/calendar']);
    expect(download('/api/v1/officer-accounts', 'post')).toEqual(['text/csv']);
    expect(download('/api/v1/reports/compliance')).toEqual([
      'application/json',
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/html',
      'application/pdf',
    ]);
  });

  describe('matches what the routes answer', () => {
    /** The documented JSON schema of an answer, by the operation and status it came from. */
    const check = (method: string, path: string, res: { status: number; body: unknown }) => {
      const template = path.replace(/\?.*$/, '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '{id}');
      const key = `${method} /api/v1${template}`;
      const operation = operations.find(([k]) => k.replace(/\{\w+\}/g, '{id}') === key)?.[1];
      const schema = operation?.responses[String(res.status)]?.content?.['application/json']?.schema;
      if (!schema) return [`${key} ${res.status}: no documented JSON schema`];
      return departures(doc, schema, res.body, `${key} ${res.status}`);
    };

    it('answers as documented along a course’s whole journey: catalogue, order, rule, quiz, certificate, reports', async () => {
      const [hr, admin, officer] = [await t.login('hr.almaty'), await t.login('admin'), await t.login('officer')];
      const as = { hr: apiAs(t, hr), admin: apiAs(t, admin), officer: apiAs(t, officer) };
      const seen: string[] = [];
      const call = async (who: keyof typeof as, method: 'get' | 'post', path: string, body?: unknown) => {
        const res = method === 'get' ? await as[who].get(path) : await as[who].post(path, body ?? {});
        expect(`${method} ${path} ${res.status}`).toMatch(/ 20[01]$/);
        seen.push(...check(method.toUpperCase(), path, res));
        return res.body as Record<string, unknown> & { id: string; items: { id: string }[] };
      };
      const course = await createCourse(t, 'OPENAPI-CONTRACT', {
        quiz: { questions: 4, drawCount: 3, timeLimitMinutes: 20 },
        completionRule: { lessonsRead: false, quizPassed: true, practicalPassed: false, seminarAttended: false },
      });
      const me = await officerOf(t, 'officer');
      const unit = await unitId(t, 'ALM');

      await call('hr', 'get', '/units');
      await call('hr', 'get', `/units/${unit}`);
      await call('hr', 'get', `/units/${unit}/subtree`);
      await call('hr', 'get', '/officers?limit=5');
      await call('hr', 'get', `/officers/${me.id}`);
      await call('hr', 'get', '/me');
      await call('officer', 'get', '/me');
      await call('admin', 'get', '/users?limit=5');
      await call('admin', 'get', '/audit?limit=20');
      await call('hr', 'get', '/courses');
      await call('hr', 'get', `/courses/${course.courseId}`);
      await call('hr', 'get', `/course-versions/${course.versionId}`);
      await call('admin', 'get', `/course-versions/${course.versionId}/export`);
      const programmes = await call('hr', 'get', '/programmes');
      await call('hr', 'get', `/programmes/${programmes.items[0].id}`);

      const order = await call('hr', 'post', '/orders', { number: 'OPENAPI-1', date: '2026-11-20', title: 'Contract' });
      await call('hr', 'get', '/orders');
      await call('hr', 'get', `/orders/${order.id}`);
      const rule = await call('hr', 'post', '/assignment-rules', {
        courseId: course.courseId,
        orderId: order.id,
        audience: { unitIds: [unit], serviceTypes: ['district_inspector'] },
        dueInDays: 30,
      });
      await call('hr', 'get', '/assignment-rules');
      await call('hr', 'get', `/assignment-rules/${rule.id}`);
      const enrollmentId = await enrol(t, hr, course.courseId, me.id);
      await call('hr', 'get', `/enrollments?courseId=${course.courseId}&limit=5`);
      await call('hr', 'get', `/enrollments/${enrollmentId}`);

      await call('officer', 'post', `/enrollments/${enrollmentId}/start`);
      const attempt = await call('officer', 'post', `/enrollments/${enrollmentId}/attempts`);
      await call('officer', 'get', `/attempts/${attempt.id}`);
      const answers = rightAnswers(attempt.questions as { id: string; options: { id: string }[] }[], course.quiz!);
      await call('officer', 'post', `/attempts/${attempt.id}/submit`, { answers });
      await call('officer', 'get', `/attempts/${attempt.id}`);
      await call('officer', 'get', `/enrollments/${enrollmentId}/attempts`);
      const certificates = await call('officer', 'get', '/certificates');
      const certificate = await call('officer', 'get', `/certificates/${certificates.items[0].id}`);
      const verification = await t.http().get(`/api/v1/certificates/verify/${String(certificate.verificationCode)}`);
      seen.push(...check('GET', '/certificates/verify/{id}', verification));

      await call('hr', 'get', `/reports/compliance?orderId=${order.id}`);
      const snapshot = await call('hr', 'post', `/orders/${order.id}/execution-reports`);
      await call('hr', 'get', `/orders/${order.id}/execution-reports`);
      await call('hr', 'get', `/execution-reports/${snapshot.id}`);
      await call('hr', 'get', `/execution-reports/${snapshot.id}/verification`);
      await call('hr', 'get', `/reports/compliance/officers?orderId=${order.id}&limit=5`);
      const reportCheck = await t.http().get(`/api/v1/execution-reports/verify/${String(snapshot.verificationCode)}`);
      seen.push(...check('GET', '/execution-reports/verify/{id}', reportCheck));
      seen.push(...check('GET', '/health', await t.http().get('/api/v1/health')));

      expect(seen).toEqual([]);
    });
  });
});
