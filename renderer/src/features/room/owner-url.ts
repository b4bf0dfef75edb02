/** The facilitator's room address, as `npm run room` prints it. */
/**
 * Checks an owner address (`ws://host:port/room?token=…`, as `npm run room` prints it) and says
 * what is wrong with it, or returns the parts the socket needs.
 */
export function parseOwnerUrl(text: string): { ok: true; server: string; token: string } | { ok: false; problem: 'format' | 'token' } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, problem: 'format' };
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return { ok: false, problem: 'format' };
  const token = url.searchParams.get('token');
  if (!token || !/^[0-9a-f]{32,}$/.test(token)) return { ok: false, problem: 'token' };
  return { ok: true, server: `${url.protocol}//${url.host}`, token };
}
