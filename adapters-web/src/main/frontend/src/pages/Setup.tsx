import { useState } from 'preact/hooks';
import { call, client } from '../api/client';
import { useAction } from '../app/hooks';
import { Button, Field, ProblemBanner, fieldError } from '../ui/components';
import { passwordStrength } from '../lib/password';

const FIELDS = ['setupToken', 'password', 'fail2banSocket', 'fail2banConfigDir', 'sessionLifetimeSeconds'] as const;

/** First run: the one-time setup token from the server's log or file, and the admin password. */
export function SetupPage({ onDone }: { onDone: () => void }) {
  const [setupToken, setSetupToken] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [advanced, setAdvanced] = useState({ fail2banSocket: '', fail2banConfigDir: '', sessionLifetimeSeconds: '' });
  const strength = passwordStrength(password);
  const mismatch = repeat.length > 0 && repeat !== password;
  const submit = useAction(async () => {
    const lifetime = advanced.sessionLifetimeSeconds.trim();
    await call(client.POST('/api/v1/setup', {
      body: {
        setupToken: setupToken.trim(),
        password,
        fail2banSocket: advanced.fail2banSocket.trim() || null,
        fail2banConfigDir: advanced.fail2banConfigDir.trim() || null,
        // a number as a number; anything else as typed, so the server refuses it next to the field
        sessionLifetimeSeconds: lifetime === '' ? null : /^\d{1,12}$/.test(lifetime) ? Number(lifetime) : lifetime,
      } as never,
    }));
    onDone();
  });
  const err = (name: string) => fieldError(submit.error, name, FIELDS);
  return (
    <main class="center narrow">
      <h1>Set up BanGUI</h1>
      <p>BanGUI wrote a one-time setup token to its log and to the file <code>setup-token</code> beside its database.</p>
      <form onSubmit={e => { e.preventDefault(); if (!mismatch) submit.run(); }}>
        <ProblemBanner error={submit.error} fields={FIELDS} />
        <Field label="Setup token" name="setupToken" error={err('setupToken')}>
          <input id="setupToken" name="setupToken" autocomplete="off" required value={setupToken}
            onInput={e => setSetupToken(e.currentTarget.value)} />
        </Field>
        <Field label="Admin password" name="password" error={err('password')}
          hint={<StrengthMeter strength={strength} empty={password.length === 0} />}>
          <input id="password" name="password" type="password" autocomplete="new-password" required
            aria-describedby="password-hint" value={password} onInput={e => setPassword(e.currentTarget.value)} />
        </Field>
        <Field label="Repeat the password" name="passwordRepeat" error={mismatch ? 'The passwords differ.' : undefined}>
          <input id="passwordRepeat" name="passwordRepeat" type="password" autocomplete="new-password" required
            value={repeat} onInput={e => setRepeat(e.currentTarget.value)} />
        </Field>
        <details>
          <summary>Advanced (optional)</summary>
          <Field label="fail2ban socket" name="fail2banSocket" error={err('fail2banSocket')}>
            <input id="fail2banSocket" name="fail2banSocket" placeholder="/var/run/fail2ban/fail2ban.sock"
              value={advanced.fail2banSocket} onInput={e => setAdvanced({ ...advanced, fail2banSocket: e.currentTarget.value })} />
          </Field>
          <Field label="fail2ban configuration directory" name="fail2banConfigDir" error={err('fail2banConfigDir')}>
            <input id="fail2banConfigDir" name="fail2banConfigDir" placeholder="/etc/fail2ban"
              value={advanced.fail2banConfigDir} onInput={e => setAdvanced({ ...advanced, fail2banConfigDir: e.currentTarget.value })} />
          </Field>
          <Field label="Session lifetime (seconds)" name="sessionLifetimeSeconds" error={err('sessionLifetimeSeconds')}>
            <input id="sessionLifetimeSeconds" name="sessionLifetimeSeconds" inputMode="numeric"
              value={advanced.sessionLifetimeSeconds} onInput={e => setAdvanced({ ...advanced, sessionLifetimeSeconds: e.currentTarget.value })} />
          </Field>
        </details>
        <Button type="submit" kind="primary" busy={submit.busy} disabled={strength.score === 0 || mismatch}>Finish setup</Button>
      </form>
    </main>
  );
}

function StrengthMeter({ strength, empty }: { strength: ReturnType<typeof passwordStrength>; empty: boolean }) {
  if (empty) return <span>At least 12 characters.</span>;
  return (
    <span class="strength" data-score={strength.score}>
      <meter min={0} max={4} low={2} high={3} optimum={4} value={strength.score} aria-label="Password strength" />
      {' '}Strength: <strong>{strength.label}</strong>{strength.hints.length > 0 && ` — ${strength.hints.join('; ')}`}
    </span>
  );
}
