// Builds src/map/world.generated.json from @svg-maps/world (CC BY 4.0): every country's outline, simplified
// to whole units of the 1010 x 666 view box (Douglas-Peucker, tolerance 0.6), so the map ships with the app
// at a few tens of KB instead of 1.2 MB. The source paths use only relative "m", implicit relative line-to and "z".
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const TOLERANCE = 0.6;
const out = process.argv[2] ?? 'src/map/world.generated.json';
const text = readFileSync('node_modules/@svg-maps/world/index.js', 'utf8');
const map = JSON.parse(text.replace(/^export default /, '').replace(/;\s*$/, ''));

function rings(path) {
  const tokens = path.match(/[mz]|-?[\d.]+(?:e-?\d+)?/gi);
  const result = [];
  let x = 0, y = 0, ring = null, i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t === 'm') { // relative move, then implicit relative line-to
      x += +tokens[i + 1]; y += +tokens[i + 2]; i += 3;
      ring = [[x, y]]; result.push(ring);
    } else if (t === 'z' || t === 'Z') {
      if (ring) { x = ring[0][0]; y = ring[0][1]; }
      ring = null; i += 1;
    } else {
      x += +t; y += +tokens[i + 1]; i += 2;
      ring.push([x, y]);
    }
  }
  return result;
}

function simplify(points) {
  if (points.length < 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a], [bx, by] = points[b];
    const dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy) || 1;
    let worst = -1, index = -1;
    for (let k = a + 1; k < b; k++) {
      const d = len === 1 && dx === 0 && dy === 0
        ? Math.hypot(points[k][0] - ax, points[k][1] - ay)
        : Math.abs(dy * points[k][0] - dx * points[k][1] + bx * ay - by * ax) / len;
      if (d > worst) { worst = d; index = k; }
    }
    if (worst > TOLERANCE) { keep[index] = 1; stack.push([a, index], [index, b]); }
  }
  return points.filter((_, k) => keep[k]);
}

function encode(ringsOut) {
  let d = '', px = 0, py = 0;
  for (const ring of ringsOut) {
    const pts = simplify(ring).map(([x, y]) => [Math.round(x), Math.round(y)]);
    const unique = pts.filter((p, k) => k === 0 || p[0] !== pts[k - 1][0] || p[1] !== pts[k - 1][1]);
    if (unique.length < 3) continue; // an islet smaller than a unit: invisible at this scale
    unique.forEach(([x, y], k) => {
      d += (k === 0 ? 'm' : k === 1 ? 'l' : ' ') + (x - px) + (y - py < 0 ? '' : ' ') + (y - py);
      px = x; py = y;
    });
    d += 'z';
    px = unique[0][0]; py = unique[0][1];
  }
  return d;
}

// a country too small to keep an outline at this scale (Singapore, Malta...) is drawn as a dot at its centre
function centre(ringsIn) {
  const all = ringsIn.flat();
  const xs = all.map(p => p[0]), ys = all.map(p => p[1]);
  return [Math.round((Math.min(...xs) + Math.max(...xs)) / 2), Math.round((Math.min(...ys) + Math.max(...ys)) / 2)];
}

const countries = map.locations.map(l => {
  const r = rings(l.path);
  const d = encode(r);
  return d.length > 0 ? { id: l.id.toUpperCase(), name: l.name, d } : { id: l.id.toUpperCase(), name: l.name, dot: centre(r) };
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ viewBox: map.viewBox, countries }));
console.log(`world map: ${countries.length} countries (${countries.filter(c => c.dot).length} as dots), ${JSON.stringify(countries).length} bytes`);
