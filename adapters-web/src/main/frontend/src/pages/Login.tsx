import { useEffect, useState } from 'preact/hooks';
import { call, client } from '../api/client';
import { ApiError } from '../api/problem';
import { useAction } from '../app/hooks';
import { session } from '../app/session';
import { Button, Field, ProblemBanner, fieldError } from '../ui/components';

const FIELDS = ['password'] as const;

/** Login with the admin password; a throttled login shows when it may be tried again, counting down. */
export function LoginPage({ notice, onLoggedIn }: { notice?: string; onLoggedIn: () => void }) {
  const [password, setPassword] = useState('');
  const [retryAt, setRetryAt] = useState<number | undefined>(undefined);
  const [now, setNow] = useState(Date.now());
  const submit = useAction(async () => {
    try {
      const answer = await call(client.POST('/api/v1/auth/login', { body: { password } as never }));
      session.loggedIn(answer.csrfToken);
      onLoggedIn();
    } catch (e) {
      if (e instanceof ApiError && e.status === 429 && e.retryAfter !== undefined) {
        setNow(Date.now());
        setRetryAt(Date.now() + e.retryAfter * 1000);
      }
      throw e;
    }
  });
  useEffect(() => {
    if (retryAt === undefined) return undefined;
    const t = setInterval(() => { setNow(Date.now()); if (Date.now() >= retryAt) setRetryAt(undefined); }, 1000);
    return () => clearInterval(t);
  }, [retryAt]);
  const wait = retryAt === undefined ? 0 : Math.max(0, Math.ceil((retryAt - now) / 1000));
  useEffect(() => { document.title = 'Log in · BanGUI'; }, []);
  return (
    <main class="center narrow">
      <h1>Log in to BanGUI</h1>
      {notice && <p class="notice" role="status">{notice}</p>}
      <form onSubmit={e => { e.preventDefault(); submit.run(); }}>
        {wait > 0
          ? <div class="problem" role="alert">Too many login attempts. Try again in {wait} s.</div>
          : <ProblemBanner error={submit.error instanceof ApiError && submit.error.status === 429 ? undefined : submit.error} fields={FIELDS} />}
        <Field label="Password" name="password" error={fieldError(submit.error, 'password', FIELDS)}>
          <input id="password" name="password" type="password" autocomplete="current-password" required autofocus
            value={password} onInput={e => setPassword(e.currentTarget.value)} />
        </Field>
        <Button type="submit" kind="primary" busy={submit.busy} disabled={wait > 0}>Log in</Button>
      </form>
    </main>
  );
}
