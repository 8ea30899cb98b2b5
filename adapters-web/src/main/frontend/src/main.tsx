import { render } from 'preact';
import { App } from './app/App';
import { applyTheme, storedTheme } from './app/theme';
import { loadWorld } from './map/WorldMap';
import './styles.css';

applyTheme(storedTheme());
// opened on the dashboard: fetch the map's outlines now, beside the session check, not after it
if (location.pathname === '/' || location.pathname === '/dashboard') loadWorld().catch(() => undefined);
render(<App />, document.getElementById('app')!);
