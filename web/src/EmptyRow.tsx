import { T } from "./text";

/** The row a table shows when it has nothing to list. */
export function EmptyRow({ columns, when }: { columns: number; when: boolean }) {
  if (!when) return null;
  return (
    <tr>
      <td colSpan={columns}>{T.none}</td>
    </tr>
  );
}
