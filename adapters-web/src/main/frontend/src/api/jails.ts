import { call, client } from './client';

/** The names of the running jails, sorted: the choices of every jail select (ban form, filters, blocklists). */
export async function jailNames(): Promise<string[]> {
  const r = await call(client.GET('/api/v1/jails'));
  return r.jails.map(j => j.name).sort((a, b) => a.localeCompare(b));
}
