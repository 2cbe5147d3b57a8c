import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { CommonProblem, FieldProblem } from './domain-error';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE } from './problem.filter';

export class FieldProblemDto implements FieldProblem {
  @ApiProperty({ example: 'dueDate' }) field: string;
  @ApiProperty({ example: 'is in the past' }) message: string;
  @ApiPropertyOptional({ type: 'integer', description: 'For CSV and other line-based input' }) line?: number;
}

/** An RFC 9457 problem, as every error answers (`application/problem+json`). */
export class ProblemDto {
  @ApiProperty({ description: '`/problems/<code>`: a stable code to act on', example: '/problems/not-found' })
  type: string;

  @ApiProperty({ example: 'Not Found' }) title: string;
  @ApiProperty({ type: 'integer', example: 404 }) status: number;
  @ApiProperty({ description: 'For people: what went wrong' }) detail: string;
  @ApiProperty({ description: 'The path of the request' }) instance: string;

  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'Validation problems: each failing field' })
  errors?: FieldProblemDto[];
}

const librarySchemas = new Map<string, { schema: Type<ProblemDto>; types: string[] }>();

/**
 * The problem schema of one library (`CatalogueProblem`): `type` is one of
 * its codes or the common ones. Each problem may carry further fields named
 * in its detail (e.g. `draftVersionId`, `retryAfterSeconds`).
 */
export function problemOf(library: string, codes: readonly string[]): Type<ProblemDto> {
  const name = `${library}Problem`;
  const types = [...new Set([...codes, ...Object.values(CommonProblem)])].map((code) => PROBLEM_TYPE_BASE + code);
  const known = librarySchemas.get(name);
  if (known) {
    // One schema per library: a second, different list of codes would silently lose to the first.
    if (known.types.join() !== types.join()) throw new Error(`${name} is documented with two code lists`);
    return known.schema;
  }
  class LibraryProblem extends ProblemDto {
    @ApiProperty({ enum: types, enumName: `${name}Type`, description: '`/problems/<code>`: a stable code to act on' })
    declare type: string;
  }
  Object.defineProperty(LibraryProblem, 'name', { value: name });
  librarySchemas.set(name, { schema: LibraryProblem, types });
  return LibraryProblem;
}

/** A problem response: always `application/problem+json`, whatever the route's success media type. */
export function problemContent(schema: Type<ProblemDto> = ProblemDto) {
  return { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(schema) } } };
}

/**
 * Documents the errors of a library's routes: any 4xx answer is a problem
 * whose `type` is one of the library's codes (or a common one). Explicit
 * statuses (401, 403, ...) declared on a route take precedence.
 */
export const ApiProblems = (library: string, codes: readonly string[]) => {
  const schema = problemOf(library, codes);
  return applyDecorators(
    ApiExtraModels(ProblemDto, schema),
    ApiResponse({
      status: '4XX',
      description: `A problem (RFC 9457); \`type\` is one of the codes of ${schema.name}Type`,
      content: problemContent(schema),
    }),
  );
};
