/**
 * Danish municipal councils are elected in November every 4 years (2017, 2021, 2025, …) and sit from
 * 1 January after the election; a council's term (funktionsperiode) follows that period.
 */
const FIRST_KNOWN_PERIOD_START = 2018;

export function municipalElectionPeriod(date: string): { startsOn: string; endsOn: string } {
  const year = Number(date.slice(0, 4));
  const start = FIRST_KNOWN_PERIOD_START + 4 * Math.floor((year - FIRST_KNOWN_PERIOD_START) / 4);
  return { startsOn: `${start}-01-01`, endsOn: `${start + 3}-12-31` };
}
