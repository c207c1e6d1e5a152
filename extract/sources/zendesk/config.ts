/**
 * Zendesk connector settings, read from the environment (`.env` is loaded by the pipeline's config first) and
 * validated with zod. Every missing or bad setting is named in one sentence that says what to set. The values are
 * secrets or point at them: never log this object.
 *
 * - `CSW_ZENDESK_SUBDOMAIN`: `acme` for https://acme.zendesk.com.
 * - `CSW_ZENDESK_EMAIL` + `CSW_ZENDESK_API_TOKEN` (basic auth `{email}/token:{api_token}`), or
 *   `CSW_ZENDESK_OAUTH_TOKEN` (Bearer).
 * - `CSW_ZENDESK_BASE_URL`: replaces `https://{subdomain}.zendesk.com` (a proxy, or the local test server).
 * - `CSW_ZENDESK_START_DATE`: where the first run (and `--full-refresh`) starts, `YYYY-MM-DD` or an ISO time;
 *   default two years before today.
 */
import { z } from 'zod';
import { optional } from '../../core/config.ts';
import { UserError } from '../../core/errors.ts';

/** Unset and empty are the same. */
const envSchema = z.object({
  CSW_ZENDESK_SUBDOMAIN: optional(
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/i, 'must be the subdomain alone, such as acme for https://acme.zendesk.com'),
  ),
  CSW_ZENDESK_EMAIL: optional(z.string().regex(/^[^@\s]+@[^@\s]+$/, 'must be the email address of the API user')),
  CSW_ZENDESK_API_TOKEN: optional(z.string()),
  CSW_ZENDESK_OAUTH_TOKEN: optional(z.string()),
  CSW_ZENDESK_BASE_URL: optional(z.string().regex(/^https?:\/\/[^/\s]+/i, 'must be a URL such as https://acme.zendesk.com')),
  CSW_ZENDESK_START_DATE: optional(
    z
      .string()
      .refine((v) => /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(v) && !Number.isNaN(Date.parse(v)), 'must be a date such as 2024-01-01'),
  ),
});

export type ZendeskAuth = { kind: 'token'; email: string; apiToken: string } | { kind: 'oauth'; token: string };

export interface ZendeskConfig {
  /** `https://{subdomain}.zendesk.com`, or CSW_ZENDESK_BASE_URL. No trailing slash. */
  baseUrl: string;
  auth: ZendeskAuth;
  /** Unix seconds where the first incremental export starts. */
  startTime: number;
  /** The settings that hold the credentials, for error messages ("check ..."). */
  authSettings: string;
}

const TWO_YEARS_MS = 2 * 365 * 24 * 3600 * 1000;

/** Reads the Zendesk settings. Throws a UserError naming what to set when they are missing or invalid. */
export function loadZendeskConfig(env: NodeJS.ProcessEnv = process.env, now = Date.now()): ZendeskConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
    throw new UserError(`Invalid Zendesk setting: ${problems} (see .env.example).`);
  }
  const e = parsed.data;
  const missing: string[] = [];
  if (!e.CSW_ZENDESK_SUBDOMAIN && !e.CSW_ZENDESK_BASE_URL) missing.push('CSW_ZENDESK_SUBDOMAIN (acme for acme.zendesk.com)');
  let auth: ZendeskAuth | undefined;
  if (e.CSW_ZENDESK_OAUTH_TOKEN) auth = { kind: 'oauth', token: e.CSW_ZENDESK_OAUTH_TOKEN };
  else if (e.CSW_ZENDESK_EMAIL && e.CSW_ZENDESK_API_TOKEN) {
    auth = { kind: 'token', email: e.CSW_ZENDESK_EMAIL, apiToken: e.CSW_ZENDESK_API_TOKEN };
  } else if (e.CSW_ZENDESK_EMAIL) missing.push('CSW_ZENDESK_API_TOKEN (Admin Center > Apps and integrations > Zendesk API)');
  else if (e.CSW_ZENDESK_API_TOKEN) missing.push('CSW_ZENDESK_EMAIL (the email of the user the API token belongs to)');
  else missing.push('CSW_ZENDESK_EMAIL and CSW_ZENDESK_API_TOKEN, or CSW_ZENDESK_OAUTH_TOKEN');
  if (missing.length > 0 || !auth) {
    throw new UserError(`The zendesk source needs ${missing.join(' and ')}: set them in the environment or .env (see .env.example).`);
  }
  const baseUrl = (e.CSW_ZENDESK_BASE_URL ?? `https://${e.CSW_ZENDESK_SUBDOMAIN!.toLowerCase()}.zendesk.com`).replace(/\/+$/, '');
  const start = e.CSW_ZENDESK_START_DATE ? Date.parse(e.CSW_ZENDESK_START_DATE) : now - TWO_YEARS_MS;
  return {
    baseUrl,
    auth,
    startTime: Math.floor(start / 1000),
    authSettings: auth.kind === 'oauth' ? 'CSW_ZENDESK_OAUTH_TOKEN' : 'CSW_ZENDESK_EMAIL and CSW_ZENDESK_API_TOKEN',
  };
}

/** The Authorization header value. */
export function authorizationHeader(auth: ZendeskAuth): string {
  return auth.kind === 'oauth'
    ? `Bearer ${auth.token}`
    : `Basic ${Buffer.from(`${auth.email}/token:${auth.apiToken}`).toString('base64')}`;
}
