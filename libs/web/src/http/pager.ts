/** A list's page links: which page of how many, and the addresses of the pages either side (null at an end). */
export function pagerOf(page: number, total: number, size: number, href: (page: number) => string) {
  const pages = Math.max(1, Math.ceil(total / size));
  return {
    page,
    pages,
    previous: page > 1 ? href(page - 1) : null,
    next: page < pages ? href(page + 1) : null,
  };
}

/** `?page=` as typed: a whole number from 1, or NaN for anything else (refused by the caller). */
export function pageNumberOf(typed: unknown): number {
  if (typed === undefined || typed === '') return 1;
  return typeof typed === 'string' && /^\d{1,5}$/.test(typed.trim()) ? Number(typed.trim()) : Number.NaN;
}
