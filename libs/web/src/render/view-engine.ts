import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { pickText } from '@lms/core';
import { unitNameIn } from '@lms/personnel';
import type { PageContext } from '../http/page-context';

/** The templates sit in src/views (the build copies them with `swc --copy-files`). */
export const VIEWS_DIR = join(__dirname, '..', 'views');

type Hash = Record<string, unknown>;
interface HelperOptions {
  hash: Hash;
  data: { page: PageContext };
}

/**
 * Handlebars for the pages: a private instance (no helper registered
 * elsewhere changes it), every value escaped unless a template says `{{{ }}}`,
 * which only lesson HTML from the catalogue's inert Markdown renderer and the
 * QR code SVG do. A view renders inside `layouts/main.hbs`.
 */
export class ViewEngine {
  private readonly hbs = Handlebars.create();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();

  constructor(private readonly dir = VIEWS_DIR) {
    for (const file of readdirSync(join(dir, 'partials'))) {
      if (file.endsWith('.hbs')) this.hbs.registerPartial(basename(file, '.hbs'), this.read(join('partials', file)));
    }
    registerHelpers(this.hbs);
  }

  /** A view's HTML inside the layout; `view` is a path under views/ without `.hbs` (`officer/training`). */
  render(view: string, model: object, page: PageContext): string {
    const options = { data: { page } };
    const body = this.template(view)(model, options);
    return this.template('layouts/main')({ ...model, body }, options);
  }

  /** For Express's `res.render` (what Nest's `@Render` calls): the view named by its file. */
  expressEngine() {
    return (file: string, options: object, done: (error: unknown, html?: string) => void) => {
      try {
        const { page, ...model } = options as { page: PageContext };
        const view = relative(this.dir, file).replace(/\.hbs$/, '');
        done(null, this.render(view, model, page));
      } catch (error) {
        done(error);
      }
    };
  }

  private template(name: string): Handlebars.TemplateDelegate {
    let template = this.compiled.get(name);
    if (!template) {
      template = this.hbs.compile(this.read(`${name}.hbs`), { strict: false, preventIndent: true });
      this.compiled.set(name, template);
    }
    return template;
  }

  private read(path: string): string {
    return readFileSync(join(this.dir, path), 'utf8');
  }
}

function registerHelpers(hbs: typeof Handlebars): void {
  const page = (options: HelperOptions) => options.data.page;
  // {{t "quiz.attemptsLeft" count=2}}: the text in the page's language.
  hbs.registerHelper('t', (key: string, options: HelperOptions) => page(options).t(key, options.hash));
  // {{text course.title}}: a localised text object in the page's language.
  hbs.registerHelper('text', (value: Record<string, string> | null, options: HelperOptions) =>
    pickText(value, page(options).lang),
  );
  // {{unitIn row.unitName row.unitNames}}: a unit's name in the page's language, else its name of record.
  hbs.registerHelper('unitIn', (name: string, names: Record<string, string> | null, options: HelperOptions) =>
    unitNameIn({ name, names }, page(options).lang),
  );
  hbs.registerHelper('date', (value: Date | string | null, options: HelperOptions) => page(options).format.date(value));
  hbs.registerHelper('dueDate', (value: Date | string | null, options: HelperOptions) =>
    page(options).format.dueDate(value),
  );
  hbs.registerHelper('dateTime', (value: Date | string | null, options: HelperOptions) =>
    page(options).format.dateTime(value),
  );
  hbs.registerHelper('time', (value: Date | string | null, options: HelperOptions) => page(options).format.time(value));
  hbs.registerHelper('longDate', (value: Date | string | null, options: HelperOptions) =>
    page(options).format.longDate(value),
  );
  hbs.registerHelper('number', (value: number | null, options: HelperOptions) =>
    page(options).format.number(value, Number(options.hash.digits ?? 0)),
  );
  // {{isoDate d}}: machine-readable, for <time datetime> and scripts.
  hbs.registerHelper('iso', (value: Date | string | null) =>
    value ? (value instanceof Date ? value : new Date(value)).toISOString() : '',
  );
  // {{#each (editorLanguages)}}: the three languages a trainer writes in, side by side.
  hbs.registerHelper('editorLanguages', () => ['kk', 'ru', 'en']);
  hbs.registerHelper('fieldName', (prefix: string, lang: string) => `${prefix}_${lang}`);
  // {{#each (array "1" "2")}}: a literal list in a template.
  hbs.registerHelper('array', (...items: unknown[]) => items.slice(0, -1));
  hbs.registerHelper('concat', (...parts: unknown[]) => parts.slice(0, -1).join(''));
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  hbs.registerHelper('not', (a: unknown) => !a);
  hbs.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hbs.registerHelper('gt', (a: number, b: number) => a > b);
  hbs.registerHelper('add', (a: number, b: number) => Number(a) + Number(b));
  hbs.registerHelper('includes', (list: unknown[] | null | undefined, value: unknown) =>
    Array.isArray(list) ? list.includes(value) : false,
  );
  // {{fieldError form "newPassword"}}: the translated message for a field, if any.
  hbs.registerHelper('fieldError', (form: FormState | undefined, field: string, options: HelperOptions) => {
    const message = form?.errors?.[field];
    return message ? translateMessage(message, page(options)) : '';
  });
  hbs.registerHelper('formValue', (form: FormState | undefined, field: string) => form?.values?.[field] ?? '');
  hbs.registerHelper('formMessage', (form: FormState | undefined, options: HelperOptions) =>
    form?.message ? translateMessage(form.message, page(options)) : '',
  );
  hbs.registerHelper('hasErrors', (form: FormState | undefined) => Object.keys(form?.errors ?? {}).length > 0);
}

/** What a rejected form carries back to its page: what was typed (never passwords) and each field's message. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  /** A message for the whole form (wrong credentials, lockout). */
  message?: string;
}

/** Messages are i18n keys, optionally with a count (`errors.tooShort|10`) or a range (`errors.range|1|100`). */
export function translateMessage(message: string, page: Pick<PageContext, 't'>): string {
  const [key, count, max] = message.split('|');
  if (count === undefined) return page.t(key, {});
  return page.t(key, max === undefined ? { count: Number(count) } : { min: count, max });
}
