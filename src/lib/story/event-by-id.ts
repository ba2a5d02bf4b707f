/** An event by its id; a chart or a page that names an event the record does not have fails, saying which. */
export function eventById<T extends {event_id: string}>(events: T[], id: string): T {
  const event = events.find((e) => e.event_id === id);
  if (!event) throw new Error(`no event '${id}' in data/events.csv`);
  return event;
}
