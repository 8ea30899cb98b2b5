import { Component } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { banFill, legendSteps } from '../lib/mapScale';

/** One country of the generated map: an outline `d` in the view box, or a `dot` for one too small to draw. */
export interface CountryShape { id: string; name: string; d?: string; dot?: [number, number] }
export interface WorldGeometry { viewBox: string; countries: CountryShape[]; names: Map<string, string> }

let geometry: Promise<WorldGeometry> | undefined;

/**
 * The map's outlines, loaded once per page load as a chunk of its own (tools/world-map.mjs writes it at build
 * time): only the dashboard pays for it, and nothing is fetched from elsewhere.
 */
export function loadWorld(): Promise<WorldGeometry> {
  geometry ??= import('./world.generated.json').then(m => {
    const data = (m.default ?? m) as unknown as { viewBox: string; countries: CountryShape[] };
    return { viewBox: data.viewBox, countries: data.countries, names: new Map(data.countries.map(c => [c.id, c.name])) };
  });
  geometry.catch(() => { geometry = undefined; }); // a failed chunk load may succeed on the next visit
  return geometry;
}

/** The map's geometry once loaded (undefined before, or when the chunk could not be loaded). */
export function useWorld(): { world: WorldGeometry | undefined; failed: boolean } {
  const [state, setState] = useState<{ world?: WorldGeometry; failed: boolean }>({ failed: false });
  useEffect(() => {
    let live = true;
    loadWorld().then(world => live && setState({ world, failed: false }), () => live && setState({ failed: true }));
    return () => { live = false; };
  }, []);
  return { world: state.world, failed: state.failed };
}

interface ShapeProps { shape: CountryShape; count: number; fill: string }

/**
 * One country. Its outline never changes, so it repaints only when its count or colour does: a poll that
 * changes one country's count touches one element, not all 256.
 */
class Country extends Component<ShapeProps> {
  shouldComponentUpdate(next: ShapeProps) {
    return next.count !== this.props.count || next.fill !== this.props.fill || next.shape !== this.props.shape;
  }

  render({ shape, count, fill }: ShapeProps) {
    const label = `${shape.name}: ${count === 0 ? 'no active bans' : count === 1 ? '1 active ban' : `${count.toLocaleString('en-US')} active bans`}`;
    const common = {
      'data-country': shape.id,
      'data-count': count > 0 ? String(count) : undefined,
      style: { fill },
      // countries with bans are reachable by keyboard (their name and count are read out); the rest are not
      tabIndex: count > 0 ? 0 : undefined,
      'aria-label': count > 0 ? label : undefined,
      role: count > 0 ? ('img' as const) : undefined,
      class: count > 0 ? 'banned' : undefined,
    };
    return shape.d
      ? <path {...common} d={shape.d}><title>{label}</title></path>
      : <circle {...common} cx={shape.dot![0]} cy={shape.dot![1]} r={2.5}><title>{label}</title></circle>;
  }
}

/**
 * Active bans per country on a world map: each country filled by its count on a logarithmic scale of the
 * theme's `--map-*` colours, with its name and count as a tooltip, and a legend. The table beside it (on the
 * dashboard) is the accessible alternative.
 */
export function WorldMap({ world, counts }: { world: WorldGeometry; counts: Map<string, number> }) {
  const max = useMemo(() => Math.max(0, ...counts.values()), [counts]);
  // the whole drawing is rebuilt only when a count changes; an unchanged poll reuses it as it is
  const signature = useMemo(() => [...counts].sort(([a], [b]) => a.localeCompare(b)).join(';'), [counts]);
  const drawing = useMemo(() => (
    <svg viewBox={world.viewBox} role="group" aria-label="World map of active bans per country"
      preserveAspectRatio="xMidYMid meet">
      {world.countries.map(c => {
        const count = counts.get(c.id) ?? 0;
        return <Country key={c.id} shape={c} count={count} fill={banFill(count, max)} />;
      })}
    </svg>
  ), [world, signature, max]);
  const steps = legendSteps(max);
  return (
    <div class="worldmap">
      {drawing}
      {steps.length > 0 && (
        <div class="map-legend" aria-hidden="true">
          <span class="muted">Active bans:</span>
          {steps.map(s => (
            <span class="step" key={s}><span class="swatch" style={{ background: banFill(s, max) }} />{s.toLocaleString('en-US')}</span>
          ))}
        </div>
      )}
    </div>
  );
}
