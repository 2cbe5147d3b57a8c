import type { Page } from '@lms/core';

/** Every item of a paginated list. */
export async function everything<T>(list: (page: { limit: number; offset: number }) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await list({ limit: 500, offset });
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}
