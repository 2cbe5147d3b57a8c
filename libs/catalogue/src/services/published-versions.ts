import { contentView, VersionContentView } from './course.mapper';
import { CompletionRule, VersionContent } from './version-content';

/** How many versions a process keeps (a catalogue has a few dozen published versions, each tens of kilobytes). */
const MAX_KEPT = 500;

/** Freezes a value and everything in it, so a kept object cannot be changed by one caller under another. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** A bounded map that forgets its oldest entry when full. */
class Kept<T> {
  private readonly entries = new Map<string, T>();

  get(id: string): T | undefined {
    return this.entries.get(id);
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  set(id: string, value: T): T {
    if (!this.entries.has(id) && this.entries.size >= MAX_KEPT) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(id, value);
    return value;
  }
}

/**
 * What never changes once a version is published: its content, its
 * completion rule, and its content as shown to someone who does not author
 * the course (lessons rendered, no answers). Kept in this process after the
 * first read, frozen so that no caller can change them; a draft is never
 * kept. Publishing only ever moves a draft on (to published, then
 * archived), so nothing kept can become stale.
 */
export class PublishedVersions {
  private readonly contents = new Kept<VersionContent>();
  private readonly rules = new Kept<CompletionRule>();
  private readonly views = new Kept<VersionContentView>();

  content(id: string): VersionContent | undefined {
    return this.contents.get(id);
  }

  /** Keeps a published (or archived) version's content, as read: a copy, so the reader keeps its own. */
  keepContent(id: string, status: string, content: VersionContent): void {
    if (status !== 'draft' && !this.contents.get(id)) this.contents.set(id, deepFreeze(structuredClone(content)));
  }

  rule(id: string): CompletionRule | undefined {
    return this.rules.get(id) ?? this.contents.get(id)?.completionRule;
  }

  keepRule(id: string, status: string, rule: CompletionRule): void {
    if (status !== 'draft' && !this.rules.get(id)) this.rules.set(id, deepFreeze(rule));
  }

  /** The content as a non-author sees it, rendered once per version. */
  publicView(id: string, content: VersionContent): VersionContentView {
    return this.views.get(id) ?? this.views.set(id, deepFreeze(contentView(content, false)));
  }

  /** Versions whose rule is kept, so that a statement need not read their content again. */
  ruleIds(): string[] {
    return [...new Set([...this.rules.keys(), ...this.contents.keys()])];
  }
}
