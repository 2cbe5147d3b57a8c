/** Today in Almaty, as YYYY-MM-DD: fixed due dates are calendar days there. */
export function todayInAlmaty(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
}
