/**
 * SVG path data as PDF path operators (ISO 32000-1 §8.5.2). The export drawing writes M, L, H,
 * V, C, Q, A, Z and a relative h (svg-renderer.ts); every command of SVG 1.1, absolute and
 * relative, is read so a new shape never prints as nothing. Quadratic curves and arcs become
 * cubic Béziers, the only curve PDF has.
 */
import { num } from './pdf-file';

const COMMAND = /[MmLlHhVvCcSsQqTtAaZz]/;
const EXPONENT = /[eE]/;
const TOKEN = /[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;

/** How many numbers each command takes. */
const ARITY: Readonly<Record<string, number>> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };

/**
 * The PDF operators tracing `d` (no painting operator: the caller adds f, S or B).
 * @example pathOps('M0,0 h10 V5 Z') // '0 0 m\n10 0 l\n10 5 l\nh\n'
 */
export function pathOps(d: string): string {
  const tokens = d.match(TOKEN) ?? [];
  let out = '';
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  // The last control point, for S and T's reflection.
  let cx = 0;
  let cy = 0;
  let last = '';
  const cubic = (x1: number, y1: number, x2: number, y2: number, x3: number, y3: number) => {
    out += `${num(x1)} ${num(y1)} ${num(x2)} ${num(y2)} ${num(x3)} ${num(y3)} c\n`;
  };
  const quad = (qx: number, qy: number, ex: number, ey: number) => {
    cubic(x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y), ex + (2 / 3) * (qx - ex), ey + (2 / 3) * (qy - ey), ex, ey);
  };
  let i = 0;
  let command = '';
  while (i < tokens.length) {
    const token = tokens[i] as string;
    // A command is one letter; a number starts with a digit, a sign or a point (cheaper than a regex per token).
    const first = token.charCodeAt(0);
    if (token.length === 1 && first >= 65 && COMMAND.test(token)) {
      command = token;
      i++;
      if (command === 'z' || command === 'Z') {
        out += 'h\n';
        x = startX;
        y = startY;
        last = 'z';
        continue;
      }
    } else if (command === '') {
      break; // numbers before any command: SVG stops drawing there
    }
    const lower = command.toLowerCase();
    const arity = ARITY[lower] as number;
    if (arity === 0 || i + arity > tokens.length) break;
    const raw = tokens.slice(i, i + arity);
    const a: number[] = new Array<number>(arity);
    let malformed = false;
    for (let k = 0; k < arity; k++) {
      const v = Number(raw[k]);
      // a command letter where a number belongs: malformed
      if (Number.isNaN(v)) malformed = true;
      a[k] = v;
    }
    if (malformed) break;
    i += arity;
    const rel = command !== command.toUpperCase();
    // Absolute M, L and C (most of a map's paths: its edges) keep the numbers as the drawing wrote
    // them: formatting them again was most of the shapes' writing time.
    const joined = !rel && (lower === 'm' || lower === 'l' || lower === 'c') ? raw.join(' ') : '';
    if (joined !== '' && !EXPONENT.test(joined)) {
      out += `${joined} ${lower}\n`;
      if (lower === 'c') {
        cx = a[2] as number;
        cy = a[3] as number;
      }
      x = a[arity - 2] as number;
      y = a[arity - 1] as number;
      if (lower === 'm') {
        startX = x;
        startY = y;
        command = 'L';
      }
      last = lower;
      continue;
    }
    const ox = rel ? x : 0;
    const oy = rel ? y : 0;
    switch (lower) {
      case 'm':
        x = ox + (a[0] as number);
        y = oy + (a[1] as number);
        startX = x;
        startY = y;
        out += `${num(x)} ${num(y)} m\n`;
        // Further pairs after a moveto are linetos.
        command = rel ? 'l' : 'L';
        break;
      case 'l':
        x = ox + (a[0] as number);
        y = oy + (a[1] as number);
        out += `${num(x)} ${num(y)} l\n`;
        break;
      case 'h':
        x = ox + (a[0] as number);
        out += `${num(x)} ${num(y)} l\n`;
        break;
      case 'v':
        y = oy + (a[0] as number);
        out += `${num(x)} ${num(y)} l\n`;
        break;
      case 'c': {
        const [x1, y1, x2, y2, ex, ey] = [ox + a[0]!, oy + a[1]!, ox + a[2]!, oy + a[3]!, ox + a[4]!, oy + a[5]!];
        cubic(x1, y1, x2, y2, ex, ey);
        cx = x2;
        cy = y2;
        x = ex;
        y = ey;
        break;
      }
      case 's': {
        const smooth = last === 'c' || last === 's';
        const x1 = smooth ? 2 * x - cx : x;
        const y1 = smooth ? 2 * y - cy : y;
        const [x2, y2, ex, ey] = [ox + a[0]!, oy + a[1]!, ox + a[2]!, oy + a[3]!];
        cubic(x1, y1, x2, y2, ex, ey);
        cx = x2;
        cy = y2;
        x = ex;
        y = ey;
        break;
      }
      case 'q': {
        const [qx, qy, ex, ey] = [ox + a[0]!, oy + a[1]!, ox + a[2]!, oy + a[3]!];
        quad(qx, qy, ex, ey);
        cx = qx;
        cy = qy;
        x = ex;
        y = ey;
        break;
      }
      case 't': {
        const smooth = last === 'q' || last === 't';
        const qx = smooth ? 2 * x - cx : x;
        const qy = smooth ? 2 * y - cy : y;
        const ex = ox + a[0]!;
        const ey = oy + a[1]!;
        quad(qx, qy, ex, ey);
        cx = qx;
        cy = qy;
        x = ex;
        y = ey;
        break;
      }
      case 'a': {
        const ex = ox + a[5]!;
        const ey = oy + a[6]!;
        for (const seg of arcToCubics(x, y, a[0]!, a[1]!, a[2]!, a[3]! !== 0, a[4]! !== 0, ex, ey)) cubic(...seg);
        x = ex;
        y = ey;
        break;
      }
    }
    last = lower;
  }
  return out;
}

