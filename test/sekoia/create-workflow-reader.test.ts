import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { createLogger } from '../../src/log.ts';
import { createWorkflowReader, type WorkflowReader } from '../../src/sekoia/create-workflow-reader.ts';
import { ALERT_STATUSES, WORKFLOW_ACTIONS } from '../../src/sekoia/workflow-constants.ts';
import type { SekoiaHarness } from './start-sekoia-harness.ts';
import { startSekoiaHarness } from './start-sekoia-harness.ts';

let harness: SekoiaHarness;
let reader: WorkflowReader;
let logLines: string[];
const clock = createManualClock();

beforeEach(async () => {
  harness = await startSekoiaHarness();
  logLines = [];
  const log = createLogger({ level: 'debug', destination: { write: (line: string) => logLines.push(line) } });
  reader = createWorkflowReader({ sekoia: harness.client, clock, log });
});
afterEach(() => harness.close());

const workflowGets = () => harness.fake.requests.filter((request) => request.path.endsWith('/workflow'));
const sources = () =>
  logLines.map((line) => JSON.parse(line).workflowSource).filter((source) => source !== undefined);

describe('createWorkflowReader', () => {
  it("reads Sekoia.io's workflow when it answers, without asking for the status", async () => {
    const alert = harness.fake.addAlert({ statusName: 'Acknowledged' });
    const workflow = await reader.read(alert.uuid, () => expect.fail('status not needed'));
    expect(workflow.source).toBe('api');
    expect(workflow.actions.map((action) => action.name)).toEqual(['Validate', 'Reject']);
    expect(sources()).toEqual(['api']);
  });

  it.each([403, 404, 405] as const)(
    'falls back to the standard transitions of the current status when the GET is refused (%i), and remembers it',
    async (status) => {
      harness.fake.refuseWorkflowGet(status);
      const alert = harness.fake.addAlert({ statusName: 'Ongoing' });
      const ongoing = { uuid: ALERT_STATUSES.ongoing.uuid, name: 'Ongoing' };
      const first = await reader.read(alert.uuid, () => ongoing);
      expect(first).toEqual({
        source: 'standard',
        actions: [
          { id: WORKFLOW_ACTIONS.close.id, name: 'Close' },
          { id: WORKFLOW_ACTIONS.reject.id, name: 'Reject' },
        ],
      });
      // Asking again on every card and click would only pile up error answers.
      const pending = await reader.read(alert.uuid, () => ({ uuid: ALERT_STATUSES.pending.uuid }));
      expect(pending.actions.map((action) => action.name)).toEqual(['Acknowledge', 'Validate', 'Reject']);
      expect(workflowGets()).toHaveLength(1);
      expect(sources()).toEqual(['standard', 'standard', 'standard']);
      clock.advance(15 * 60_000);
      harness.fake.refuseWorkflowGet(undefined);
      expect((await reader.read(alert.uuid, () => ongoing)).source).toBe('api');
    },
  );

  it('passes on the failure to read the status (an alert that is gone), remembering nothing', async () => {
    harness.fake.refuseWorkflowGet(404);
    const gone = reader.read('ALgone0000000', async () => {
      await harness.client.getAlert('ALgone0000000');
      return {};
    });
    await expect(gone).rejects.toMatchObject({ code: 'sekoia_not_found' });
    harness.fake.refuseWorkflowGet(undefined);
    const alert = harness.fake.addAlert();
    expect((await reader.read(alert.uuid, () => ({}))).source).toBe('api');
  });

  it('passes on an outage as it is: the standard workflow is for a refused endpoint, not a down one', async () => {
    const alert = harness.fake.addAlert();
    harness.fake.setDown(true);
    await expect(reader.read(alert.uuid, () => ({}))).rejects.toMatchObject({ code: 'sekoia_unavailable' });
  });

  it('offers nothing for a status it does not know (a custom workflow cannot be guessed)', async () => {
    harness.fake.refuseWorkflowGet(403);
    const alert = harness.fake.addAlert();
    const workflow = await reader.read(alert.uuid, () => ({ uuid: 'custom', name: 'Triage' }));
    expect(workflow).toEqual({ source: 'standard', actions: [] });
  });
});
