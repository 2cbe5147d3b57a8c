import { isDeepStrictEqual } from 'node:util';
import type { Text, VersionContent } from './version-content';

export interface ItemChange {
  id: string;
  title: string;
  change: 'added' | 'removed' | 'changed';
  /** For changed items: which parts differ. */
  fields?: string[];
}

export interface VersionDiff {
  lessons: ItemChange[];
  questions: ItemChange[];
  criteria: ItemChange[];
  /** Settings whose value differs (quiz.passMark, seminar, completionRule, ...). */
  settings: { field: string; from: unknown; to: unknown }[];
  summary: string[];
}

const label = (value: Text | undefined): string => value?.ru || value?.kk || value?.en || '';

/** Structural equality of JSON values, whatever objects they were built from. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null));
const same = (a: unknown, b: unknown): boolean => isDeepStrictEqual(plain(a), plain(b));

/** Compares items by id: what was added, removed, or changed and in which fields. */
function compareItems<T extends { id: string }>(from: T[], to: T[], title: (item: T) => string): ItemChange[] {
  const before = new Map(from.map((item) => [item.id, item]));
  const after = new Map(to.map((item) => [item.id, item]));
  const changes: ItemChange[] = [];
  for (const item of to) {
    const old = before.get(item.id);
    if (!old) {
      changes.push({ id: item.id, title: title(item), change: 'added' });
      continue;
    }
    const fields = Object.keys(item).filter(
      (key) => key !== 'id' && !same((item as Record<string, unknown>)[key], (old as Record<string, unknown>)[key]),
    );
    const moved = from.indexOf(old) !== to.indexOf(item);
    if (moved) fields.push('position');
    if (fields.length) changes.push({ id: item.id, title: title(item), change: 'changed', fields });
  }
  for (const item of from)
    if (!after.has(item.id)) changes.push({ id: item.id, title: title(item), change: 'removed' });
  return changes;
}

function describe(kind: string, changes: ItemChange[]): string[] {
  const count = (change: ItemChange['change']) => changes.filter((c) => c.change === change).length;
  return (['added', 'removed', 'changed'] as const)
    .filter((change) => count(change) > 0)
    .map((change) => `${count(change)} ${kind}${count(change) === 1 ? '' : 's'} ${change}`);
}

/** A readable account of what changed from one version to another. */
export function diffVersions(from: VersionContent, to: VersionContent): VersionDiff {
  const lessons = compareItems(from.lessons, to.lessons, (l) => label(l.title));
  const questions = compareItems(from.quiz?.questions ?? [], to.quiz?.questions ?? [], (q) => label(q.text));
  const criteria = compareItems(from.rubric?.criteria ?? [], to.rubric?.criteria ?? [], (c) => label(c.description));
  const settings: VersionDiff['settings'] = [];
  const setting = (field: string, a: unknown, b: unknown) => {
    if (!same(a, b)) settings.push({ field, from: a ?? null, to: b ?? null });
  };
  for (const key of ['drawCount', 'passMark', 'timeLimitMinutes', 'maxAttempts'] as const) {
    setting(`quiz.${key}`, from.quiz?.[key], to.quiz?.[key]);
  }
  setting('rubric.passThreshold', from.rubric?.passThreshold, to.rubric?.passThreshold);
  setting('seminar', from.seminar, to.seminar);
  setting('completionRule', from.completionRule, to.completionRule);
  setting('validityMonths', from.validityMonths, to.validityMonths);
  setting('objectives', from.objectives, to.objectives);
  const summary = [
    ...describe('lesson', lessons),
    ...describe('question', questions),
    ...describe('rubric criterion', criteria),
  ];
  if (!from.quiz !== !to.quiz) summary.push(to.quiz ? 'quiz added' : 'quiz removed');
  if (!from.rubric !== !to.rubric) summary.push(to.rubric ? 'rubric added' : 'rubric removed');
  summary.push(...settings.map((s) => `${s.field} changed`));
  return { lessons, questions, criteria, settings, summary: summary.length ? summary : ['no changes'] };
}
