/**
 * What the UI keeps of the login: the CSRF token (the session itself is the HttpOnly cookie, out of reach of
 * scripts). localStorage, so every tab of this origin can change state; cleared at logout and on a 401.
 */
const KEY = 'bangui.csrf';
type Listener = () => void;
const listeners = new Set<Listener>();
let expiredFlag = false;

function storage(): Storage | undefined {
  try { return globalThis.localStorage; } catch { return undefined; }
}

export const session = {
  csrf(): string | null { return storage()?.getItem(KEY) ?? null; },
  loggedIn(token: string): void { expiredFlag = false; storage()?.setItem(KEY, token); emit(); },
  loggedOut(): void { storage()?.removeItem(KEY); emit(); },
  /** Called on any 401 answer: the app shows the login page and says why. */
  expired(): void { expiredFlag = true; storage()?.removeItem(KEY); emit(); },
  wasExpired(): boolean { return expiredFlag; },
  subscribe(listener: Listener): () => void { listeners.add(listener); return () => listeners.delete(listener); },
};

function emit(): void { listeners.forEach(l => l()); }
