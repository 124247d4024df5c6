// The hour (0–23) of an instant in a time zone: the schedule's "毎日 N 時に実行".
export function hourIn(instant: Date, timeZone: string): number {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  return Number(text);
}
