import type { Reply } from './command-context.ts';

export const info = (text: string, more: Omit<Reply, 'kind' | 'text'> = {}): Reply => ({
  kind: 'info',
  text,
  ...more,
});

export const success = (text: string, more: Omit<Reply, 'kind' | 'text'> = {}): Reply => ({
  kind: 'success',
  text,
  ...more,
});
