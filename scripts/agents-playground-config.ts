/**
 * The Playground's mock Teams (`.m365agentsplayground.yml`, schema 0.1.1 in the package): a team
 * Security with a soc-alerts channel, and the bot named Sekoia so that `@Sekoia …` reads as in Teams.
 * The schema wants exactly five other users.
 */
export const PLAYGROUND_TEAM = { id: 'team-security-id', name: 'Security' } as const;
export const PLAYGROUND_CHANNEL = { id: 'channel-soc-alerts-id', name: 'soc-alerts' } as const;
export const PLAYGROUND_BOT_NAME = 'Sekoia';

const OTHERS = ['Megan Bowen', 'Adele Vance', 'Isaiah Langer', 'Patti Fernandez', 'Lynne Robbins'];

function user(id: string, name: string, index: number): string[] {
  const [given = name, surname = ''] = name.split(' ');
  const mail = `${given.toLowerCase()}@example.com`;
  return [
    `  id: ${id}`,
    `  name: ${name}`,
    `  userPrincipleName: ${mail}`,
    `  aadObjectId: 00000000-0000-0000-0000-0000000000${20 + index}`,
    `  givenName: ${given}`,
    `  surname: ${surname}`,
    `  email: ${mail}`,
  ];
}

export function agentsPlaygroundConfig(): string {
  const others = OTHERS.flatMap((name, i) => {
    const [first = '', ...rest] = user(`user-id-${i + 1}`, name, i + 1);
    return [`  - ${first.trim()}`, ...rest.map((line) => `  ${line}`)];
  });
  return [
    'version: "0.1.1"',
    'tenantId: 00000000-0000-0000-0000-000000000001',
    'bot:',
    '  id: 00000000-0000-0000-0000-000000000011',
    `  name: ${PLAYGROUND_BOT_NAME}`,
    'currentUser:',
    ...user('user-id-0', 'Ana Analyst', 0),
    'users:',
    ...others,
    'personalChat:',
    '  id: personal-chat-id',
    'groupChat:',
    '  id: group-chat-id',
    '  name: Group Chat',
    'team:',
    `  id: ${PLAYGROUND_TEAM.id}`,
    `  name: ${PLAYGROUND_TEAM.name}`,
    '  aadGroupId: 00000000-0000-0000-0000-000000000031',
    '  channels:',
    `    - id: ${PLAYGROUND_CHANNEL.id}`,
    `      name: ${PLAYGROUND_CHANNEL.name}`,
    '',
  ].join('\n');
}
