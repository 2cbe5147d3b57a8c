import type { UnitTreeNode } from '@lms/personnel';
import { unitOptions } from './unit-options';

const node = (id: string, name: string, names: Record<string, string>, children: UnitTreeNode[] = []) =>
  ({ id, code: id.toUpperCase(), name, names, children }) as unknown as UnitTreeNode;

describe('unitOptions', () => {
  const tree = node('mvd', 'ІІМ', { kk: 'ІІМ', ru: 'МВД' }, [
    node('alm', 'Алматы ПД', { kk: 'Алматы ПД', ru: 'ДП Алматы' }, [node('bost', 'Бостандық', {})]),
    node('ast', 'Астана ПД', { kk: 'Астана ПД', ru: 'ДП Астаны' }),
  ]);

  it('lists the tree depth first, named in the language, falling back to the name of record', () => {
    expect(unitOptions(tree, 'ru').map((o) => [o.depth, o.name])).toEqual([
      [0, 'МВД'],
      [1, 'ДП Алматы'],
      [2, 'Бостандық'],
      [1, 'ДП Астаны'],
    ]);
    expect(unitOptions(tree, 'kk')[1].label).toBe('\u2003Алматы ПД (ALM)');
  });

  it('leaves out an excluded unit with everything under it and marks the selected one', () => {
    const options = unitOptions(tree, 'kk', 'ast', 'alm');
    expect(options.map((o) => o.id)).toEqual(['mvd', 'ast']);
    expect(options.find((o) => o.selected)?.id).toBe('ast');
  });
});
