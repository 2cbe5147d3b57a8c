import MarkdownIt from 'markdown-it';
import type { Text } from './version-content';

export type { Text };

/**
 * Lesson Markdown to HTML that is inert: raw HTML is escaped (so no script,
 * no event handlers), and markdown-it refuses javascript:, vbscript: and
 * non-image data: links. Authors write Markdown, never HTML.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

const defaultLink =
  markdown.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
markdown.renderer.rules.link_open = (tokens, i, options, env, self) => {
  tokens[i].attrSet('rel', 'noopener noreferrer nofollow');
  tokens[i].attrSet('target', '_blank');
  return defaultLink(tokens, i, options, env, self);
};

/** Rendering is pure and lessons are read far more often than written: the latest renderings, by source. */
const rendered = new Map<string, string>();
const RENDERED_MAX = 2000;

export function renderMarkdown(source: string): string {
  let html = rendered.get(source);
  if (html === undefined) {
    html = markdown.render(source);
    if (rendered.size >= RENDERED_MAX) rendered.delete(rendered.keys().next().value!);
    rendered.set(source, html);
  }
  return html;
}

export function renderText(body: Text): Text {
  const out: Text = {};
  for (const lang of ['kk', 'ru', 'en'] as const) if (body[lang] !== undefined) out[lang] = renderMarkdown(body[lang]);
  return out;
}
