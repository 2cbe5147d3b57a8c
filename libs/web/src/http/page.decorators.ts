import {
  applyDecorators,
  Controller,
  Redirect,
  Render,
  SetMetadata,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CookieSession } from '@lms/identity';
import { CsrfGuard } from './csrf';
import { PageInterceptor } from './page.interceptor';
import { PageProblemFilter } from './page-problem.filter';

export const PAGE_KEY = 'lms:page';
export const WEB_CONTROLLER_KEY = 'lms:web-controller';

export interface PageMeta {
  /** A page renders its view; a form redirects, and on field errors shows its view again. */
  kind: 'page' | 'form';
  /** The template under views/, without `.hbs`. */
  view: string;
  /** i18n key of the page title. */
  title: string;
}

/**
 * A controller of web pages: outside the API prefix, signed in by the session
 * cookie, every form checked for its CSRF token, models rendered into
 * templates, errors shown as pages, and absent from the OpenAPI document.
 */
export const WebController = () =>
  applyDecorators(
    Controller(),
    SetMetadata(WEB_CONTROLLER_KEY, true),
    CookieSession(),
    UseGuards(CsrfGuard),
    UseInterceptors(PageInterceptor),
    UseFilters(PageProblemFilter),
    ApiExcludeController(),
  );

/** A page: the handler returns the view's model (`@PageCtx()` gives it the language and formats). */
export const Page = (view: string, title: string) =>
  applyDecorators(Render(view), SetMetadata(PAGE_KEY, { kind: 'page', view, title } satisfies PageMeta));

/**
 * A form's POST: the handler returns `redirectTo(...)` (303, so the browser
 * GETs the next page); when it is refused for its fields, the form's page is
 * shown again with the errors beside the fields and what was typed.
 */
export const Form = (view: string, title: string) =>
  applyDecorators(Redirect('/', 303), SetMetadata(PAGE_KEY, { kind: 'form', view, title } satisfies PageMeta));

/** An action button's POST (no fields to show again): redirects like a form; errors become pages. */
export const Action = () => Redirect('/', 303);

/** Where a Form or Action goes next, with an optional `notice.*` message key shown there. */
export function redirectTo(url: string, notice?: string): { url: string; statusCode: number } {
  if (!url.startsWith('/') || url.startsWith('//')) throw new Error(`not a local path: ${url}`);
  // The notice goes into the query, before any #fragment.
  const [path, fragment] = url.split('#', 2);
  const query = notice ? `${path.includes('?') ? '&' : '?'}notice=${encodeURIComponent(notice)}` : '';
  const target = `${path}${query}${fragment === undefined ? '' : `#${fragment}`}`;
  return { url: target, statusCode: 303 };
}
