/** Whether a key press belongs to a text field, a menu or a dialog rather than to the canvas. */
export function typing(event: KeyboardEvent): boolean {
  const target = event.target instanceof HTMLElement ? event.target : null;
  if (!target) return false;
  return (
    target.isContentEditable ||
    target.closest("input, textarea, select, [role='dialog'], [role='listbox']") !== null
  );
}
