/**
 * What the `npm run teams:playground` prompt understands: sample Sekoia.io events raised in the fake
 * Sekoia.io, which sends its WebHook to the bot as the real one would.
 */
import {
  alertUrgency,
  FAKE_STATUSES,
  type FakeSekoia,
  type FakeStatusName,
} from '../test/fakes/fake-sekoia/index.ts';

export const PROMPT_HELP = [
  'alert [low|medium|high|0-100] [title…]   a new alert (default: high)',
  'update <short_id> <status>               its status: Pending, Acknowledged, Ongoing, Rejected, Closed',
  'occurrence <short_id>                    one more similar event',
  'report                                   a new threat intelligence report',
  'alerts                                   the alerts of the fake Sekoia.io',
  'help                                     this list',
  'quit                                     stops everything (or Ctrl-C)',
];

const LEVELS: Record<string, number> = { low: 30, medium: 60, high: 85 };
const STATUSES = Object.keys(FAKE_STATUSES) as FakeStatusName[];

export interface PromptAnswer {
  lines: string[];
  quit?: boolean;
}

function urgencyOf(word: string | undefined): number | undefined {
  if (word === undefined) return LEVELS.high;
  if (word.toLowerCase() in LEVELS) return LEVELS[word.toLowerCase()];
  const value = Number(word);
  return Number.isInteger(value) && value >= 0 && value <= 100 ? value : undefined;
}

function raiseAlert(sekoia: FakeSekoia, args: string[]): string[] {
  const [level, ...title] = args;
  const value = urgencyOf(level);
  if (value === undefined) return [`"${level}" is not an urgency: low, medium, high or 0-100.`];
  // A named asset, as in the demo: the card then reads its name and criticality from the asset API.
  const host = sekoia.addAsset({
    name: `WS-${100 + sekoia.listAlerts().length}`,
    category: 'desktop',
    criticality: 70,
  });
  const alert = sekoia.addAlert({
    urgency: alertUrgency(value),
    assets: [host.uuid],
    ...(title.length > 0 ? { title: title.join(' ') } : {}),
  });
  return [`${alert.short_id} raised (urgency ${value}): "${alert.title}". The WebHook is on its way.`];
}

function updateStatus(sekoia: FakeSekoia, args: string[]): string[] {
  const [id, name] = args;
  const status = STATUSES.find((each) => each.toLowerCase() === name?.toLowerCase());
  if (id === undefined || status === undefined) return [`Usage: update <short_id> <${STATUSES.join('|')}>`];
  if (sekoia.getAlert(id) === undefined) return [`No alert ${id}: type alerts to list them.`];
  sekoia.updateAlert(id, { statusName: status });
  return [`${id} is now ${status}.`];
}

function listAlerts(sekoia: FakeSekoia): string[] {
  const alerts = sekoia.listAlerts();
  if (alerts.length === 0) return ['No alert yet: type alert.'];
  return alerts.map(
    (alert) =>
      `${alert.short_id}  ${alert.status.name.padEnd(12)} urgency ${alert.urgency.current_value}  ${alert.title}`,
  );
}

export function runPromptCommand(sekoia: FakeSekoia, line: string): PromptAnswer {
  const [verb = '', ...args] = line.trim().split(/\s+/);
  switch (verb.toLowerCase()) {
    case '':
      return { lines: [] };
    case 'alert':
      return { lines: raiseAlert(sekoia, args) };
    case 'update':
      return { lines: updateStatus(sekoia, args) };
    case 'occurrence': {
      const [id] = args;
      if (id === undefined || sekoia.getAlert(id) === undefined)
        return { lines: ['Usage: occurrence <short_id>'] };
      return { lines: [`${id} now has ${sekoia.addOccurrence(id).similar} similar events.`] };
    }
    case 'report':
      return { lines: [`Report "${sekoia.addReport().name}" published.`] };
    case 'alerts':
      return { lines: listAlerts(sekoia) };
    case 'help':
      return { lines: PROMPT_HELP };
    case 'quit':
    case 'exit':
      return { lines: [], quit: true };
    default:
      return { lines: [`Unknown command "${verb}". Type help.`] };
  }
}
