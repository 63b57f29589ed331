/** How log lines look: one JSON object a line for machines, or readable lines for a person. */
export const LOG_FORMATS = ['json', 'pretty'] as const;

export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LogFormatInputs {
  /** LOG_FORMAT, already validated; unset lets the bot choose. */
  configured: LogFormat | undefined;
  nodeEnv: string | undefined;
  /** Whether stdout is a terminal (process.stdout.isTTY). */
  isTTY: boolean | undefined;
}

/**
 * LOG_FORMAT when set; else readable lines on a terminal outside production, and JSON wherever a
 * machine reads the output (a pipe, a file, a container's log driver) or in production.
 */
export function chooseLogFormat(inputs: LogFormatInputs): LogFormat {
  if (inputs.configured) return inputs.configured;
  return inputs.isTTY === true && inputs.nodeEnv !== 'production' ? 'pretty' : 'json';
}
