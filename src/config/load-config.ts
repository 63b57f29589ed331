import { BotError } from '../errors.ts';
import { configSchema, crossVariableProblems, type RawConfig } from './config-schema.ts';

export interface Config extends Omit<RawConfig, 'PUBLIC_URL'> {
  readonly PUBLIC_URL: string;
  readonly mattermostEnabled: boolean;
  readonly teamsAuthenticated: boolean;
}

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Validates the environment once. Every problem is reported in one error, one line per variable,
 * never quoting a value (it may be a secret).
 */
export function loadConfig(env: Env): Readonly<Config> {
  const result = configSchema.safeParse(env);
  const problems = [
    ...(result.success
      ? []
      : result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`)),
    ...crossVariableProblems(env),
  ];
  if (!result.success || problems.length > 0) {
    throw new BotError('config_invalid', {
      message: `Invalid configuration:\n  - ${problems.join('\n  - ')}`,
      details: { problems },
    });
  }
  const raw: RawConfig = result.data;
  return Object.freeze({
    ...raw,
    PUBLIC_URL: raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`,
    mattermostEnabled: Boolean(raw.MATTERMOST_URL && raw.MATTERMOST_BOT_TOKEN),
    teamsAuthenticated: Boolean(raw.MicrosoftAppId),
  });
}