type Cubic = [number, number, number, number, number, number];

/**
 * An SVG elliptical arc (SVG 1.1 F.6.5, endpoint to centre form) as cubic Béziers, one per
 * quarter turn or less. A zero radius is a straight line, as SVG says.
 */
export function arcToCubics(x1: number, y1: number, rxIn: number, ryIn: number, rotationDeg: number, large: boolean, sweep: boolean, x2: number, y2: number): Cubic[] {
  if (x1 === x2 && y1 === y2) return [];
  let rx = Math.abs(rxIn);
  let ry = Math.abs(ryIn);
  if (rx === 0 || ry === 0) return [[x1, y1, x2, y2, x2, y2]];
  const phi = (rotationDeg * Math.PI) / 180;
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  const dx = (x1 - x2) / 2;
  const dy = (y1 - y2) / 2;
  const x1p = cos * dx + sin * dy;
  const y1p = -sin * dx + cos * dy;
  const lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const num2 = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
  const den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
  const coef = (large !== sweep ? 1 : -1) * Math.sqrt(Math.max(0, num2 / den));
  const cxp = (coef * rx * y1p) / ry;
  const cyp = (-coef * ry * x1p) / rx;
  const cx = cos * cxp - sin * cyp + (x1 + x2) / 2;
  const cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
  const angle = (ux: number, uy: number, vx: number, vy: number) => {
    const a = Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
    return a;
  };
  const theta1 = angle(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry);
  let delta = angle((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry);
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  const segments = Math.max(1, Math.ceil(Math.abs(delta) / (Math.PI / 2) - 1e-9));
  const step = delta / segments;
  const k = (4 / 3) * Math.tan(step / 4);
  const point = (t: number): [number, number] => {
    const ex = rx * Math.cos(t);
    const ey = ry * Math.sin(t);
    return [cos * ex - sin * ey + cx, sin * ex + cos * ey + cy];
  };
  const derivative = (t: number): [number, number] => {
    const ex = -rx * Math.sin(t);
    const ey = ry * Math.cos(t);
    return [cos * ex - sin * ey, sin * ex + cos * ey];
  };
  const out: Cubic[] = [];
  let t = theta1;
  for (let s = 0; s < segments; s++) {
    const t2 = t + step;
    const [px, py] = point(t);
    const [qx, qy] = s === segments - 1 ? [x2, y2] : point(t2);
    const [dx1, dy1] = derivative(t);
    const [dx2, dy2] = derivative(t2);
    out.push([px + k * dx1, py + k * dy1, qx - k * dx2, qy - k * dy2, qx, qy]);
    t = t2;
  }
  return out;
}
