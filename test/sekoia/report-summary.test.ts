import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type BuildReportOverrides,
  FAKE_TLP_MARKINGS,
  FAKE_TLP2_MARKINGS,
  type FakeTlp2Level,
  tlp2Overrides,
} from '../fakes/fake-sekoia/index.ts';
import type { SekoiaHarness } from './start-sekoia-harness.ts';
import { startSekoiaHarness } from './start-sekoia-harness.ts';

let harness: SekoiaHarness;

beforeEach(async () => {
  harness = await startSekoiaHarness();
});
afterEach(() => harness.close());

function summaryOf(overrides: BuildReportOverrides) {
  const report = harness.fake.addReport(overrides, { notify: false });
  return harness.client.getReport(report.uuid);
}

describe('getReport and getContentProposal', () => {
  it('summarise a FLINT report for the card and the report conditions', async () => {
    const report = harness.fake.addReport({}, { notify: false });
    const summary = await harness.client.getReport(report.uuid);
    expect(summary).toEqual({
      uuid: report.uuid,
      stixId: `report--${report.uuid}`,
      name: report.name,
      description: report.description,
      threats: ['APT28', 'HeadLace'],
      sectors: ['government-national', 'Government'],
      countries: ['France'],
      tlp: 'amber',
      confidence: 80,
      flint: true,
      link: `https://app.sekoia.io/intelligence/objects/report--${report.uuid}`,
    });
    await expect(harness.client.getContentProposal(report.uuid)).resolves.toEqual(summary);
    expect(harness.fake.requests.map((request) => request.path)).toEqual([
      `/v2/inthreat/reports/${report.uuid}`,
      `/v2/inthreat/content-proposals/${report.uuid}`,
    ]);
  });

  it.each([
    ['no marking at all', { object_marking_refs: [] }, undefined],
    ['the STIX TLP:RED marking', { object_marking_refs: [FAKE_TLP_MARKINGS.red] }, 'red'],
    [
      'green and amber markings (most restrictive)',
      { object_marking_refs: [FAKE_TLP_MARKINGS.green, FAKE_TLP_MARKINGS.amber] },
      'amber',
    ],
    [
      'an unknown marking',
      { object_marking_refs: ['marking-definition--00000000-0000-4000-8000-000000000000'] },
      undefined,
    ],
    [
      'a marking object',
      { object_marking_refs: [{ definition_type: 'tlp', definition: { tlp: 'green' } }] },
      'green',
    ],
    ['x_inthreat_tlp "TLP:RED"', { object_marking_refs: [], x_inthreat_tlp: 'TLP:RED' }, 'red'],
    ['tlp "clear" (TLP 2.0)', { object_marking_refs: [], tlp: 'clear' }, 'clear'],
    ['tlp "TLP:AMBER+STRICT"', { object_marking_refs: [], tlp: 'TLP:AMBER+STRICT' }, 'amber+strict'],
    [
      'x_inthreat_tlp "amber strict"',
      { object_marking_refs: [], x_inthreat_tlp: 'amber strict' },
      'amber+strict',
    ],
    [
      'TLP 1.0 AMBER and TLP 2.0 AMBER+STRICT markings (most restrictive)',
      { object_marking_refs: [FAKE_TLP_MARKINGS.amber, FAKE_TLP2_MARKINGS['amber+strict'].id] },
      'amber+strict',
    ],
    [
      "OpenCTI's AMBER+STRICT id",
      { object_marking_refs: ['marking-definition--826578e1-40ad-459f-bc73-ede076f81f37'] },
      'amber+strict',
    ],
    [
      'an inline TLP 2.0 marking object',
      { object_marking_refs: [{ name: 'TLP:AMBER+STRICT', id: 'marking-definition--local' }] },
      'amber+strict',
    ],
    ['a colour TLP does not have', { object_marking_refs: [], tlp: 'TLP:PURPLE' }, undefined],
  ] satisfies [string, BuildReportOverrides, string | undefined][])(
    'reads the TLP from %s',
    async (_name, overrides, tlp) => {
      expect((await summaryOf(overrides)).tlp).toBe(tlp);
    },
  );

  it.each(
    (['clear', 'green', 'amber', 'amber+strict', 'red'] satisfies FakeTlp2Level[]).flatMap((level) =>
      (['id', 'name'] as const).map((by) => [level, by] as const),
    ),
  )('reads the TLP 2.0 marking %s by its %s', async (level, by) => {
    expect((await summaryOf(tlp2Overrides(level, by))).tlp).toBe(level);
  });

  it.each([
    ['x_ic_is_in_flint', { x_ic_is_in_flint: true, external_references: [] }, true],
    ['a FLINT label', { x_ic_is_in_flint: false, external_references: [], labels: ['FLINT'] }, true],
    ['a "FLINT …" external reference', { x_ic_is_in_flint: undefined }, true],
    ['nothing', { x_ic_is_in_flint: false, external_references: [{ source_name: 'Vendor blog' }] }, false],
  ] satisfies [string, BuildReportOverrides, boolean][])(
    'tells a FLINT report by %s',
    async (_name, overrides, flint) => {
      expect((await summaryOf(overrides)).flint).toBe(flint);
    },
  );

  it('tolerates a report without related objects, confidence or Sekoia link', async () => {
    const summary = await summaryOf({
      objects: [],
      object_refs: [],
      confidence: undefined,
      external_references: [{ source_name: 'Vendor blog', url: 'https://vendor.example/post' }],
    });
    expect(summary).toMatchObject({ threats: [], sectors: [], countries: [], flint: true });
    expect(summary.confidence).toBeUndefined();
    expect(summary.link).toBeUndefined();
  });

  it('reads threats, sectors and countries given directly on the object', async () => {
    const summary = await summaryOf({
      objects: [],
      threats: ['Lazarus', { name: 'AppleJeus' }],
      sectors: 'finance',
      countries: [{ name: 'Germany' }, 'DE'],
    });
    expect(summary).toMatchObject({
      threats: ['Lazarus', 'AppleJeus'],
      sectors: ['finance'],
      countries: ['Germany', 'DE'],
    });
  });

  it('accepts a bare object as well as the {"data": …} envelope', async () => {
    harness.fake.respondNext(1, { status: 200, body: { id: 'report--x', name: 'Bare', confidence: 5 } });
    await expect(harness.client.getReport('3c9e1f0a-7b2d-4e58-9a61-0f4d2b8c7e15')).resolves.toMatchObject({
      name: 'Bare',
      confidence: 5,
      tlp: undefined,
      flint: false,
    });
  });

  it('reads a report without a name or with a confidence outside 0–100, leaving those out (issue 10)', async () => {
    await expect(summaryOf({ name: '', confidence: 150 })).resolves.toMatchObject({
      name: undefined,
      confidence: undefined,
      threats: ['APT28', 'HeadLace'],
      tlp: 'amber',
    });
  });

  const someUuid = '3c9e1f0a-7b2d-4e58-9a61-0f4d2b8c7e15';
  const report = { type: 'report', id: `report--${someUuid}`, name: 'Wrapped', confidence: 60 };
  const intrusionSet = { type: 'intrusion-set', id: 'intrusion-set--1', name: 'APT29' };

  it.each([
    ['a list in the data envelope', { data: [report] }],
    ['an items page', { items: [report], total: 1 }],
    ['a bare STIX bundle', { type: 'bundle', id: 'bundle--1', objects: [intrusionSet, report] }],
    ['a STIX bundle in the data envelope', { data: { type: 'bundle', objects: [report, intrusionSet] } }],
  ])('finds the report in %s', async (_shape, body) => {
    harness.fake.respondNext(1, { status: 200, body });
    const summary = await harness.client.getReport(someUuid);
    expect(summary).toMatchObject({ uuid: someUuid, name: 'Wrapped', confidence: 60 });
    if (JSON.stringify(body).includes('bundle')) expect(summary.threats).toEqual(['APT29']);
  });

  it.each([
    ['a bundle without a report', { type: 'bundle', id: 'bundle--1', objects: [intrusionSet] }],
    ['an object with neither name nor id', { data: { description: 'what is this' } }],
    ['an empty list', { data: [] }],
  ])('refuses %s as sekoia_invalid_response', async (_shape, body) => {
    harness.fake.respondNext(1, { status: 200, body });
    await expect(harness.client.getReport(someUuid)).rejects.toMatchObject({
      code: 'sekoia_invalid_response',
      retryable: false,
    });
  });
});
