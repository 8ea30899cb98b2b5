import { cloneElement, isValidElement, type ComponentChildren, type JSX, type VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, describe, fieldOfProblem } from '../api/problem';
import { navigate } from '../app/router';
import { formatInstant, formatRelative } from '../lib/format';

/** An in-app link: plain <a> (open in new tab works), navigation without a reload. */
export function Link(props: JSX.HTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { href, children, onClick, ...rest } = props;
  return (
    <a {...rest} href={href} onClick={e => {
      // the caller's handler runs too (the nav closes its menu with it); it may cancel the navigation
      if (typeof onClick === 'function') onClick.call(e.currentTarget, e);
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      navigate(href);
    }}>{children}</a>
  );
}

/** A page's title row, with its actions on the right. */
export function PageHeader({ title, children }: { title: string; children?: ComponentChildren }) {
  useEffect(() => { document.title = `${title} · BanGUI`; }, [title]);
  return (
    <div class="page-header">
      <h1>{title}</h1>
      {children && <div class="actions">{children}</div>}
    </div>
  );
}

/** A failure as a sentence, announced to screen readers. Nothing for no error. */
export function ProblemBanner({ error, fields = [] }: { error: unknown; fields?: readonly string[] }) {
  if (!error) return null;
  // a problem about one of the form's fields is shown next to that field instead
  if (error instanceof ApiError && fieldOfProblem(error.problem, fields)) return null;
  return (
    <div class="problem" role="alert">
      {describe(error)}
      {error instanceof ApiError && error.code && <span class="code"> ({error.code})</span>}
    </div>
  );
}

/** The message for {@code name} if the error is about that field. */
export function fieldError(error: unknown, name: string, fields: readonly string[]): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return fieldOfProblem(error.problem, fields) === name ? describe(error) : undefined;
}

/** A labelled form field; the input is its child and should carry the API's field name as `name` and `id`. */
export function Field({ label, name, error, hint, children }:
  { label: string; name: string; error?: string; hint?: ComponentChildren; children: ComponentChildren }) {
  // the control says it is invalid and is described by what is shown below it (hint or error)
  const shown = error ? `${name}-error` : hint ? `${name}-hint` : undefined;
  const describe = (child: VNode) => {
    const own = String((child.props as Record<string, unknown>)['aria-describedby'] ?? '').split(/\s+/)
      .filter(id => id && id !== `${name}-hint` && id !== `${name}-error`);
    const describedBy = [...own, ...(shown ? [shown] : [])].join(' ');
    return cloneElement(child, {
      'aria-invalid': error ? 'true' : undefined,
      'aria-describedby': describedBy || undefined,
    } as Record<string, unknown>);
  };
  let control = children;
  if (isValidElement(children)) {
    control = describe(children);
  } else if (Array.isArray(children)) {
    // the control among several children (an input and a checkbox beside it): the one with the field's id
    control = children.map(child => (isValidElement(child) && (child.props as Record<string, unknown>).id === name
      ? describe(child) : child));
  }
  return (
    <div class={'field' + (error ? ' invalid' : '')}>
      <label for={name}>{label}</label>
      {control}
      {hint && !error && <div class="hint" id={`${name}-hint`}>{hint}</div>}
      {error && <div class="field-error" role="alert" id={`${name}-error`}>{error}</div>}
    </div>
  );
}

/** A button that shows it is working and cannot be pressed twice meanwhile. */
export function Button(props: JSX.IntrinsicElements['button'] & { busy?: boolean; kind?: 'primary' | 'danger' | 'plain' }) {
  const { busy, kind = 'plain', children, disabled, ...rest } = props;
  return (
    <button type="button" {...rest} class={`btn ${kind} ${rest.class ?? ''}`} disabled={busy || (disabled as boolean)}
      aria-busy={busy ? 'true' : undefined}>
      {children}
    </button>
  );
}

/**
 * A button for a destructive action: the first press asks ("Confirm ..."), the second within five seconds
 * acts. Keyboard-friendly, and never a browser dialog.
 */
export function ConfirmButton({ label, onConfirm, busy, kind = 'danger', title, ariaLabel }:
  { label: string; onConfirm: () => void; busy?: boolean; kind?: 'danger' | 'primary' | 'plain'; title?: string;
    /** The full name for screen readers when the label alone is ambiguous in a list: "Unban 192.0.2.1 in sshd". */
    ariaLabel?: string }) {
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (!asking) return undefined;
    const t = setTimeout(() => setAsking(false), 5000);
    return () => clearTimeout(t);
  }, [asking]);
  return (
    <Button kind={asking ? kind : 'plain'} busy={busy} title={title}
      aria-label={ariaLabel && (asking ? `Confirm: ${ariaLabel}` : ariaLabel)}
      onClick={() => { if (asking) { setAsking(false); onConfirm(); } else { setAsking(true); } }}>
      {asking ? `Confirm ${label.toLowerCase()}` : label}
    </Button>
  );
}

/** An instant as local date and time, with the relative time as a tooltip. */
export function Time({ value }: { value: string | null | undefined }) {
  if (!value) return <span class="muted">—</span>;
  return <time dateTime={value} title={formatRelative(value, Date.now())}>{formatInstant(value)}</time>;
}

/** Shown while a page's first load runs. */
export function Loading() {
  return <p class="muted" aria-live="polite">Loading…</p>;
}

/** A small coloured label. */
export function Badge({ tone = 'neutral', children }: { tone?: 'ok' | 'warn' | 'bad' | 'neutral'; children: ComponentChildren }) {
  return <span class={`badge ${tone}`}>{children}</span>;
}

/** "Next page" for keyset-paged lists: shown while the server gave a cursor. */
export function Pager({ cursor, onNext, onFirst, atFirst }:
  { cursor: string | null | undefined; onNext: (cursor: string) => void; onFirst: () => void; atFirst: boolean }) {
  return (
    <div class="pager">
      <Button onClick={onFirst} disabled={atFirst}>First page</Button>
      <Button onClick={() => cursor && onNext(cursor)} disabled={!cursor}>Next page</Button>
    </div>
  );
}

/** An empty-state line for a table with no rows. */
export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty muted">{children}</p>;
}
