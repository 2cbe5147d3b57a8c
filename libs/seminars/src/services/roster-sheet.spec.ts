import { renderSignInSheet, rosterCsv, SheetSession } from './roster-sheet';
import { RosterEntry } from './roster.service';

const session: SheetSession = {
  id: 's1',
  courseTitle: { kk: 'Сенім <қалыптастыру>', ru: 'Доверие & контакт' },
  startsAt: new Date('2026-12-01T04:00:00Z'),
  endsAt: new Date('2026-12-01T08:00:00Z'),
  timeZone: 'Asia/Almaty',
  location: 'Алматы, ауд. 214',
  unitName: 'ДП г. Алматы',
  trainerName: 'trainer',
  hours: 4,
  capacity: 10,
  booked: 1,
  cancelled: false,
};

const entry = (patch: Partial<RosterEntry>): RosterEntry => ({
  bookingId: 'b1',
  officerId: 'o1',
  personnelNumber: '100001',
  fullName: 'Әлиев Нұрлан',
  rank: 'капитан полиции',
  position: 'участковый инспектор',
  unitId: 'u1',
  unitName: 'УП Бостандыкского района',
  status: 'booked',
  waitlistPosition: null,
  bookedAt: new Date(),
  attendance: null,
  ...patch,
});

describe('sign-in sheet', () => {
  it('lists seat holders only, escapes every value and shows local time', () => {
    const html = renderSignInSheet(session, [
      entry({ fullName: '<img src=x onerror=alert(1)>' }),
      entry({ officerId: 'o2', fullName: 'Waiting Person', status: 'waitlisted', waitlistPosition: 1 }),
    ]);
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('Waiting Person');
    expect(html).toContain('Сенім &lt;қалыптастыру&gt; / Доверие &amp; контакт');
    // 04:00Z is 09:00 in Almaty (UTC+5).
    expect(html).toMatch(/01\.12\.2026, 09:00 – 13:00/);
    expect(html).toContain('Қолы / Подпись');
  });
});

describe('roster CSV', () => {
  it('starts with a BOM and bilingual headings, and quotes what needs quoting', () => {
    const csv = rosterCsv([
      entry({ fullName: 'Иванов, "Ваня"', attendance: { status: 'late', hours: 4, markedAt: new Date() } }),
    ]);
    const [header, row] = csv.slice(1).trim().split('\n');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(header).toContain('Т.А.Ә. / ФИО');
    expect(row).toContain('"Иванов, ""Ваня"""');
    expect(row).toContain('кешікті / опоздал');
  });

  it('writes semicolons for Russian and Kazakh Excel and neutralises a name that would be a formula', () => {
    const csv = rosterCsv([entry({ fullName: '=HYPERLINK("http://x","y")', position: '@SUM(1)' })]);
    const row = csv.slice(1).trim().split('\r\n')[1];
    expect(row).toContain(`;"'=HYPERLINK(""http://x"",""y"")";`);
    expect(row).toContain(";'@SUM(1);");
  });
});
