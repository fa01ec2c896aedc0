/** The order after moving `id` to position `to` (clamped); null when nothing would change. */
export function moveItem(ids: readonly string[], id: string, to: number): string[] | null {
  const from = ids.indexOf(id);
  if (from === -1) return null;
  const target = Math.max(0, Math.min(ids.length - 1, to));
  if (target === from) return null;
  const next = ids.filter((x) => x !== id);
  next.splice(target, 0, id);
  return next;
}
