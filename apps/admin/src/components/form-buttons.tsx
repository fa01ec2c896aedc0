/*
 * The buttons an inline edit form and a listed item share across views: save and cancel at the end of the
 * form, and "edit" and "remove" beside an item, each naming the item for a screen reader (the visible word
 * alone would say "Ret, Ret, Ret" down the list).
 */

/** Save (submits the form) and cancel (closes it without saving). */
export function SaveCancel(props: { save: string; cancel: string; onCancel: () => void }) {
  return (
    <>
      <button type="submit" class="button button-primary">
        {props.save}
      </button>{" "}
      <button type="button" class="button button-secondary" onClick={() => props.onCancel()}>
        {props.cancel}
      </button>
    </>
  );
}

/** "Ret" and "Fjern" beside an item; `name` completes each button's accessible name. */
export function EditRemove(props: {
  name: string;
  edit: string;
  remove: string;
  onEdit: () => void;
  onRemove: () => void;
}) {
  return (
    <>
      <button type="button" class="button button-secondary" onClick={() => props.onEdit()}>
        {props.edit}
        <span class="visually-hidden"> {props.name}</span>
      </button>{" "}
      <button type="button" class="button button-secondary" onClick={() => props.onRemove()}>
        {props.remove}
        <span class="visually-hidden"> {props.name}</span>
      </button>
    </>
  );
}
