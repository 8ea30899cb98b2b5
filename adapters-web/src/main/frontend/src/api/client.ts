import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, retryAfterSeconds, toProblem } from './problem';
import { session } from '../app/session';

/** The typed client of BanGUI's /api/v1 routes, generated from the OpenAPI document the backend serves. */
export const client = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrfAndSession: Middleware = {
  onRequest({ request }) {
    const token = session.csrf();
    if (!SAFE.has(request.method) && token) request.headers.set('X-CSRF-Token', token);
    return request;
  },
  onResponse({ response, request }) {
    // a session that ended (expired, revoked elsewhere) sends the person to the login page
    if (response.status === 401 && !request.url.includes('/api/v1/auth/login')) session.expired();
    return response;
  },
};
client.use(csrfAndSession);

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * Awaits one call of the typed client: its body on success, else an {@link ApiError} carrying the problem
 * document (network failures become a problem with status 0).
 */
export async function call<T>(request: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await request;
  } catch (e) {
    throw new ApiError(toProblem(0, undefined));
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const failure = new ApiError(toProblem(response.status, error, response.statusText),
      retryAfterSeconds(response.headers.get('Retry-After')));
    // the cookie is valid but this browser lost the CSRF token (storage cleared): only a new login gives one
    if (failure.code === 'csrf_token_invalid') session.expired();
    throw failure;
  }
  return data as T;
}
