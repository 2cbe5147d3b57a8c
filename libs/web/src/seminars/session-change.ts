import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError, RequestContext } from '@lms/core';
import { SchedulingService, SeminarsProblem, SessionDetail, UpdateSessionDto } from '@lms/seminars';
import { FormRejected } from '../http/form-rejected';
import { field, FormBody } from '../trainer/editor-forms';
import { instantOf, localInputOf } from './local-time';
import { aheadOf } from './roster';

/** The form's fields, typed as the page shows them. */
type ChangeValues = Record<
  'startsAt' | 'endsAt' | 'address' | 'room' | 'onlineUrl' | 'capacity' | 'trainerUserId',
  string
>;

/** A trainer the session may be handed over to, by name. */
interface TrainerChoice {
  userId: string;
  name: string;
}

/** What the service refuses a change with, beside the field it is about (or as the form's message). */
const REFUSALS: Record<string, [string | null, string]> = {
  [SeminarsProblem.TrainerDoubleBooked]: ['startsAt', 'errors.trainerBusy'],
  [SeminarsProblem.InvalidSchedule]: ['startsAt', 'errors.startsInFuture'],
  [SeminarsProblem.CapacityBelowBooked]: ['capacity', 'sessionChange.belowBooked'],
  [SeminarsProblem.TrainerNotQualified]: ['trainerUserId', 'errors.trainerNotQualified'],
  [SeminarsProblem.NotATrainer]: ['trainerUserId', 'errors.invalid'],
  [SeminarsProblem.SessionStarted]: [null, 'errors.sessionStarted'],
  [SeminarsProblem.SessionCancelled]: [null, 'errors.sessionClosed'],
  [SeminarsProblem.SessionCompleted]: [null, 'errors.sessionClosed'],
};

const valuesOf = (session: SessionDetail, timeZone: string): ChangeValues => ({
  startsAt: localInputOf(session.startsAt, timeZone),
  endsAt: localInputOf(session.endsAt, timeZone),
  address: session.location.address ?? '',
  room: session.location.room ?? '',
  onlineUrl: session.location.onlineUrl ?? '',
  capacity: String(session.capacity),
  trainerUserId: session.trainerUserId,
});

/**
 * The change form of a scheduled session not yet started, for a caller the
 * seminars service lets manage it: where it posts and the session's own
 * values (times in `timeZone`, the zone the page reads them in).
 */
export function sessionChangeOf(
  session: SessionDetail,
  action: string,
  timeZone: string,
  trainers: TrainerChoice[] | null = null,
) {
  if (!session.mayManage || !aheadOf(session)) return null;
  // HR hands a session over to a trainer it may assign; the session's own trainer stays offered.
  const own = { userId: session.trainerUserId, name: session.trainerName ?? session.trainerUserId };
  const offered = trainers && [own, ...trainers.filter((trainer) => trainer.userId !== own.userId)];
  return { action, timeZone, values: valuesOf(session, timeZone), trainers: offered };
}

/**
 * What the form changes, as the API's update: only the fields typed
 * differently from the session's, so an unchanged time or place tells no
 * officer of a change. Checked by the API's own rules, field by field.
 */
async function changesOf(
  session: SessionDetail,
  body: FormBody,
  timeZone: string,
): Promise<{ dto: UpdateSessionDto; errors: Record<string, string> }> {
  const before = valuesOf(session, timeZone);
  const typed = (name: keyof ChangeValues) => field(body, name).trim();
  const errors: Record<string, string> = {};
  const changes: Record<string, unknown> = {};
  for (const name of ['startsAt', 'endsAt'] as const) {
    if (typed(name) === before[name]) continue;
    const instant = typed(name) ? instantOf(typed(name), timeZone) : null;
    if (!instant) errors[name] = typed(name) ? 'errors.invalid' : 'errors.required';
    else changes[name] = instant.toISOString();
  }
  if (typed('capacity') !== before.capacity) {
    const capacity = typed('capacity');
    changes.capacity = /^\d{1,5}$/.test(capacity) ? Number(capacity) : capacity;
  }
  if (typed('trainerUserId') && typed('trainerUserId') !== before.trainerUserId) {
    changes.trainerUserId = typed('trainerUserId');
  }
  if ((['address', 'room', 'onlineUrl'] as const).some((name) => typed(name) !== before[name])) {
    changes.location = {
      address: typed('address') || undefined,
      room: typed('room') || undefined,
      onlineUrl: typed('onlineUrl') || undefined,
    };
  }
  const dto = plainToInstance(UpdateSessionDto, changes);
  for (const problem of await validate(dto, { whitelist: true, forbidNonWhitelisted: true })) {
    const nested = problem.children?.[0]?.property;
    const name = problem.property === 'location' ? (nested ?? 'address') : problem.property;
    errors[name] ??= problem.property === 'capacity' ? 'errors.range|1|10000' : 'errors.invalid';
  }
  return { dto, errors };
}

/**
 * Applies the form to the session through the seminars service (booked and
 * waiting officers are told of a new time or place; more seats fill from the
 * waitlist). Refusals show the page again beside their field; false when
 * nothing was changed.
 */
export async function changeSessionFromForm(
  scheduling: SchedulingService,
  ctx: RequestContext,
  session: SessionDetail,
  body: FormBody,
  timeZone: string,
  model: () => Promise<Record<string, unknown>>,
): Promise<boolean> {
  // The page shown again keeps what was typed in the change form, not the session's values.
  const shownAgain = async () => {
    const page = await model();
    const change = page.sessionChange as ReturnType<typeof sessionChangeOf>;
    if (!change) return page;
    const typed = Object.fromEntries(
      Object.entries(change.values).map(([name, value]) => [name, name in body ? field(body, name) : value]),
    );
    return { ...page, sessionChange: { ...change, values: typed } };
  };
  const { dto, errors } = await changesOf(session, body, timeZone);
  if (Object.keys(errors).length) throw FormRejected.of(body, errors, undefined, await shownAgain());
  if (Object.keys(dto).length === 0) return false;
  try {
    await scheduling.update(ctx, session.id, dto);
    return true;
  } catch (error) {
    const refusal = error instanceof DomainError ? REFUSALS[error.code] : undefined;
    if (!refusal) throw error;
    const [at, message] = refusal;
    // A trainer busy at that time: the new trainer's, when the session was being handed over.
    const busy = (error as DomainError).code === (SeminarsProblem.TrainerDoubleBooked as string);
    const name = busy && dto.trainerUserId ? 'trainerUserId' : at;
    const status = (error as DomainError).status;
    throw name
      ? FormRejected.of(body, { [name]: message }, undefined, await shownAgain(), status)
      : FormRejected.of(body, {}, message, await model(), status);
  }
}
