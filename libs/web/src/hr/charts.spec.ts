import { percentBars, percentLine } from './charts';

describe('server-drawn charts', () => {
  it('draws a bar per unit as long as its percentage, the value inside a long bar', () => {
    const chart = percentBars([
      { label: 'A', value: 50, href: '/a' },
      { label: 'B', value: 100, href: '/b' },
      { label: 'C', value: null, href: '/c' },
    ]);
    expect(chart.bars.map((b) => [b.width, b.inside])).toEqual([
      [160, false],
      [320, true],
      [0, false],
    ]);
    expect(chart.bars[1].y).toBeGreaterThan(chart.bars[0].y);
    expect(chart.height).toBe(3 * 44);
  });

  it('draws a line through the months that have a figure, a dot for each', () => {
    const chart = percentLine([
      { label: '2026-09', value: 0, href: '/' },
      { label: '2026-10', value: null, href: '/' },
      { label: '2026-11', value: 100, href: '/' },
    ]);
    expect(chart.dots.map((d) => d.y)).toEqual([152, null, 10]);
    expect(chart.line).toBe('34,152 310,10');
    expect(chart.grid.map((g) => g.y)).toEqual([152, 81, 10]);
  });
});
