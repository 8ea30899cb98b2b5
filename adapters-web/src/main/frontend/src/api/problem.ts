/** An RFC 9457 problem document as BanGUI answers it, plus what the UI derives from the response. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string | null;
  instance?: string | null;
  code: string;
}

/** A refused or failed API call: the problem document, and the Retry-After seconds when the answer named them. */
export class ApiError extends Error {
  readonly problem: Problem;
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail || problem.title || `request failed (${problem.status})`);
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get status(): number { return this.problem.status; }
  get code(): string { return this.problem.code; }
}

/** Turns any answer body into a problem: BanGUI's own documents as they are, anything else (a proxy's HTML) as a status. */
export function toProblem(status: number, body: unknown, statusText = ''): Problem {
  if (body && typeof body === 'object' && 'code' in body && typeof (body as Problem).code === 'string') {
    return { ...(body as Problem), status };
  }
  return { status, code: status === 0 ? 'network' : `http_${status}`, title: statusText || undefined,
    detail: status === 0 ? 'BanGUI could not be reached; check the connection and try again.'
      : `The server answered ${status}${statusText ? ' ' + statusText : ''}.` };
}

/** Parses a Retry-After header given in seconds; undefined for a missing or non-numeric header. */
export function retryAfterSeconds(header: string | null): number | undefined {
  if (header === null || !/^\d{1,9}$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

/** Codes that name a form field other than by the `invalid_<field>` pattern. */
const FIELD_OF_CODE: Record<string, string> = {
  weak_password: 'password',
  invalid_setup_token: 'setupToken',
  too_wide: 'ip',
  invalid_network: 'ip',
  invalid_address: 'ip',
  unknown_jail: 'jail',
  invalid_jail_name: 'jail',
  address_not_bannable: 'ip',
  address_ignored: 'ip',
  already_banned: 'ip',
  invalid_time_range: 'until',
  invalid_cron: 'schedule',
  name_taken: 'name',
  dbpurgeage_too_short: 'dbpurgeage',
  invalid_session_lifetime: 'sessionLifetimeSeconds',
};

/** Generic codes whose detail names the refused key: `'bantime.factor' is not in the format ...`, `since must be ...`. */
const NAMED_IN_DETAIL = new Set(['invalid_value', 'invalid_time']);

/**
 * Which of {@code fields} a problem is about: `invalid_<field>` (also with the field in snake case), or a
 * known alias; undefined when it is about none of them and belongs above the form.
 */
export function fieldOfProblem(problem: Problem, fields: readonly string[]): string | undefined {
  const code = problem.code ?? '';
  const alias = FIELD_OF_CODE[code];
  if (alias && fields.includes(alias)) return alias;
  if (NAMED_IN_DETAIL.has(code)) return fieldNamedIn(problem.detail ?? '', fields);
  if (!code.startsWith('invalid_')) return undefined;
  const named = code.slice('invalid_'.length);
  return fields.find(f => f === named || snake(f) === named);
}

/** The field a detail is about: its first quoted name (`'bantime.factor' ...`, `the value of 'x' ...`), else its first word. */
function fieldNamedIn(detail: string, fields: readonly string[]): string | undefined {
  const quoted = /'([^'\s]+)'/.exec(detail);
  if (quoted) return fields.find(f => f === quoted[1]);
  const first = /^([A-Za-z][\w.]*)\b/.exec(detail.trim());
  return first ? fields.find(f => f === first[1]) : undefined;
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, c => '_' + c.toLowerCase());
}

/** The sentence shown to a person for a failure: the server's detail, else its title, else the status. */
export function describe(error: unknown): string {
  if (error instanceof ApiError) {
    const base = error.problem.detail || error.problem.title || `Request failed (${error.status}).`;
    return error.retryAfter !== undefined && error.status === 429
      ? `${capitalise(base)} Try again in ${error.retryAfter} s.` : capitalise(base);
  }
  return error instanceof Error ? error.message : String(error);
}

function capitalise(text: string): string {
  const t = text.trim();
  return t.length === 0 ? t : t[0].toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.');
}
