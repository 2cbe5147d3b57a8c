import type { Language } from '@lms/core';
import { unitNameIn, UnitTreeNode } from '@lms/personnel';

export interface UnitOption {
  id: string;
  code: string;
  /** The name in the page's language, indented by depth with em spaces for a select. */
  label: string;
  name: string;
  depth: number;
  selected: boolean;
}

/**
 * A unit tree as the options of a select, depth first, each named in the
 * page's language; `exclude` leaves out a unit and everything under it (a
 * unit cannot move under itself).
 */
export function unitOptions(
  root: UnitTreeNode,
  language: Language,
  selectedId: string | null = null,
  exclude: string | null = null,
): UnitOption[] {
  const out: UnitOption[] = [];
  const walk = (node: UnitTreeNode, level: number) => {
    if (node.id === exclude) return;
    const name = unitNameIn(node, language);
    out.push({
      id: node.id,
      code: node.code,
      name,
      label: `${'\u2003'.repeat(level)}${name} (${node.code})`,
      depth: level,
      selected: node.id === selectedId,
    });
    for (const child of node.children) walk(child, level + 1);
  };
  walk(root, 0);
  return out;
}
