/**
 * Every PostgreSQL advisory-lock key the system takes, in one place so that
 * two features never share one by accident. The one-key form
 * (`pg_advisory_lock(bigint)`) and the two-key form (`pg_advisory_lock(int, int)`)
 * are separate key spaces in PostgreSQL; the numbers are kept distinct across
 * both anyway, so a key names one feature wherever it appears in `pg_locks`.
 */
export const ADVISORY_LOCKS = {
  /** Session lock held while migrations run: API and worker processes starting together take turns. */
  migrations: 7_301_000,
  /** Transaction lock of every audit write, so the hash chain stays linear. */
  auditChain: 7_301_001,
  /** Transaction try-lock of a recurrence round: with several workers, one does the round and the others skip it. */
  recurrenceRound: 7_301_002,
  /** Transaction lock while start-up seals (or re-seals) second-factor secrets: processes starting together take turns. */
  totpSealing: 7_301_003,
  /** First key of the two-key lock on one trainer's calendar; the second is `hashtext(<trainer user id>)`. */
  trainerCalendar: 7_301_101,
  /** First key of the two-key lock on one username's sign-in count; the second is `hashtext(<normalised username>)`. */
  loginUsername: 7_301_102,
  /** First key of the two-key lock on one address's sign-in count; the second is `hashtext(<address>)`. Taken after `loginUsername`. */
  loginAddress: 7_301_103,
} as const;
