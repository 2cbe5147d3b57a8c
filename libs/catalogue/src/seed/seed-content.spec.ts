import { applyPatch, emptyContent } from '../services/version-content';
import { seedDocuments } from './programme-seeder';
import { sameAsSeed } from './seed-content';

const [{ document }] = seedDocuments();
/** The document as the seeder stores it: every lesson, question and option given a fresh id. */
const stored = () =>
  JSON.parse(JSON.stringify(applyPatch(emptyContent(), document.version))) as ReturnType<typeof applyPatch>;

describe('comparing a stored version with its seed document', () => {
  it('finds no difference when only the ids made up on import differ', () => {
    const again = stored();
    expect(again.lessons[0].id).not.toBe(stored().lessons[0].id);
    expect(sameAsSeed(again, document.version)).toBe(true);
  });

  it('finds a changed text', () => {
    const changed = stored();
    changed.quiz!.questions[3].options[1].text.kk += '.';
    expect(sameAsSeed(changed, document.version)).toBe(false);
  });

  it('finds a changed setting or a missing lesson', () => {
    const settings = stored();
    settings.quiz!.drawCount = 12;
    expect(sameAsSeed(settings, document.version)).toBe(false);
    const shorter = stored();
    shorter.lessons.pop();
    expect(sameAsSeed(shorter, document.version)).toBe(false);
  });

  it('counts rubric criterion ids, which the seed files fix', () => {
    const changed = stored();
    changed.rubric!.criteria[0].id = '00000000-0000-4000-8000-000000000000';
    expect(sameAsSeed(changed, document.version)).toBe(false);
  });
});
