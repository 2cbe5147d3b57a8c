/**
 * Charts drawn on the server as SVG geometry (no script, nothing inline for
 * the CSP to refuse): the template places the shapes, each a link to the
 * report behind it. Pure functions, with their spec beside.
 */
export interface Bar {
  label: string;
  value: number | null;
  href: string;
  y: number;
  width: number;
  /** Where the value's text sits: after the bar, or inside its end when the bar is long. */
  textX: number;
  inside: boolean;
}

export const CHART_WIDTH = 320;
const LABEL_ROW = 18;
const BAR_HEIGHT = 16;
const ROW = LABEL_ROW + BAR_HEIGHT + 10;

/** Horizontal bars of percentages (0–100), one per row, the label above its bar. */
export function percentBars(rows: { label: string; value: number | null; href: string }[]) {
  const bars: Bar[] = rows.map((row, i) => {
    const width = Math.round(((row.value ?? 0) / 100) * CHART_WIDTH);
    const inside = width > CHART_WIDTH - 48;
    return {
      ...row,
      y: i * ROW + LABEL_ROW,
      width,
      inside,
      textX: inside ? width - 4 : width + 4,
    };
  });
  return { width: CHART_WIDTH, height: rows.length * ROW, bars, barHeight: BAR_HEIGHT, labelRow: LABEL_ROW };
}

export interface LinePoint {
  label: string;
  value: number | null;
  href: string;
}

/** A line of percentages over periods, with a dot (a link) per period and gridlines at 0, 50 and 100%. */
export function percentLine(points: LinePoint[]) {
  const width = CHART_WIDTH;
  const height = 180;
  const left = 34;
  const right = 10;
  const top = 10;
  const bottom = 28;
  const step = points.length > 1 ? (width - left - right) / (points.length - 1) : 0;
  const yOf = (value: number) => top + ((100 - value) / 100) * (height - top - bottom);
  const dots = points.map((point, i) => ({
    ...point,
    x: Math.round(left + i * step),
    y: point.value === null ? null : Math.round(yOf(point.value)),
  }));
  const line = dots
    .filter((dot) => dot.y !== null)
    .map((dot) => `${dot.x},${dot.y}`)
    .join(' ');
  const grid = [0, 50, 100].map((value) => ({ value, y: Math.round(yOf(value)) }));
  return { width, height, left, gridEnd: width - right, labelY: height - 8, dots, line, grid };
}
