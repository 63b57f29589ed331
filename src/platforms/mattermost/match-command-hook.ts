/** Where a Mattermost server is reached: its origin and its subpath (no trailing slash). */
export interface ServerBase {
  origin: string;
  path: string;
}

// The server routes `/hooks/commands/{id:[A-Za-z0-9]+}` under its subpath (server/channels/web/webhook.go).
const HOOK_PATH = /^\/+hooks\/commands\/([A-Za-z0-9]{1,64})$/;

/** An http(s) base URL as origin + subpath, or undefined when it is not one. */
export function toServerBase(url: string): ServerBase | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  return { origin: parsed.origin, path: parsed.pathname.replace(/\/+$/, '') };
}

/**
 * The hook id of a `response_url` built on `base` (`<SiteURL>/hooks/commands/<id>`,
 * server/channels/app/command.go), or undefined when the URL is anything else. Extra slashes after the
 * base are tolerated: the server joins the Site URL as configured, trailing slash included.
 */
export function matchCommandHook(url: string, base: ServerBase): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const target = new URL(url);
  if (target.origin !== base.origin || target.username !== '' || target.password !== '') return undefined;
  if (target.search !== '' || target.hash !== '') return undefined;
  if (!target.pathname.startsWith(`${base.path}/`)) return undefined;
  return HOOK_PATH.exec(target.pathname.slice(base.path.length))?.[1];
}
