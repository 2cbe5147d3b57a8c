import { Injectable } from '@nestjs/common';
import { RequestContext } from '@lms/core';
import { UserService } from '@lms/identity';
import { CourseVersionService } from '@lms/catalogue';
import { rosterCsv, renderSignInSheet, SheetSession } from './roster-sheet';
import { RosterEntry, RosterService } from './roster.service';
import { canManage, SESSION_STAFF } from './session-access';
import { locationLine, locationOf } from './session.mapper';
import { SessionService } from './session.service';

/** The roster as a file: CSV for HR, a printable sign-in sheet for the room. */
@Injectable()
export class RosterExportService {
  constructor(
    private readonly sessions: SessionService,
    private readonly roster: RosterService,
    private readonly versions: CourseVersionService,
    private readonly users: UserService,
  ) {}

  async csv(ctx: RequestContext, id: string): Promise<string> {
    const { entries } = await this.load(ctx, id);
    return rosterCsv(entries);
  }

  async html(ctx: RequestContext, id: string): Promise<string> {
    const { session, entries } = await this.load(ctx, id);
    return renderSignInSheet(session, entries);
  }

  private async load(ctx: RequestContext, id: string): Promise<{ session: SheetSession; entries: RosterEntry[] }> {
    const row = await this.sessions.find(ctx, id);
    const entries = await this.roster.entries(id, canManage(ctx, row) ? null : ctx.subtrees(...SESSION_STAFF));
    const version = await this.versions.byId(row.course_version_id);
    const names = await this.users.displayNames([row.trainer_user_id]);
    return {
      entries,
      session: {
        id: row.id,
        courseTitle: row.course_title,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        timeZone: row.unit_timezone,
        location: locationLine(locationOf(row)),
        unitName: row.unit_name,
        trainerName: names.get(row.trainer_user_id) ?? '',
        hours: version?.content.seminar?.hours ?? 0,
        capacity: row.capacity,
        booked: row.booked,
        cancelled: row.status === 'cancelled',
      },
    };
  }
}
