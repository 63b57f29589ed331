const SAMPLE =
  /^(sekoia_chatops_deliveries_total|sekoia_chatops_events_deduplicated_total)(\{[^}]*\})? (\S+)$/;

/**
 * Events a bot process has finished with, from its `/metrics`: notifications handed to the platforms
 * (not the failed attempts) plus WebHook events dropped as duplicates, as the in-process bench counts.
 */
export async function readProcessedCount(botUrl: string): Promise<number> {
  const response = await fetch(`${botUrl}/metrics`);
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  let processed = 0;
  for (const line of (await response.text()).split('\n')) {
    const sample = SAMPLE.exec(line);
    if (!sample || sample[2]?.includes('result="failed"')) continue;
    processed += Number(sample[3]);
  }
  return processed;
}
