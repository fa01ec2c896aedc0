/*
 * OParl date-time (`yyyy-mm-ddThh:mm:ss±hh:mm`) in Danish local time, so a meeting at "kl. 14:00" reads
 * 14:00:00+01:00 (or +02:00 in summer) rather than a UTC hour a reader must convert.
 */
const zone = "Europe/Copenhagen";
const wallClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: zone,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

const pad = (n: number) => String(n).padStart(2, "0");

export function dateTime(epochMs: number): string {
  const at = new Date(Math.floor(epochMs / 1000) * 1000);
  const p: Record<string, string> = {};
  for (const part of wallClock.formatToParts(at)) p[part.type] = part.value;
  const local = `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
  const offsetMinutes = Math.round((Date.parse(`${local}Z`) - at.getTime()) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
